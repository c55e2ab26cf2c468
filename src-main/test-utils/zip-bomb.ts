/**
 * Crafted zip bombs for the security tests and `bench/security.ts`, built in memory with fflate's
 * streaming Zip: an entry's header declares a few KB while its deflate stream inflates to a GiB
 * (the check of declared sizes alone lets it through), a nest (an Office file hiding another bomb
 * under an innocent picture name) and an overlapping variant (Fifield's: many central-directory
 * records sharing one lying kernel). `refuseBombs()` runs every bomb through the real entry points
 * (opening an .edux, importing a PPTX or DOCX in the worker, filing it in the library) and
 * reports how many were refused, the slowest refusal and the peak memory growth while refusing.
 * Test and benchmark support only.
 */
import { Worker } from 'node:worker_threads'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { Zip, ZipDeflate, ZipPassThrough, unzipSync, type ZipInputFile } from 'fflate'
import { AppError } from '../../src-shared/errors'
import { decodeEdux, encodeEdux } from '../services/courseware/edux-file'
import { sampleDeck } from '../services/exporters/sample-deck'
import { stopSpareWorkers } from '../services/importers/run-import'
import { createManifest } from '../../src-shared/courseware'
import { runImport } from '../services/importers/run-import'
import { defaultExtractors, extractText } from '../services/library/text-extract'
import { QuestionBankService } from '../services/library/question-bank-service'
import { StorageService, allMigrations } from '../services/storage'
import type { ResourceFormat } from '../../src-shared/library'
import { tempDir } from './temp-dir'

/**
 * A raw deflate stream of `size` zero bytes, written directly (fixed Huffman: one literal 0, then
 * length-258/distance-1 copies, 13 bits each): a GiB in 6.5 MB, made in milliseconds without
 * ever holding the GiB.
 */
export function deflatedZeros(size: number): Uint8Array<ArrayBuffer> {
  const copies = Math.max(0, Math.floor((size - 1) / 258))
  const tail = size > 0 ? size - 1 - copies * 258 : 0
  const bits = 3 + (size > 0 ? 8 : 0) + copies * 13 + tail * 8 + 7
  const out = new Uint8Array(Math.ceil(bits / 8))
  let pos = 0
  /** Bits LSB first, as deflate packs them. */
  const put = (value: number, n: number): void => {
    for (let i = 0; i < n; i++, pos++) if ((value >> i) & 1) out[pos >> 3]! |= 1 << (pos & 7)
  }
  /** A Huffman code, which deflate sends most significant bit first. */
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--, pos++) if ((value >> i) & 1) out[pos >> 3]! |= 1 << (pos & 7)
  }
  const copy = (): void => {
    code(0b11000101, 8) // length code 285 = 258 bytes
    code(0, 5) // distance code 0 = 1 byte back
  }
  put(1, 1) // BFINAL
  put(1, 2) // BTYPE = fixed Huffman
  if (size > 0) code(0x30, 8) // literal 0
  let left = copies
  // After the literal and one copy the stream is byte aligned (3 + 8 + 13 = 24 bits), and from
  // there every 8 copies are the same 13 bytes: write them once and copy them.
  if (left > 0) {
    copy()
    left--
  }
  if (left >= 16) {
    const start = pos >> 3
    for (let i = 0; i < 8; i++) copy()
    left -= 8
    const whole = Math.floor(left / 8)
    const period = out.slice(start, start + 13)
    for (let k = 1; k <= whole; k++) out.set(period, start + 13 * k)
    pos += whole * 104
    left -= whole * 8
  }
  while (left-- > 0) copy()
  for (let i = 0; i < tail; i++) code(0x30, 8)
  code(0, 7) // end of block
  return out.slice(0, Math.ceil(pos / 8))
}

export type ZipPart =
  /** An honest entry, deflated by fflate. */
  | { readonly name: string; readonly data: Uint8Array }
  /** An honest entry stored as is. */
  | { readonly name: string; readonly stored: Uint8Array }
  /** A liar: its headers declare `declared` bytes, its deflate stream holds `zeros` zero bytes. */
  | { readonly name: string; readonly zeros: number; readonly declared: number }
  /** A liar with real content: `data` deflated, declared as `declared` bytes. */
  | { readonly name: string; readonly data: Uint8Array; readonly declared: number }

/** A zip of `parts`, written by fflate's streaming Zip; a liar's sizes are what it declares. */
export function buildZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((err, chunk) => {
    if (err) failure = err
    else chunks.push(chunk)
  })
  for (const p of parts) {
    if ('zeros' in p || 'declared' in p) {
      const stream = 'zeros' in p ? deflatedZeros(p.zeros) : deflateRaw(p.data)
      // A file whose sizes and checksum are whatever we say: fflate writes them into the headers.
      const file: ZipInputFile = {
        filename: p.name,
        size: p.declared,
        crc: 'zeros' in p ? 0 : crc32(Buffer.from(p.data)),
        compression: 8,
        mtime: new Date('2026-09-01T00:00:00Z')
      }
      zip.add(file)
      file.ondata!(null, stream, true)
    } else if ('stored' in p) {
      const f = new ZipPassThrough(p.name)
      zip.add(f)
      f.push(p.stored, true)
    } else {
      const f = new ZipDeflate(p.name, { level: 6 })
      zip.add(f)
      f.push(p.data, true)
    }
  }
  zip.end()
  if (failure) throw failure
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

