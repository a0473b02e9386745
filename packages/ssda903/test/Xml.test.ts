import { CalendarDate } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { decode, decodeFlip } from "./fixtures.ts"

const xml = `<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>X1</CHILDID><SEX>2</SEX><DOB>01/02/2003</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN2</UPN>
      <MOTHER>0</MOTHER><MC_DOB></MC_DOB>
      <AREVIEW><REVIEW>10/10/2017</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AMISSING><MISSING>M</MISSING><MIS_START>01/11/2017</MIS_START><MIS_END>02/11/2017</MIS_END></AMISSING>
      <OC2><SDQ_SCORE>12</SDQ_SCORE><SDQ_REASON/><CONVICTED>0</CONVICTED><HEALTH_CHECK/><IMMUNISATIONS>1</IMMUNISATIONS>
        <TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE>
        <INTERVENTION_RECEIVED/><INTERVENTION_OFFERED/></OC2>
    </HEADER>
    <DUC>01/02/2021</DUC>
    <EPISODE><DECOM>01/04/2015</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER>
      <DEC>01/06/2017</DEC><REC>X1</REC><REASON_PLACE_CHANGE/><HOME_POST>AB1 2CD</HOME_POST><PL_POST/><URN/></EPISODE>
    <EPISODE><DECOM>01/06/2017</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U6</PL><PLACE_PROVIDER>PR4</PLACE_PROVIDER>
      <DEC/><REC/><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE><HOME_POST/><PL_POST/><URN/></EPISODE>
  </CHILD>
  <CHILD>
    <HEADER><CHILDID>X2</CHILDID><SEX>1</SEX><DOB>31/02/2005</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN1</UPN><MOTHER/><MC_DOB/></HEADER>
    <IN_TOUCH>YES</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>U1</ACCOM>
  </CHILD>
</EXPSSDA903>
`

describe("XML", () => {
  it.effect("reads the DfE XML form into the same tables as CSV", () =>
    Effect.gen(function* () {
      const out = yield* decode({ "return.xml": xml })
      assert.deepStrictEqual(
        out.errors.map((e) => [e.table, e.column, e.value, e.childId]),
        [
          ["Header", "DOB", "31/02/2005", "X2"],
          ["OC3", "DOB", "31/02/2005", "X2"]
        ]
      )
      assert.strictEqual(out.return.children.length, 1)
      assert.strictEqual(out.return.episodes.length, 2)
      assert.strictEqual(out.return.episodes[1]!.placement, "U6")
      assert.deepStrictEqual(out.return.episodes[0]!.end, Option.some(CalendarDate.make("2017-06-01")))
      assert.strictEqual(Option.getOrThrow(out.return.reviews).length, 1)
      assert.strictEqual(Option.getOrThrow(out.return.missing)[0]!.kind, "missing")
      assert.deepStrictEqual(Option.getOrThrow(out.return.healthOutcomes)[0]!.sdqScore, Option.some(12))
      assert.strictEqual(Option.getOrThrow(out.return.uasc)[0]!.sex, "female")
      assert.strictEqual(Option.getOrThrow(out.return.careLeavers).length, 0)
      assert.isTrue(out.tables.has("adoptions"))
      assert.isFalse(out.tables.has("deprivationOfLiberty"))
    })
  )

  it.effect("rejects XML that is not well-formed", () =>
    Effect.map(decodeFlip({ "r.xml": "<EXPSSDA903><CHILD></EXPSSDA903>" }), (e) =>
      assert.include(e.message, "r.xml: it is not well-formed XML")
    )
  )

  it.effect("rejects another XML document", () =>
    Effect.map(decodeFlip({ "r.xml": "<html><body/></html>" }), (e) => assert.include(e.message, "<EXPSSDA903>"))
  )

  it.effect("reports elements the 903 schema does not have", () =>
    Effect.gen(function* () {
      const out = yield* decode({
        "r.xml":
          "<EXPSSDA903><CHILD><HEADER><CHILDID>A</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><SHOE>9</SHOE></HEADER></CHILD></EXPSSDA903>"
      })
      assert.deepStrictEqual(
        out.errors.map((e) => [e.column, e.value]),
        [["SHOE", "<SHOE>"]]
      )
    })
  )
})
