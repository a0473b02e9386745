/**
 * Doc tests: the documentation cannot drift from the product.
 *
 * - every relative link between the repository's Markdown pages resolves (file and, for Markdown targets, heading);
 * - every code block marked `<!-- include: <path>#<region> -->` equals that `// #region` of the file, which is itself a
 *   test that runs in CI;
 * - every `sh` block of the guides in `docs/` runs, in order, in one scratch folder per page, with `cpo` on the PATH
 *   (the bundled CLI) and a fresh PGlite store — unless the block is marked `<!-- not-runnable: <reason> -->`, or
 *   `<!-- needs: <tool> -->` and that tool is not installed here.
 */
import { spawnSync } from "node:child_process"
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, relative, resolve } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "..", "..")
const docs = join(root, "docs")
const cli = join(root, "apps", "cli", "dist", "cpo.mjs")

/** The Markdown pages that link to each other: docs/, the top README, and each workspace's README and notes. */
const pages = (): ReadonlyArray<string> => {
  const out = [join(root, "README.md")]
  for (const n of readdirSync(docs)) if (n.endsWith(".md")) out.push(join(docs, n))
  for (const group of ["packages", "apps"]) {
    for (const w of readdirSync(join(root, group))) {
      for (const n of ["README.md", "AGREEMENT.md"]) {
        const p = join(root, group, w, n)
        if (existsSync(p)) out.push(p)
      }
    }
  }
  return out
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-")

const anchorsOf = (markdown: string) =>
  new Set(
    markdown
      .split("\n")
      .filter((l) => /^#{1,6}\s/.test(l))
      .map((l) => slug(l.replace(/^#{1,6}\s/, "")))
  )

/** Markdown with fenced code removed, so `[x](y)` inside code is not read as a link. */
const withoutCode = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, "")

describe("links between pages", () => {
  for (const page of pages()) {
    it(`resolve in ${relative(root, page)}`, () => {
      const text = withoutCode(readFileSync(page, "utf8"))
      const broken: Array<string> = []
      for (const m of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const target = m[1]!
        if (/^[a-z]+:/i.test(target)) continue
        const [path = "", anchor] = target.split("#")
        const file = path === "" ? page : resolve(dirname(page), path)
        if (!existsSync(file)) {
          broken.push(`${target} (no such file)`)
          continue
        }
        if (anchor !== undefined && file.endsWith(".md") && !anchorsOf(readFileSync(file, "utf8")).has(anchor)) {
          broken.push(`${target} (no such heading)`)
        }
      }
      expect(broken).toEqual([])
    })
  }
})

/** The lines between `// #region name` and `// #endregion name`, without their common indentation. */
const region = (file: string, name: string): string => {
  const lines = readFileSync(join(root, file), "utf8").split("\n")
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`)
  const end = lines.findIndex((l) => l.trim() === `// #endregion ${name}`)
  if (start < 0 || end < start) throw new Error(`${file} has no region ${name}`)
  const body = lines.slice(start + 1, end)
  const indent = Math.min(...body.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length))
  return body.map((l) => l.slice(indent)).join("\n")
}

interface Block {
  readonly lang: string
  readonly body: string
  /** The HTML comments just above the block. */
  readonly marks: ReadonlyArray<string>
  readonly line: number
}

const blocksOf = (markdown: string): ReadonlyArray<Block> => {
  const lines = markdown.split("\n")
  const out: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!)
    if (open === null) continue
    const marks: Array<string> = []
    for (let j = i - 1; j >= 0 && /^<!--.*-->$/.test(lines[j]!.trim()); j--) marks.unshift(lines[j]!.trim())
    const end = lines.findIndex((l, k) => k > i && l.startsWith("```"))
    out.push({ lang: open[1] ?? "", body: lines.slice(i + 1, end).join("\n"), marks, line: i + 1 })
    i = end
  }
  return out
}

const mark = (block: Block, name: string): string | undefined => {
  for (const m of block.marks) {
    const found = new RegExp(`^<!--\\s*${name}:\\s*(.*?)\\s*-->$`).exec(m)
    if (found !== null) return found[1]
  }
  return undefined
}

describe("quoted code", () => {
  for (const page of pages()) {
    const blocks = blocksOf(readFileSync(page, "utf8")).filter((b) => mark(b, "include") !== undefined)
    for (const b of blocks) {
      const [file = "", name = ""] = mark(b, "include")!.split("#")
      it(`${relative(root, page)}:${b.line} quotes ${file}#${name} exactly`, () => {
        expect(b.body).toBe(region(file, name))
      })
    }
  }
})

const installed = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0

const scratch = mkdtempSync(join(tmpdir(), "cpo-docs-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A folder with `cpo` (the bundled CLI on this Node) first on the PATH. */
const bin = (() => {
  const dir = join(scratch, "bin")
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "cpo"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`)
  chmodSync(join(dir, "cpo"), 0o755)
  return dir
})()

describe("shell examples in the guides", () => {
  const guides = readdirSync(docs).filter((n) => n.endsWith(".md") && n !== "benchmarks.md")
  for (const name of guides) {
    const blocks = blocksOf(readFileSync(join(docs, name), "utf8")).filter((b) => b.lang === "sh")
    if (blocks.length === 0) continue
    describe(name, () => {
      const work = join(scratch, name.replace(/\.md$/, ""))
      mkdirSync(work, { recursive: true })
      for (const b of blocks) {
        const reason = mark(b, "not-runnable")
        const needs = mark(b, "needs")
        const title = `line ${b.line}: ${b.body.split("\n")[0]}`
        if (reason !== undefined) {
          it(`${title} — not runnable, with a reason`, () => expect(reason.length).toBeGreaterThan(10))
          continue
        }
        const missing = (needs ?? "").split(/[\s,]+/).filter((t) => t !== "" && !installed(t))
        it.skipIf(missing.length > 0)(title, () => {
          expect(existsSync(cli), `${cli} is built`).toBe(true)
          const env: Record<string, string> = {
            ...(process.env as Record<string, string>),
            PATH: `${bin}:${process.env.PATH}`,
            CPO_DATA_DIR: join(work, ".data", "pglite"),
            NO_COLOR: "1"
          }
          delete env.PG_URL
          const run = spawnSync("bash", ["-e", "-o", "pipefail", "-c", b.body], {
            cwd: work,
            env,
            encoding: "utf8",
            timeout: 170_000
          })
          expect(run.status, `exit status of:\n${b.body}\n--- stderr ---\n${run.stderr.slice(-3000)}`).toBe(0)
        })
      }
    })
  }
})
