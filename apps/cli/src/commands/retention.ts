/**
 * `cpo retention`: delete child-level records past statutory retention (the 75th anniversary of birth; 100 years for
 * adoptions — domain.md §5.2) and list what was deleted. `--dry-run` lists what would go and deletes nothing.
 */
import { AuditLog, CalendarDate } from "@cpo/domain"
import { Store } from "@cpo/store"
import { Clock, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { Format, toCsv, toJson, toTable, writeStderr, writeStdout } from "../output.ts"
import { operator, withStore } from "./db.ts"

const columns = ["council", "year", "import", "child", "rule", "retain_until", "rows"] as const

export const retentionCommand = Command.make(
  "retention",
  {
    dryRun: Flag.Boolean("dry-run").pipe(Flag.withDefault(false), Flag.withDescription("list what would be deleted")),
    asOf: Flag.String("as-of").pipe(
      Flag.optional,
      Flag.withDescription("the day to apply retention on (default today)")
    ),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    Effect.gen(function* () {
      const today = CalendarDate.fromDayNumber(Math.floor((yield* Clock.currentTimeMillis) / 86_400_000))
      const asOf = yield* Option.match(options.asOf, {
        onNone: () => Effect.succeed(today),
        onSome: (raw) =>
          Option.match(CalendarDate.fromIso(raw), {
            onNone: () =>
              Effect.fail(new UnusableInput({ message: `--as-of must be a date as YYYY-MM-DD, got "${raw}"` })),
            onSome: Effect.succeed
          })
      })
      const report = yield* withStore(Effect.flatMap(Store.Retention, (r) => r.run({ asOf, dryRun: options.dryRun })))
      const rows = report.expired.map((e) => [e.council, e.year, e.importId, e.childId, e.rule, e.retainUntil, e.rows])
      if (options.format === "json") yield* writeStdout(toJson(report))
      else if (options.format === "csv") yield* writeStdout(toCsv(columns, rows))
      else if (rows.length > 0) yield* writeStdout(toTable(columns, rows))
      const children = report.expired.length
      yield* writeStderr(
        options.dryRun
          ? `dry run: ${children} child record(s), ${report.rowsDeleted} row(s) past retention on ${asOf}; nothing deleted`
          : `deleted ${children} child record(s), ${report.rowsDeleted} row(s) past retention on ${asOf}`
      )
    }).pipe(AuditLog.withCaller(operator("statutory retention")))
).pipe(Command.withDescription("Delete child-level records past statutory retention (--dry-run to list only)"))