function deflateRaw(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = []
  const f = new ZipDeflate('x', { level: 6 })
  f.ondata = (_e, c) => void chunks.push(c)
  f.push(data, true)
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

/**
 * Fifield's overlap with a lie: `copies` more central-directory records pointing at the first
 * entry's data, each declaring a few KB, so neither the total nor the ratio gives it away.
 */
export function overlappingLiar(copies = 500, zeros = 1 << 30): Uint8Array {
  const base = buildZip([{ name: 'ppt/presentation.xml', zeros, declared: 4096 }])
  const view = new DataView(base.buffer, base.byteOffset, base.byteLength)
  const eocd = base.length - 22
  const cdOffset = view.getUint32(eocd + 16, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const record = base.subarray(cdOffset, cdOffset + cdSize)
  const nameLen = view.getUint16(cdOffset + 28, true)
  const enc = new TextEncoder()
  const extra: Uint8Array[] = []
  for (let i = 0; i < copies; i++) {
    const name = enc.encode(`ppt/slides/slide${i + 1}.xml`)
    const r = new Uint8Array(46 + name.length + (record.length - 46 - nameLen))
    r.set(record.subarray(0, 46))
    new DataView(r.buffer).setUint16(28, name.length, true)
    r.set(name, 46)
    r.set(record.subarray(46 + nameLen), 46 + name.length)
    extra.push(r)
  }
  const extraLen = extra.reduce((n, r) => n + r.length, 0)
  const out = new Uint8Array(base.length + extraLen)
  out.set(base.subarray(0, cdOffset + cdSize))
  let o = cdOffset + cdSize
  for (const r of extra) {
    out.set(r, o)
    o += r.length
  }
  out.set(base.subarray(eocd), o)
  const ov = new DataView(out.buffer)
  ov.setUint16(o + 8, copies + 1, true)
  ov.setUint16(o + 10, copies + 1, true)
  ov.setUint32(o + 12, cdSize + extraLen, true)
  return out
}

const GIB = 1 << 30
const enc = (s: string) => new TextEncoder().encode(s)
const CONTENT_TYPES = enc(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)

export interface Bomb {
  readonly name: string
  /** What the file is meant to look like. */
  readonly fileName: string
  readonly bytes: Uint8Array
  /** How much it would inflate to, had it been believed. */
  readonly inflatesTo: number
}

/** The manifest, deck and media names of a real .edux (the sample deck with two pictures). */
function realEdux(): { manifest: Uint8Array; deck: Uint8Array; media: string[] } {
  const { deck, media } = sampleDeck()
  const manifest = createManifest(deck, new Date('2026-09-01T00:00:00Z'), 'ClassDeck zip-bomb test')
  const files = unzipSync(encodeEdux({ manifest, deck, media }))
  return { manifest: files['manifest.json']!, deck: files['deck.json']!, media: [...media.keys()] }
}

/** Every bomb, each about 7 MB on disk and a GiB or more inflated. */
export function allBombs(): Bomb[] {
  const edux = realEdux()
  const docxLiar = buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', zeros: GIB, declared: 4096 }
  ])
  return [
    {
      name: 'edux: deck.json declares 2 KB, inflates to 1 GiB',
      fileName: '分数的初步认识.edux',
      bytes: buildZip([
        { name: 'manifest.json', data: edux.manifest },
        { name: 'deck.json', zeros: GIB, declared: 2048 }
      ]),
      inflatesTo: GIB
    },
    {
      name: 'docx: word/document.xml declares 4 KB, inflates to 1 GiB',
      fileName: '时间的计算 教案.docx',
      bytes: docxLiar,
      inflatesTo: GIB
    },
    {
      name: 'pptx: ppt/presentation.xml declares 4 KB, inflates to 1 GiB',
      fileName: '秒的认识.pptx',
      bytes: buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'ppt/presentation.xml', zeros: GIB, declared: 4096 }
      ]),
      inflatesTo: GIB
    },
    {
      name: 'nested: a docx whose picture is a docx bomb, declared 4 KB',
      fileName: '嵌套.docx',
      bytes: buildZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'word/document.xml', data: enc('<w:document/>') },
        { name: 'word/media/image1.png', data: docxLiar, declared: 4096 }
      ]),
      inflatesTo: GIB
    },
    {
      name: 'nested: a real edux whose picture is a docx bomb, stored with its true size',
      fileName: '嵌套.edux',
      bytes: buildZip([
        { name: 'manifest.json', data: edux.manifest },
        { name: 'deck.json', data: edux.deck },
        { name: edux.media[0]!, stored: docxLiar },
        { name: edux.media[1]!, data: new Uint8Array(16) }
      ]),
      inflatesTo: GIB
    },
    {
      name: 'overlapping: 500 records share one lying 1 GiB kernel',
      fileName: '重叠.pptx',
      bytes: overlappingLiar(),
      inflatesTo: 501 * GIB
    }
  ]
}

