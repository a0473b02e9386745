/** The ONS postcode directory loader, on a small fake directory (made-up postcodes and grid references). */
import { type Placement, ReportingYear } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { PostcodeDirectory, Ssda903, Validation } from "../src/index.ts"
import { encode } from "./fixtures.ts"
import { files } from "./rules.ts"

// An NSPL-shaped extract: more columns than we read, in ONS's order, one postcode of a county district, one of a
// unitary authority, one in Wales, and one with no grid reference.
const nspl = [
  "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward",
  "AA1 1AA,AA1  1AA,AA1 1AA,198001,,0,400000,300000,1,E00000001,E10000001,E58000001,E07000001,E05000001",
  "BB22BB,BB2  2BB,BB2 2BB,198001,,0,403219,300000,1,E00000002,E99999999,E99999999,E06000017,E05000002",
  "CF1 1CF,CF1  1CF,CF1 1CF,198001,,0,318000,176000,1,W00000003,W99999999,W99999999,W06000015,W05000003",
  "ZZ9 9ZZ,ZZ9  9ZZ,ZZ9 9ZZ,198001,,0,,,9,,,,,"
].join("\r\n")

const directory = await Effect.runPromise(PostcodeDirectory.decodeBytes("nspl.csv", encode(nspl)))

describe("PostcodeDirectory", () => {
  it("keeps each postcode's grid reference and upper-tier authority: the county where there is one", () => {
    assert.strictEqual(directory.size, 3)
    assert.deepStrictEqual(
      directory.lookup("aa11aa"),
      Option.some({ easting: 400000, northing: 300000, localAuthority: "E10000001" })
    )
    assert.deepStrictEqual(
      Option.map(directory.lookup("BB2 2BB"), (l) => l.localAuthority),
      Option.some("E06000017")
    )
    assert.deepStrictEqual(
      Option.map(directory.lookup("CF1 1CF"), (l) => l.localAuthority),
      Option.some("WAL")
    )
    assert.isTrue(Option.isNone(directory.lookup("ZZ9 9ZZ")))
  })

  it("gives distances in miles from the grid references", () => {
    const home = Option.getOrThrow(directory.lookup("AA1 1AA"))
    const placed = Option.getOrThrow(directory.lookup("BB2 2BB"))
    const miles = Math.hypot(home.easting - placed.easting, home.northing - placed.northing) / 1609.3
    assert.closeTo(miles, 2.0, 0.01)
  })

  it("rejects a file that is not a postcode directory, naming the missing columns", async () => {
    const error = await Effect.runPromise(
      Effect.flip(PostcodeDirectory.decodeBytes("header.csv", encode("CHILD,SEX,DOB\r\nA,1,01/01/2010\r\n")))
    )
    assert.instanceOf(error, Ssda903.UnreadableFile)
    assert.match(
      error.message,
      /^header\.csv: not an ONS postcode directory: no postcode, easting, northing, district column/
    )
  })

  it("turns postcode rules from skipped to run when given with the council's code", () =>
    Effect.gen(function* () {
      const decoded = yield* Ssda903.decodeFiles(
        files({ Episodes: [{ PLACE_PROVIDER: "PR1", HOME_POST: "AA1 1AA", PL_POST: "CF1 1CF", PLACE: "K2" }] }),
        { year: ReportingYear.make(2018) }
      )
      const without = Validation.validate(decoded)
      const area: Placement.AreaContext = { directory, localAuthority: "E10000001" }
      const withArea = Validation.validate(decoded, { area })
      assert.strictEqual(without.rules.find((r) => r.code === "1015")?.status, "skipped")
      assert.strictEqual(withArea.rules.find((r) => r.code === "1015")?.status, "failed")
    }).pipe(Effect.runPromise))
})
