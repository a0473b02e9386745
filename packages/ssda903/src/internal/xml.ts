/**
 * The DfE XML form of the 903 (`<EXPSSDA903>`), read with the streaming `saxes` parser into the same rows the CSV
 * tables give. Each `<CHILD>` holds a `<HEADER>` (child-level fields and the nested `<AREVIEW>`, `<AMISSING>`,
 * `<OC2>`, `<PERMANENCE>`, `<AD_PLACED>`, `<SW_EPISODE>` groups) and repeated `<EPISODE>` elements; UASC, OC3 and AD1
 * fields sit directly under the child. Tags differ from CSV columns in two places: `CHILDID` is `CHILD`, `PL` is
 * `PLACE`. saxes expands no DTD entities, so entity bombs cannot blow up memory.
 */
import { SaxesParser } from "saxes"
import * as Field from "../Field.ts"
import type { DecodedFile, DecodedTable, ReadError, Row } from "../Ssda903.ts"
import { UnreadableFile } from "../Ssda903.ts"
import * as Table from "../Table.ts"
import { makeRowDecoder } from "./row-decoder.ts"

const rename: Readonly<Record<string, string>> = { CHILDID: "CHILD", PL: "PLACE" }

/** Repeated groups and the table each fills. */
const groups: Readonly<Record<string, Table.Name>> = {
  EPISODE: "Episodes",
  AREVIEW: "Reviews",
  AMISSING: "Missing",
  OC2: "OC2",
  PERMANENCE: "PrevPerm",
  AD_PLACED: "PlacedAdoption",
  SW_EPISODE: "SWEpisodes",
  DOLO: "DoLo"
}

const childLevel = new Set<string>([
  ...Table.columnsOf("Header"),
  ...Table.columnsOf("UASC"),
  ...Table.columnsOf("OC3"),
  ...Table.columnsOf("AD1"),
  // The XML form flags a UASC child with <UASC>1</UASC> beside DUC; the CSV form has a UASC table instead.
  "UASC"
])
const ad1Only = Table.columnsOf("AD1").filter((c) => c !== "CHILD" && c !== "DOB")
const oc3Only = Table.columnsOf("OC3").filter((c) => c !== "CHILD" && c !== "DOB")

const maxText = 100_000

interface Group {
  readonly table: Table.Name
  readonly line: number
  readonly fields: Map<string, string>
}

