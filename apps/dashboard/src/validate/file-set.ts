/**
 * Which chosen files make up this year's return and last year's. A picked folder may hold other files (only `.csv`
 * and `.xml` are 903 files) or, as `cpo synth` writes them, one folder per year (`2026/`, `2025/`): then the latest
 * year is the return to check and the year before it is last year's, unless last year's were chosen separately.
 */
import type { ChosenFile } from "./protocol.ts"

/** A 903 file by its name: one CSV per table, or the DfE XML. @category predicates */
export const isReturnFile = (name: string): boolean => /\.(csv|xml)$/i.test(name)

/** The year folder a file was picked from (`return/2026/header.csv` → 2026), if its folder is named as a year. */
const yearFolderOf = (path: string): number | undefined => {
  const parts = path.split("/")
  const folder = parts.length >= 2 ? parts[parts.length - 2] : undefined
  return folder !== undefined && /^\d{4}$/.test(folder) ? Number(folder) : undefined
}

/** The files to check, split into this year's and last year's. @category models */
export interface FileSet {
  readonly current: ReadonlyArray<File>
  readonly previous: ReadonlyArray<File>
  /** The year named by the folders, when the files came in year folders. */
  readonly year: number | undefined
}

/**
 * Split the chosen files into this year's and last year's return.
 * @category constructors
 */
export const fileSet = (current: ReadonlyArray<ChosenFile>, previous: ReadonlyArray<ChosenFile>): FileSet => {
  const files = current.filter((f) => isReturnFile(f.file.name))
  const lastYear = previous.filter((f) => isReturnFile(f.file.name)).map((f) => f.file)
  const years = [...new Set(files.map((f) => yearFolderOf(f.path)))]
  if (years.length < 2 || years.some((y) => y === undefined)) {
    const year = years.length === 1 ? years[0] : undefined
    return { current: files.map((f) => f.file), previous: lastYear, year }
  }
  const latest = Math.max(...(years as Array<number>))
  return {
    current: files.filter((f) => yearFolderOf(f.path) === latest).map((f) => f.file),
    previous:
      lastYear.length > 0 ? lastYear : files.filter((f) => yearFolderOf(f.path) === latest - 1).map((f) => f.file),
    year: latest
  }
}
