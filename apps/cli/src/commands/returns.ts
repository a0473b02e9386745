/**
 * `cpo returns`: the returns held in the store — for each council, every import of every year, which one is current,
 * when it was imported and what it held. Lists imports only; it reads no child-level data.
 */
import { AuditLog, ReportingYear, Returns } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { decodeCouncil } from "../flags.ts"
import { Format, toCsv, toJson, toTable, writeStdout } from "../output.ts"
import { operator, withStore } from "./db.ts"

const columns = ["council", "year", "import", "current", "imported_at", "children", "episodes", "checksum"] as const

export const returnsCommand = Command.make(
  "returns",
  {
    council: Flag.String("council").pipe(
      Flag.optional,
      Flag.withDescription("only this council (its id, e.g. demo-borough)")
    ),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const returns = yield* Returns.Returns
        const councils = yield* Option.match(options.council, {
          onNone: () => Effect.map(returns.councils, (cs) => cs.map((c) => c.id)),
          onSome: (raw) =>
            decodeCouncil(raw).pipe(
              Effect.flatMap((id) => returns.council(id)),
              Effect.map((c) => [c.id]),
              Effect.catchTag("CouncilNotFound", () =>
                Effect.fail(new UnusableInput({ message: `no council ${raw} in the store` }))
              )
            )
        })
        const history = yield* Effect.forEach(councils, (id) => Effect.orDie(returns.history(id)))
        const rows = history.flat().map((h) => ({
          council: h.council,
          year: ReportingYear.label(h.year),
          import: h.id,
          current: h.current ? "yes" : "no",
          imported_at: h.importedAt,
          children: h.children,
          episodes: h.episodes,
          checksum: h.checksum.slice(0, 12)
        }))
        if (options.format === "json") return yield* writeStdout(toJson(history.flat()))
        const cells = rows.map((r) => columns.map((c) => r[c]))
        yield* writeStdout(
          options.format === "csv"
            ? toCsv(columns, cells)
            : rows.length === 0
              ? "no returns imported yet\n"
              : toTable(columns, cells)
        )
      })
    ).pipe(AuditLog.withCaller(operator("list imported returns")))
).pipe(
  Command.withDescription("List the returns in the store: every import per council and year, and which is current")
)
