/**
 * Bytes to text for 903 files. Councils export from MIS systems and Excel, so a file may be UTF-8 (with or without a
 * byte-order mark) or Windows-1252. The decoder reads UTF-8 strictly and switches to Windows-1252 only while every
 * byte seen so far was ASCII (identical in both), so no character is ever decoded under the wrong encoding; a file
 * that is valid UTF-8 at first and invalid later is rejected rather than guessed at.
 */

/** The text decoding failed for a reason worth telling the user. */
export interface TextProblem {
  readonly problem: string
}

/** @internal */
export interface TextDecoding {
  /** Decode the next chunk of bytes; returns the text or a problem. */
  readonly push: (bytes: Uint8Array) => string | TextProblem
  /** Flush at end of input. */
  readonly end: () => string | TextProblem
  /** The encoding in use so far. */
  readonly encoding: () => "utf-8" | "windows-1252"
}

const isProblem = (x: string | TextProblem): x is TextProblem => typeof x !== "string"

export { isProblem }

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (then the text is not Windows-1252). */
const hasUtf8Sequence = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
    if (extra === 0 || i + extra >= bytes.length) continue
    let ok = true
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false
    if (ok) return true
  }
  return false
}

/**
 * A streaming decoder with the rules above. It also rejects what is plainly not text: NUL bytes (binary, or UTF-16
 * without a byte-order mark), UTF-16 byte-order marks and ZIP containers (an .xlsx saved with a .csv name).
 * @internal
 */
export const makeTextDecoding = (): TextDecoding => {
  let encoding: "utf-8" | "windows-1252" = "utf-8"
  let utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false })
  const cp1252 = new TextDecoder("windows-1252")
  let offset = 0
  let sawNonAscii = false
  let first = true
  const push = (bytes: Uint8Array): string | TextProblem => {
    if (first && bytes.length > 0) {
      first = false
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        return { problem: "it is UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel) and try again" }
      }
      if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
        return { problem: "it is a ZIP or Excel workbook, not CSV or XML text; export each sheet as CSV" }
      }
    }
    const nul = bytes.indexOf(0)
    if (nul >= 0)
      return { problem: `it holds binary data (a NUL byte at byte ${offset + nul + 1}), not CSV or XML text` }
    const at = offset
    offset += bytes.length
    if (encoding === "windows-1252") return cp1252.decode(bytes, { stream: true })
    try {
      const text = utf8.decode(bytes, { stream: true })
      // ASCII bytes decode one character each; any other byte this chunk starts (a BOM, a multi-byte character, one
      // held back until the next chunk) makes the text shorter than the bytes, so no byte-by-byte scan is needed.
      if (text.length !== bytes.length) sawNonAscii = true
      return text
    } catch {
      if (sawNonAscii || hasUtf8Sequence(bytes)) {
        return {
          problem: `its text is UTF-8 up to about byte ${at + 1} and not after; save the whole file in one encoding`
        }
      }
      // Every byte before this chunk was ASCII, so the text already produced reads the same in Windows-1252.
      encoding = "windows-1252"
      utf8 = new TextDecoder("utf-8", { fatal: true })
      return cp1252.decode(bytes, { stream: true })
    }
  }
  const end = (): string | TextProblem => {
    if (encoding === "windows-1252") return cp1252.decode()
    try {
      return utf8.decode()
    } catch {
      return { problem: "it ends in the middle of a UTF-8 character (the file looks truncated)" }
    }
  }
  return { push, end, encoding: () => encoding }
}
