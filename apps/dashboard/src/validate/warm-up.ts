/**
 * A small, plainly fake return the worker checks once when it starts, while the analyst is still choosing files: the
 * browser then compiles the codec, the rules and the indicators before the real files arrive, so the analyst's check
 * runs on warm code (a first, cold run is several times slower). Nothing of it is shown or kept.
 */

/** Children in the warm-up return: enough rows for the browser to optimise the busiest functions. */
const children = 300

const pad = (n: number) => String(n).padStart(2, "0")

/** A dd/mm/yyyy date `days` after 1 January 2010 (calendar arithmetic in UTC, no clock read). */
const day = (days: number) => {
  const d = new Date(Date.UTC(2010, 0, 1) + days * 86_400_000)
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}

const csv = (name: string, header: string, rows: ReadonlyArray<string>) => ({
  name,
  bytes: new TextEncoder().encode(`${header}\n${rows.join("\n")}\n`)
})

const ids = Array.from({ length: children }, (_, i) => i)

/**
 * The warm-up files (header, episodes and reviews of `children` fake children, year ending 31 March 2025).
 * @category constructors
 */
export const warmUpFiles = (): ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }> => [
  csv(
    "warm-up-header.csv",
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
    ids.map((i) => `WARM${i},${i % 2 === 0 ? "M" : "F"},${day(i * 7)},WBRI,UN1,,`)
  ),
  csv(
    "warm-up-episodes.csv",
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
    ids.flatMap((i) => {
      const start = 5000 + (i % 200)
      return [
        `WARM${i},${day(start)},S,C2,N1,U4,PR1,${day(start + 120)},X1,,AB1 2CD,AB1 2CE,XXXXXXX`,
        `WARM${i},${day(start + 120)},P,C2,N1,U6,PR4,${i % 3 === 0 ? day(start + 300) : ""},${i % 3 === 0 ? "E4A" : ""},CARPL,AB1 2CD,AB2 3EF,SC123456`
      ]
    })
  ),
  csv(
    "warm-up-reviews.csv",
    "CHILD,DOB,REVIEW,REVIEW_CODE",
    ids.map((i) => `WARM${i},${day(i * 7)},${day(5200 + (i % 100))},PN1`)
  )
]
