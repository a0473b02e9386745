/**
 * Totals every Vitest JSON report in the workspace (`<workspace>/.reports/vitest.json`) and prints the one line CI
 * reads: `N passed, N failed`. A workspace whose test task crashed before writing its report counts as one failure.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

interface VitestReport {
  readonly numPassedTests: number
  readonly numFailedTests: number
  readonly numPendingTests: number
  readonly numTodoTests: number
  readonly numFailedTestSuites: number
  readonly testResults: ReadonlyArray<{ readonly assertionResults: ReadonlyArray<unknown> }>
}

const root = join(import.meta.dirname, "..")
let passed = 0
let failed = 0
let skipped = 0
const lines: Array<string> = []
// every workspace with tests: packages/*, apps/* and docs (the doc tests)
const workspaces = [
  ...["packages", "apps"].flatMap((group) =>
    readdirSync(join(root, group))
      .sort()
      .map((name) => [group, name] as const)
  ),
  [".", "docs"] as const
]
for (const [group, name] of workspaces) {
  const pkg = join(root, group, name)
  if (!existsSync(join(pkg, "package.json"))) continue
  const report = join(pkg, ".reports", "vitest.json")
  if (!existsSync(report)) {
    failed += 1
    lines.push(`${group === "." ? name : `${group}/${name}`}: no test report (the test task did not run or crashed)`)
    continue
  }
  const r = JSON.parse(readFileSync(report, "utf8")) as VitestReport
  // a suite that failed to load (syntax error, missing import) has no assertions but is a failure
  const brokenSuites = r.testResults.filter((t) => t.assertionResults.length === 0).length
  const suiteFailures = Math.min(r.numFailedTestSuites, brokenSuites)
  passed += r.numPassedTests
  failed += r.numFailedTests + suiteFailures
  skipped += r.numPendingTests + r.numTodoTests
  lines.push(
    `${group === "." ? name : `${group}/${name}`}: ${r.numPassedTests} passed, ${r.numFailedTests + suiteFailures} failed`
  )
}
process.stdout.write(`${lines.join("\n")}\n`)
process.stdout.write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`)