/** @internal */
export const makeXmlReader = (file: string) => {
  const parser = new SaxesParser({ position: true })
  const rows = new Map<Table.Name, Array<Row<unknown>>>()
  const errors: Array<ReadError> = []
  const decoders = new Map(Table.definitions.map((d) => [d.name, makeRowDecoder(d, file, errors).byName] as const))
  const stack: Array<string> = []
  let failure: UnreadableFile | undefined
  let child: { line: number; fields: Map<string, string>; groups: Array<Group> } | undefined
  let group: Group | undefined
  let leaf: { name: string; text: string } | undefined
  let sawRoot = false

  const fail = (message: string) => {
    if (failure === undefined) failure = new UnreadableFile({ file, message: `${file}: ${message}` })
  }
  const unknown = (tag: string, line: number) =>
    errors.push({
      table: group?.table ?? "Header",
      file,
      row: line,
      column: tag,
      childId: child?.fields.get("CHILD") ?? null,
      value: `<${tag}>`,
      expected: "an element of the DfE 903 XML schema"
    })

  const emit = (table: Table.Name, line: number, get: (c: string) => string | null) => {
    const row = decoders.get(table)!(line, get)
    if (row !== undefined) rows.get(table)!.push(row)
  }

  const closeChild = () => {
    if (child === undefined) return
    const fields = child.fields
    const from = (m: Map<string, string>) => (c: string) => {
      const v = m.get(c)?.trim()
      return v === undefined || v === "" ? null : v
    }
    emit("Header", child.line, from(fields))
    const flag = from(fields)("UASC")
    const flagged = flag === null ? undefined : Field.flag(flag)
    if (Field.isInvalid(flagged)) {
      errors.push({
        table: "UASC",
        file,
        row: child.line,
        column: "UASC",
        childId: from(fields)("CHILD"),
        value: flag ?? "",
        expected: flagged.expected
      })
    } else if (fields.has("DUC") || flagged === true) emit("UASC", child.line, from(fields))
    if (oc3Only.some((c) => fields.has(c))) emit("OC3", child.line, from(fields))
    if (ad1Only.some((c) => fields.has(c))) emit("AD1", child.line, from(fields))
    for (const g of child.groups) {
      const merged = new Map(fields)
      for (const [k, v] of g.fields) merged.set(k, v)
      emit(g.table, g.line, from(merged))
    }
    child = undefined
  }

  parser.on("error", (e) => fail(`it is not well-formed XML (${e.message})`))
  parser.on("opentag", (node) => {
    if (failure !== undefined) return
    const tag = rename[node.name.toUpperCase()] ?? node.name.toUpperCase()
    const depth = stack.length
    stack.push(tag)
    if (depth === 0) {
      if (tag !== "EXPSSDA903") fail(`its root element is <${node.name}>; a 903 XML file has <EXPSSDA903>`)
      sawRoot = true
      return
    }
    if (leaf !== undefined) {
      fail(`element <${leaf.name}> (line ${parser.line}) holds other elements; it should hold a value`)
      return
    }
    if (depth === 1) {
      if (tag !== "CHILD") {
        unknown(tag, parser.line)
        return
      }
      child = { line: parser.line, fields: new Map(), groups: [] }
      return
    }
    if (child === undefined) return
    if (tag === "HEADER" && group === undefined && depth === 2) return
    const table = groups[tag]
    if (table !== undefined && group === undefined) {
      group = { table, line: parser.line, fields: new Map() }
      return
    }
    leaf = { name: tag, text: "" }
  })
  parser.on("text", (text) => {
    if (leaf === undefined || failure !== undefined) return
    if (leaf.text.length + text.length > maxText) {
      fail(`element <${leaf.name}> (line ${parser.line}) holds more than ${maxText.toLocaleString("en-GB")} characters`)
      return
    }
    leaf.text += text
  })
  parser.on("closetag", () => {
    if (failure !== undefined) return
    const tag = stack.pop()
    if (stack.length === 0) return
    if (leaf !== undefined && leaf.name === tag) {
      if (group !== undefined) {
        if (Table.columnsOf(group.table).includes(leaf.name)) group.fields.set(leaf.name, leaf.text)
        else unknown(leaf.name, parser.line)
      } else if (child !== undefined) {
        if (childLevel.has(leaf.name)) child.fields.set(leaf.name, leaf.text)
        else unknown(leaf.name, parser.line)
      }
      leaf = undefined
      return
    }
    if (group !== undefined && tag !== undefined && groups[tag] === group.table) {
      child?.groups.push(group)
      group = undefined
      return
    }
    if (tag === "CHILD" && stack.length === 1) closeChild()
  })

  for (const def of Table.definitions) rows.set(def.name, [])

  return {
    push: (text: string): UnreadableFile | undefined => {
      if (failure !== undefined) return failure
      parser.write(text)
      return failure
    },
    end: (): DecodedFile | UnreadableFile => {
      if (failure !== undefined) return failure
      parser.close()
      if (failure !== undefined) return failure
      if (!sawRoot) return new UnreadableFile({ file, message: `${file}: it holds no XML elements` })
      // The XML form carries every table of the return; DoLo only from 2026/27 and SWEpisodes from 2023/24, so
      // those two are present when the file holds any of their rows.
      const tables: Array<DecodedTable<unknown>> = []
      for (const def of Table.definitions) {
        const list = rows.get(def.name) ?? []
        if ((def.name === "DoLo" || def.name === "SWEpisodes") && list.length === 0) continue
        tables.push({ name: def.name, file, rows: list })
      }
      return { file, tables, errors }
    }
  }
}
