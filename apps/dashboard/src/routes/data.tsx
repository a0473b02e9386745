/**
 * The Data page: the history of a council's 903 returns — each import, its year, size and whether it is the one the
 * figures use. Child-level work (imports) is for officers and analysts; the API refuses other roles.
 */
import * as ReportingYear from "@cpo/domain/ReportingYear"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams } from "@solidjs/router"
import { createResource, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { ReturnUpload } from "../components/return-upload.tsx"
import { useCouncils, useRefetchCouncils } from "../data/councils.ts"
import { fetchReturnHistory, type ImportRecord } from "../data/returns.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may upload and import returns (the API's authorization matrix). */
const importers: ReadonlyArray<UserRole.UserRole> = ["officer", "analyst"]

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" })
const count = new Intl.NumberFormat("en-GB")

export default function DataPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const refetchCouncils = useRefetchCouncils()
  const [history, { refetch: refetchHistory }] = createResource(
    () => ({ council: params.council, version: session.version() }),
    (q) => fetchReturnHistory(q.council)
  )
  usePageTitle(() => `Data${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Data
      </h1>
      <Show when={mayOpen(session.user(), importers)}>
        <ReturnUpload
          council={params.council}
          defaultYear={council()?.years[0] ?? 2026}
          onImported={() => {
            void refetchHistory()
            refetchCouncils()
          }}
        />
      </Show>
      <h2>Returns imported</h2>
      <p>
        Each import of a 903 return is kept. The current import of a year is the one every figure for that year comes
        from; importing the same files again changes nothing.
      </p>
      <Switch>
        <Match when={history.error !== undefined}>
          <LoadError what="the returns" error={history.error} />
        </Match>
        <Match when={history.loading && history.latest === undefined}>
          <Loading what="the returns" />
        </Match>
        <Match when={history.latest?.length === 0}>
          <p class="inset">No 903 return has been imported for this council yet.</p>
        </Match>
        <Match when={history.latest}>
          {(imports) => (
            <DataTable
              caption={`${imports().length} ${imports().length === 1 ? "import" : "imports"} of 903 returns`}
              rows={imports()}
              columns={[
                { heading: "Year", cell: (r: ImportRecord) => ReportingYear.label(r.year) },
                { heading: "Imported", cell: (r: ImportRecord) => when.format(new Date(r.importedAt)) },
                { heading: "Children", cell: (r: ImportRecord) => count.format(r.children), numeric: true },
                { heading: "Episodes", cell: (r: ImportRecord) => count.format(r.episodes), numeric: true },
                {
                  heading: "Status",
                  cell: (r: ImportRecord) =>
                    r.current ? (
                      <strong class="tag tag--green">
                        <span aria-hidden="true">✓</span>Current
                      </strong>
                    ) : (
                      <span class="tag tag--neutral">Superseded</span>
                    )
                }
              ]}
            />
          )}
        </Match>
      </Switch>
    </>
  )
}
