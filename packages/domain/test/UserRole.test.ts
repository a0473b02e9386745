import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { UserRole } from "../src/index.ts"

describe("UserRole", () => {
  it("lists the roles a credential may carry and refuses any other", () => {
    expect(UserRole.all).toEqual(["admin", "officer", "analyst", "member", "partner", "public"])
    expect(Schema.is(UserRole.UserRole)("officer")).toBe(true)
    expect(Schema.is(UserRole.UserRole)("caseworker")).toBe(false)
  })

  it("gives members and the public their own audience whatever they ask, and others what they ask (officer by default)", () => {
    expect(UserRole.audienceFor("member", "officer")).toBe("member")
    expect(UserRole.audienceFor("public", undefined)).toBe("public")
    expect(UserRole.audienceFor("analyst", "public")).toBe("public")
    expect(UserRole.audienceFor("officer", undefined)).toBe("officer")
    expect(UserRole.audienceFor("admin", "member")).toBe("member")
  })
})
