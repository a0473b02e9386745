/**
 * Choosing one year's 903 files: a file picker (several files), a folder picker (`webkitdirectory`) and, for pointer
 * users, dropping files or a folder on the group. The files stay on the analyst's machine: the page only hands the
 * `File` handles to its worker.
 */
import { createSignal, type JSX, Show } from "solid-js"
import { isReturnFile } from "./file-set.ts"
import type { ChosenFile } from "./protocol.ts"

const fromInput = (input: HTMLInputElement): ReadonlyArray<ChosenFile> =>
  [...(input.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath }))

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject))

const entriesOf = async (directory: FileSystemDirectoryEntry): Promise<ReadonlyArray<FileSystemEntry>> => {
  const reader = directory.createReader()
  const all: Array<FileSystemEntry> = []
  // A directory reader hands entries over in batches until it returns an empty one.
  for (;;) {
    const batch = await new Promise<ReadonlyArray<FileSystemEntry>>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

const walk = async (entry: FileSystemEntry, folder: string): Promise<ReadonlyArray<ChosenFile>> => {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry)
    return [{ file, path: folder === "" ? "" : `${folder}${file.name}` }]
  }
  if (!entry.isDirectory) return []
  const children = await entriesOf(entry as FileSystemDirectoryEntry)
  const nested = await Promise.all(children.map((child) => walk(child, `${folder}${entry.name}/`)))
  return nested.flat()
}

/**
 * The files (and folders' files) dropped on the page.
 * @category decoding
 */
export const droppedFiles = async (transfer: DataTransfer): Promise<ReadonlyArray<ChosenFile>> => {
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === "file" ? item.webkitGetAsEntry() : null
    return entry === null ? [] : [entry]
  })
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file, path: "" }))
  return (await Promise.all(entries.map((entry) => walk(entry, "")))).flat()
}

const describe = (chosen: ReadonlyArray<ChosenFile>) => {
  const usable = chosen.filter((c) => isReturnFile(c.file.name))
  if (chosen.length === 0) return "No files chosen."
  const names = usable.map((c) => c.file.name)
  const shown = names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ")
  const ignored = chosen.length - usable.length
  return `${usable.length} ${usable.length === 1 ? "file" : "files"} chosen${usable.length > 0 ? `: ${shown}` : ""}.${
    ignored > 0
      ? ` ${ignored} other ${ignored === 1 ? "file is" : "files are"} not CSV or XML and will be left out.`
      : ""
  }`
}

export const FilePicker = (props: {
  /** Prefix of the inputs' ids. */
  readonly id: string
  readonly legend: string
  readonly hint: JSX.Element
  readonly chosen: ReadonlyArray<ChosenFile>
  readonly onChoose: (chosen: ReadonlyArray<ChosenFile>) => void
  readonly invalid?: boolean
}) => {
  const [over, setOver] = createSignal(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (event.dataTransfer !== null) void droppedFiles(event.dataTransfer).then(props.onChoose)
  }
  return (
    <fieldset
      class="form-group file-picker"
      classList={{ "file-picker--over": over(), "form-group--error": props.invalid === true }}
      aria-describedby={`${props.id}-hint ${props.id}-chosen`}
      onDragOver={(event) => {
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <legend>{props.legend}</legend>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <div class="file-picker__inputs">
        <div>
          <label for={`${props.id}-files`}>Files</label>
          <input
            type="file"
            id={`${props.id}-files`}
            multiple
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            aria-invalid={props.invalid === true}
            onChange={(event) => props.onChoose(fromInput(event.currentTarget))}
          />
        </div>
        <div>
          <label for={`${props.id}-folder`}>Or a folder</label>
          <input
            type="file"
            id={`${props.id}-folder`}
            ref={(input) => {
              input.webkitdirectory = true
            }}
            onChange={(event) => props.onChoose(fromInput(event.currentTarget))}
          />
        </div>
      </div>
      <p class="file-picker__drop" aria-hidden="true">
        Or drop the files or a folder here.
      </p>
      <p id={`${props.id}-chosen`} class="file-picker__chosen" data-chosen={props.id}>
        {describe(props.chosen)}
      </p>
      <Show when={props.chosen.length > 0 && props.chosen.every((c) => !isReturnFile(c.file.name))}>
        <p class="error-message">None of these is a 903 file (CSV or XML).</p>
      </Show>
    </fieldset>
  )
}
