import { describe, expect, it } from "@effect/vitest"
import { CodeList, LegalStatus } from "../src/index.ts"

describe("CodeList", () => {
  const list = CodeList.make("Sample", "Sample codes", { P1: "Placed with parents", V3: "Short breaks" })

  it("knows its codes and their labels", () => {
    expect(list.codes).toEqual(["P1", "V3"])
    expect(list.is("P1")).toBe(true)
    expect(list.is("p1")).toBe(false)
    expect(list.label("V3")).toBe("Short breaks")
  })

  it("finds a code as the list spells it, and nothing for a string that is not one", () => {
    expect(list.find("V3")).toBe("V3")
    expect(list.find("V9")).toBeUndefined()
    expect(list.find("")).toBeUndefined()
    expect(LegalStatus.codes.find("C2")).toBe("C2")
  })
})
