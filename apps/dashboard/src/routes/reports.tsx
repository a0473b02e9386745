/**
 * Reports: choose a year and audience, preview the corporate parenting report the API builds (the same report as
 * `cpo report --council`), and download it as HTML, Markdown or PDF, or its tables as CSV or XLSX. The preview shows the
 * API's page unchanged, in a frame without scripts so its styles cannot leak into the dashboard's. Members and the
 * public always get the suppressed report; officers and analysts may choose. Choices take effect when the form is
 * submitted (WCAG 3.2.2).
 */
import * as Audience from "@cpo/domain/Audience"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js"
import { ErrorSummary, LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { AudienceChoice, CouncilYears, useCouncilYear, YearChoice } from "../components/year-page.tsx"
import {
  fetchMemberReport,
  fetchReportFile,
  type MemberReport,
  type ReportFile,
  type ReportRequest,
  reportFiles
} from "../data/reports.ts"
import { useSession } from "../data/session.ts"

const isAudience = Schema.is(Audience.Audience)

/** The audiences as the report form words them: the officers' report is not for publication. */
const audiences: Readonly<Record<Audience.Audience, string>> = {
  member: "Members (small counts hidden)",
  public: "Public (small counts hidden)",
  officer: "Officers (exact figures, not for publication)"
}

/** Download links for the report, as files made in the browser from what the API sent. */
const Downloads = (props: { readonly report: MemberReport; readonly name: string }) => {
  const urls = createMemo(() => {
    const html = URL.createObjectURL(new Blob([props.report.html], { type: "text/html" }))
    const markdown = URL.createObjectURL(new Blob([props.report.markdown], { type: "text/markdown" }))
    onCleanup(() => {
      URL.revokeObjectURL(html)
      URL.revokeObjectURL(markdown)
    })
    return { html, markdown }
  })
  return (
    <ul class="downloads">
      <li>
        <a href={urls().html} download={`${props.name}.html`}>
          Download the report as HTML
        </a>{" "}
        <span class="hint">(a web page that prints to A4)</span>
      </li>
      <li>
        <a href={urls().markdown} download={`${props.name}.md`}>
          Download the report as Markdown
        </a>{" "}
        <span class="hint">(plain text for documents and emails)</span>
      </li>
    </ul>
  )
}

/**
 * The report as PDF and its tables as CSV or XLSX, fetched when asked for (each is a fresh build of the report) and
 * saved through a link made in the page, as the HTML and Markdown are.
 */
const FileDownloads = (props: { readonly request: ReportRequest; readonly name: string }) => {
  const [state, setState] = createSignal<{ readonly busy?: ReportFile; readonly error?: string }>({})
  const download = async (format: ReportFile) => {
    setState({ busy: format })
    try {
      const blob = await fetchReportFile(props.request, format)
      const url = URL.createObjectURL(blob)
      const link = document.createElement("a")
      link.href = url
      link.download = `${props.name}${reportFiles[format].suffix}`
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      setState({})
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <>
      <ul class="downloads">
        <For each={["pdf", "csv", "xlsx"] as const}>
          {(format) => (
            <li>
              <button
                type="button"
                class="button button--secondary"
                aria-disabled={state().busy !== undefined}
                onClick={() => {
                  if (state().busy === undefined) void download(format)
                }}
              >
                {reportFiles[format].label}
              </button>{" "}
              <span class="hint">({reportFiles[format].hint})</span>
            </li>
          )}
        </For>
      </ul>
      <p class="status" role="status">
        {(() => {
          const busy = state().busy
          return busy === undefined ? "" : `Preparing the ${reportFiles[busy].what}…`
        })()}
      </p>
      <Show when={state().error}>
        {(message) => <ErrorSummary title="There is a problem downloading the file" errors={[{ text: message() }]} />}
      </Show>
    </>
  )
}

export default function ReportsPage() {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string; audience?: string }>()
  const session = useSession()
  const { council, year } = useCouncilYear(() => search.year)
  const yearLabel = () => {
    const y = year()
    return y === undefined ? "" : ReportingYear.label(y)
  }
  const audience = (): Audience.Audience => (isAudience(search.audience) ? search.audience : "member")
  // The report is built only when asked for: it reads three years of returns.
  const [report] = createResource(() => {
    const y = year()
    return y === undefined || search.year === undefined
      ? false
      : { council: params.council, year: y, audience: audience(), v: session.version() }
  }, fetchMemberReport)
  usePageTitle(() => `Reports${council() ? `, ${council()?.name}` : ""}`)
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setSearch({ year: String(form.get("year")), audience: String(form.get("audience") ?? "member") })
  }
  const fileName = () => `corporate-parenting-report-${params.council}-${year() ?? ""}-${audience()}`
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Reports
      </h1>
      <p>
        The corporate parenting report for members: the year's indicators with trends and comparisons, the children
        looked after, and the strategy's priorities with their progress and governance.
      </p>
      <CouncilYears council={council()}>
        {(c) => (
          <>
            <form class="form-row" onSubmit={onSubmit} aria-label="Choose the report" novalidate>
              <YearChoice years={c().years} chosen={year()} />
              <AudienceChoice label="Report for" chosen={audience()} options={audiences} />
              <div class="form-group">
                <button type="submit" class="button">
                  Preview the report
                </button>
              </div>
            </form>
            <Switch>
              <Match when={report.error !== undefined}>
                <LoadError what="the report" error={report.error} />
              </Match>
              <Match when={report.loading}>
                <Loading what="the report (it can take a few seconds)" />
              </Match>
              <Match when={report()}>
                {(r) => (
                  <section aria-labelledby="report-preview">
                    <h2 id="report-preview">
                      {yearLabel()} report for{" "}
                      {audience() === "officer" ? "officers" : audience() === "member" ? "members" : "the public"}
                    </h2>
                    <Downloads report={r()} name={fileName()} />
                    <FileDownloads
                      request={{ council: params.council, year: year() ?? 0, audience: audience() }}
                      name={fileName()}
                    />
                    <iframe
                      class="report-preview"
                      title="Preview of the corporate parenting report"
                      sandbox=""
                      srcdoc={r().html}
                    />
                  </section>
                )}
              </Match>
            </Switch>
          </>
        )}
      </CouncilYears>
    </>
  )
}
