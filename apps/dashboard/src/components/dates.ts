/**
 * Days as people read them ("1 April 2026"), from the API's ISO calendar dates, and today's date in the UK for
 * form defaults.
 */
const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" })
const instant = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" })

/** "1 April 2026" for "2026-04-01". */
export const formatDay = (day: string): string => longDate.format(new Date(`${day}T00:00:00Z`))

/** "25 Nov 2026, 15:20" for an ISO 8601 instant. */
export const formatInstant = (at: string): string => instant.format(new Date(at))

/** Today in the UK as "YYYY-MM-DD" (the day a form suggests; the API decides what it means). */
export const todayInUk = (): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).format(new Date())
