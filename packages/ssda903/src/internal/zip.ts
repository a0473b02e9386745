/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): deflated entries, a central directory, no ZIP64, a fixed 1980-01-01
 * timestamp so that the same report gives the same bytes. Compression is the Web `CompressionStream("deflate-raw")`,
 * present in Node, browsers and edge runtimes, so no library is needed for the container of an XLSX workbook.
 */

const crcTable = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (IEEE), as ZIP records it. @internal */
export const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const deflateRaw = async (bytes: Uint8Array): Promise<Uint8Array> => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate-raw"))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** @internal */
export interface ZipEntry {
  readonly name: string
  readonly bytes: Uint8Array
}

const dosDate = (1 << 5) | 1 // 1980-01-01
const dosTime = 0

/** A ZIP archive of the entries, in order. @internal */
export const zip = async (entries: ReadonlyArray<ZipEntry>): Promise<Uint8Array> => {
  const encoder = new TextEncoder()
  const parts: Array<Uint8Array> = []
  const central: Array<Uint8Array> = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    const data = await deflateRaw(entry.bytes)
    const crc = crc32(entry.bytes)
    const local = new Uint8Array(30 + name.length)
    const l = new DataView(local.buffer)
    l.setUint32(0, 0x04034b50, true)
    l.setUint16(4, 20, true)
    l.setUint16(6, 0x0800, true) // UTF-8 names
    l.setUint16(8, 8, true) // deflate
    l.setUint16(10, dosTime, true)
    l.setUint16(12, dosDate, true)
    l.setUint32(14, crc, true)
    l.setUint32(18, data.length, true)
    l.setUint32(22, entry.bytes.length, true)
    l.setUint16(26, name.length, true)
    l.setUint16(28, 0, true)
    local.set(name, 30)
    const header = new Uint8Array(46 + name.length)
    const c = new DataView(header.buffer)
    c.setUint32(0, 0x02014b50, true)
    c.setUint16(4, 20, true)
    c.setUint16(6, 20, true)
    c.setUint16(8, 0x0800, true)
    c.setUint16(10, 8, true)
    c.setUint16(12, dosTime, true)
    c.setUint16(14, dosDate, true)
    c.setUint32(16, crc, true)
    c.setUint32(20, data.length, true)
    c.setUint32(24, entry.bytes.length, true)
    c.setUint16(28, name.length, true)
    c.setUint32(42, offset, true)
    header.set(name, 46)
    parts.push(local, data)
    central.push(header)
    offset += local.length + data.length
  }
  const centralSize = central.reduce((n, h) => n + h.length, 0)
  const end = new Uint8Array(22)
  const e = new DataView(end.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, entries.length, true)
  e.setUint16(10, entries.length, true)
  e.setUint32(12, centralSize, true)
  e.setUint32(16, offset, true)
  const out = new Uint8Array(offset + centralSize + end.length)
  let at = 0
  for (const p of [...parts, ...central, end]) {
    out.set(p, at)
    at += p.length
  }
  return out
}