export type EntryPoint = 'courseware open' | 'import' | 'library' | 'question bank'

export interface BombCase {
  readonly bomb: string
  readonly entry: EntryPoint
  readonly refused: boolean
  readonly ms: number
  /** Growth of the process's resident memory over its level before this case, sampled every ms. */
  readonly peakMb: number
  readonly code: string | null
  readonly message: string
  readonly messageEn: string
}

/** The entry points a file of this kind reaches in ClassDeck. */
function entryPointsOf(fileName: string): EntryPoint[] {
  if (fileName.endsWith('.edux')) return ['courseware open', 'library']
  return fileName.endsWith('.docx') ? ['import', 'library', 'question bank'] : ['import', 'library']
}

const formatOf = (fileName: string): ResourceFormat =>
  fileName.endsWith('.docx') ? 'word' : fileName.endsWith('.pptx') ? 'ppt' : 'edux'

/** Throws the refusal as an AppError, or returns when the entry point accepted the file. */
async function through(entry: EntryPoint, path: string, bomb: Bomb, bank: QuestionBankService): Promise<void> {
  if (entry === 'question bank') {
    await bank.importWord({ path })
  } else if (entry === 'courseware open') {
    decodeEdux(bomb.fileName, bomb.bytes)
  } else if (entry === 'import') {
    await runImport(path, { timeoutMs: 30_000 })
  } else {
    const r = await extractText(path, bomb.fileName, formatOf(bomb.fileName), defaultExtractors)
    // The library files a refused file by title and says why; that note is the refusal.
    if (r.state === 'failed') {
      const [zh = '', en = ''] = (r.note ?? '').split(' / ')
      throw new AppError('FILE_INVALID', zh, en)
    }
  }
}

/**
 * Peak RSS sampled from another thread every millisecond, so a refusal that blocks the main
 * thread (a synchronous inflate) is still measured. `reset()` starts a new peak from now.
 */
async function rssSampler(): Promise<{ reset(): void; peak(): number; stop(): Promise<void> }> {
  const shared = new Int32Array(new SharedArrayBuffer(8))
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const s = workerData;
     const tick = () => {
       const mb = Math.ceil(process.memoryUsage.rss() / 1048576);
       if (Atomics.load(s, 1) === 1) return;
       if (mb > Atomics.load(s, 0)) Atomics.store(s, 0, mb);
       setTimeout(tick, 1);
     };
     tick();`,
    { eval: true, workerData: shared }
  )
  await new Promise((r) => setTimeout(r, 20))
  return {
    reset: () => Atomics.store(shared, 0, Math.ceil(process.memoryUsage.rss() / 1048576)),
    peak: () => Atomics.load(shared, 0),
    stop: async () => {
      Atomics.store(shared, 1, 1)
      await worker.terminate()
    }
  }
}

/** Every bomb through every entry point it can reach; the figures the tests and the benchmark report. */
export async function refuseBombs(): Promise<{
  refused: number
  total: number
  peakMb: number
  maxMs: number
  cases: BombCase[]
}> {
  const t = tempDir('zip-bombs-')
  const sampler = await rssSampler()
  const cases: BombCase[] = []
  const storage = StorageService.open({
    file: join(t.dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'bombs'
  })
  const bank = new QuestionBankService({ storage, clock: () => new Date() })
  try {
    const bombs = allBombs()
    for (const bomb of bombs) {
      const path = join(t.dir, bomb.fileName)
      writeFileSync(path, bomb.bytes)
      for (const entry of entryPointsOf(bomb.fileName)) {
        // The spare import worker the previous case left booting (~150 MB) is not this bomb's cost.
        await stopSpareWorkers()
        const before = Math.ceil(process.memoryUsage.rss() / 1048576)
        sampler.reset()
        const t0 = performance.now()
        let err: AppError | null = null
        try {
          await through(entry, path, bomb, bank)
        } catch (e) {
          err = AppError.from(e)
        }
        const ms = performance.now() - t0
        await new Promise((r) => setTimeout(r, 5))
        const refused = err !== null && /zip bomb|nested|overlap/.test(err.messageEn)
        cases.push({
          bomb: bomb.name,
          entry,
          refused,
          ms: Math.round(ms),
          peakMb: Math.max(0, Math.max(sampler.peak(), Math.ceil(process.memoryUsage.rss() / 1048576)) - before),
          code: err?.code ?? null,
          message: err?.message ?? '',
          messageEn: err?.messageEn ?? ''
        })
      }
    }
  } finally {
    await sampler.stop()
    storage.close()
    t.cleanup()
  }
  return {
    refused: cases.filter((c) => c.refused).length,
    total: cases.length,
    peakMb: Math.max(...cases.map((c) => c.peakMb)),
    maxMs: Math.max(...cases.map((c) => c.ms)),
    cases
  }
}
