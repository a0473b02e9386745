/**
 * How long synthetic councils take to generate and write, at the preset sizes of issue 12: wall and CPU time of
 * `Synth.generate`, of writing every year's CSV files and of the XML form, with the rows made and the peak RSS.
 * Prints one JSON line per preset and a summary table.
 *
 * Usage: node --max-semi-space-size=32 bench/generate.bench.ts [preset ...]   (default: every preset). The larger
 * young generation cuts garbage-collection time by about a third: simulation makes many short-lived objects.
 */
import * as Os from "node:os"
import { Synth } from "../src/index.ts"

type PresetName = keyof typeof Synth.presets
const names = (process.argv.length > 2 ? process.argv.slice(2) : Object.keys(Synth.presets)) as Array<PresetName>

const cpuMs = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}

const measure = <A>(run: () => A) => {
  const wall = performance.now()
  const cpu = cpuMs()
  const value = run()
  return { value, wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(cpuMs() - cpu) }
}

console.log(
  JSON.stringify({
    machine: {
      cores: Os.cpus().length,
      memoryGB: Math.round(Os.totalmem() / 1e9),
      node: process.version,
      load: Os.loadavg()
    }
  })
)
const rows: Array<Record<string, string | number>> = []
for (const name of names) {
  const preset = Synth.presets[name]
  if (preset === undefined) throw new Error(`unknown preset ${name}; known: ${Object.keys(Synth.presets).join(", ")}`)
  const generated = measure(() => Synth.generate(preset))
  const last = generated.value.returns[generated.value.returns.length - 1]!
  const csv = measure(() => generated.value.returns.flatMap((r) => Synth.toCsvFiles(r)))
  const xml = measure(() => Synth.toXml(last))
  const result = {
    preset: name,
    children: preset.children,
    years: generated.value.returns.length,
    childrenInLastYear: last.children.length,
    episodesInLastYear: last.episodes.length,
    generateWallMs: generated.wallMs,
    generateCpuMs: generated.cpuMs,
    csvWallMs: csv.wallMs,
    csvMB: Math.round(csv.value.reduce((n, f) => n + f.content.length, 0) / 1e5) / 10,
    xmlLastYearWallMs: xml.wallMs,
    rssMB: Math.round(process.memoryUsage().rss / 1e6)
  }
  console.log(JSON.stringify(result))
  rows.push(result)
}
console.table(rows)
