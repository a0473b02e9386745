import { describe, expect, it } from "@effect/vitest"
import { quote } from "../src/Csv.ts"
import { Synth } from "../src/index.ts"

const council = Synth.generate({ seed: 4, council: "Csv Borough", children: 300, years: { from: 2023, to: 2026 } })
const filesOf = (year: number) => Synth.toCsvFiles(council.returns.find((r) => r.year === year)!)
const file = (year: number, name: string) => filesOf(year).find((f) => f.name === name)!
const rowsOf = (content: string) => content.split("\r\n").slice(0, -1)

/** RFC 4180 fields of one line (no embedded line breaks in these files). */
const fields = (line: string): Array<string> => {
  const out: Array<string> = []
  let field = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      out.push(field)
      field = ""
    } else field += ch
  }
  out.push(field)
  return out
}

const columnsOf = (year: number, name: string) => rowsOf(file(year, name).content)[0]

describe("Synth.toCsvFiles", () => {
  it("writes every table with the columns of ssda903.md §2, in order", () => {
    expect(columnsOf(2026, "header.csv")).toBe("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB")
    expect(columnsOf(2026, "episodes.csv")).toBe(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
    )
    expect(columnsOf(2026, "reviews.csv")).toBe("CHILD,DOB,REVIEW,REVIEW_CODE")
    expect(columnsOf(2026, "uasc.csv")).toBe("CHILD,SEX,DOB,DUC")
    expect(columnsOf(2026, "oc2.csv")).toBe(
      "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"
    )
    expect(columnsOf(2026, "oc3.csv")).toBe("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM")
    expect(columnsOf(2026, "ad1.csv")).toBe("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR")
    expect(columnsOf(2026, "placed_for_adoption.csv")).toBe(
      "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"
    )
    expect(columnsOf(2026, "previous_permanence.csv")).toBe("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM")
    expect(columnsOf(2026, "missing.csv")).toBe("CHILD,DOB,MISSING,MIS_START,MIS_END")
    expect(columnsOf(2026, "sw_episodes.csv")).toBe("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON")
  })

  it("writes the social-worker table from collection year 2024 only", () => {
    expect(filesOf(2023).map((f) => f.name)).not.toContain("sw_episodes.csv")
    expect(filesOf(2024).map((f) => f.name)).toContain("sw_episodes.csv")
  })

  it("codes SEX 1/2 up to 2024 and M/F from 2025", () => {
    const sexes = (year: number) =>
      new Set(
        rowsOf(file(year, "header.csv").content)
          .slice(1)
          .map((l) => fields(l)[1])
      )
    expect(sexes(2024)).toEqual(new Set(["1", "2"]))
    expect(sexes(2025)).toEqual(new Set(["M", "F"]))
  })

  it("writes dates as dd/mm/yyyy, flags as 0/1, and one field per column on every row", () => {
    for (const f of filesOf(2026)) {
      const [header, ...rows] = rowsOf(f.content)
      const names = fields(header!)
      for (const row of rows) {
        const values = fields(row)
        expect(values.length, `${f.name}: ${row}`).toBe(names.length)
        names.forEach((name, i) => {
          const v = values[i]!
          if (v === "") return
          if (
            /^(DOB|DECOM|DEC|REVIEW|DUC|DATE_INT|DATE_MATCH|DATE_PLACED|DATE_PLACED_CEASED|MIS_START|MIS_END|SW_DECOM|SW_DEC|MC_DOB)$/.test(
              name
            )
          ) {
            expect(v, `${f.name} ${name}`).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
          }
          if (name === "DATE_PERM") expect(v).toMatch(/^(\d{2}|ZZ)\/(\d{2}|ZZ)\/\d{4}$/)
          if (
            /^(MOTHER|CONVICTED|HEALTH_CHECK|IMMUNISATIONS|TEETH_CHECK|HEALTH_ASSESSMENT|SUBSTANCE_MISUSE|INTERVENTION_RECEIVED|INTERVENTION_OFFERED|FOSTER_CARE)$/.test(
              name
            )
          ) {
            expect(v).toMatch(/^[01]$/)
          }
        })
      }
    }
  })

  it("ends every line with CRLF", () => {
    for (const f of filesOf(2026)) {
      expect(f.content.endsWith("\r\n")).toBe(true)
      expect(f.content.replaceAll("\r\n", "").includes("\n")).toBe(false)
    }
  })

  it("quotes fields as RFC 4180 says", () => {
    expect(quote("plain")).toBe("plain")
    expect(quote("a,b")).toBe('"a,b"')
    expect(quote('say "hi"')).toBe('"say ""hi"""')
    expect(quote("two\r\nlines")).toBe('"two\r\nlines"')
  })
})
