/**
 * The audit log: who read, exported or imported child-level data for the council, when and why (domain.md §5.3).
 * For administrators; the API refuses other roles. Children are counted here, never named.
 */
import { useParams } from "@solidjs/router"
import { createResource, Match, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { type AuditEntry, fetchAuditLog } from "../data/audit.ts"
import { useCouncils } from "../data/councils.ts"
import { useSession } from "../data/session.ts"

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" })

const actions: Readonly<Record<AuditEntry["action"], string>> = {
  read: "Read",
  export: "Exported",
  import: "Imported",
  delete: "Deleted"
}

const subject = (entry: AuditEntry): string =>
  entry.subject._tag === "Cohort"
    ? `${entry.subject.description} (${entry.subject.children} ${entry.subject.children === 1 ? "child" : "children"})`
    : `${entry.subject.childIds.length} named ${entry.subject.childIds.length === 1 ? "child" : "children"}`

export default function AuditPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const [log] = createResource(
    () => ({ council: params.council, version: session.version() }),
    (q) => fetchAuditLog(q.council)
  )
  usePageTitle(() => `Audit log${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Audit log
      </h1>
      <p>Every read, export or import of child-level data for this council, newest first.</p>
      <Switch>
        <Match when={log.error !== undefined}>
          <LoadError what="the audit log" error={log.error} />
        </Match>
        <Match when={log.loading && log.latest === undefined}>
          <Loading what="the audit log" />
        </Match>
        <Match when={log.latest?.length === 0}>
          <p class="inset">No child-level data has been accessed for this council yet.</p>
        </Match>
        <Match when={log.latest}>
          {(entries) => (
            <DataTable
              caption={`${entries().length} ${entries().length === 1 ? "entry" : "entries"}`}
              rows={entries()}
              columns={[
                { heading: "When", cell: (e: AuditEntry) => when.format(new Date(e.at)) },
                { heading: "Who", cell: (e: AuditEntry) => `${e.actor} (${e.role})` },
                { heading: "Did", cell: (e: AuditEntry) => actions[e.action] },
                { heading: "What", cell: (e: AuditEntry) => subject(e) },
                { heading: "Why", cell: (e: AuditEntry) => e.purpose }
              ]}
            />
          )}
        </Match>
      </Switch>
    </>
  )
}
