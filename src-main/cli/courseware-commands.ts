/**
 * `classdeck convert <in> <out>` and `classdeck inspect <file>`, for bin/classdeck.mjs to call.
 *   convert: pptx→edux, docx→edux, edux→pptx, edux→pdf (via LibreOffice); a folder in and a folder out converts every file in it.
 *   inspect: prints the import report as JSON (for .edux, a report of what the file holds).
 * Each returns an exit code: 0 on success, 1 with a one-line reason on stderr.
 */
import { readdirSync, statSync, mkdirSync, existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { AppError } from '../../src-shared/errors'
import { createManifest, slideTitle, type ImportReport } from '../../src-shared/courseware'
import { decodeEdux, encodeEdux } from '../services/courseware/edux-file'
import { writeFileAtomic } from '../services/courseware/atomic-write'
import { importFile } from '../services/importers/import-file'
import { exportPptx } from '../services/exporters/pptx-export'
import { findSoffice, pptxToPdfWithLibreOffice, sofficeMissing } from './libreoffice-pdf'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }
const GENERATOR = 'ClassDeck CLI'

function reason(e: unknown): string {
  const err = AppError.from(e)
  return `${err.message} | ${err.messageEn}`.replace(/\s*\n\s*/g, ' ')
}

function parseFlags(args: readonly string[]): { positional: string[]; split?: number; to?: string } {
  const positional: string[] = []
  let split: number | undefined
  let to: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--split-heading') split = Number(args[++i])
    else if (a === '--to')
      to = String(args[++i] ?? '')
        .replace(/^\./, '')
        .toLowerCase()
    else positional.push(a)
  }
  if (split !== undefined && !(Number.isInteger(split) && split >= 1 && split <= 6)) {
    throw new AppError(
      'VALIDATION',
      '--split-heading 需要 1 到 6 之间的标题级别',
      '--split-heading needs a heading level from 1 to 6'
    )
  }
  return { positional, ...(split ? { split } : {}), ...(to ? { to } : {}) }
}

const ext = (f: string) => extname(f).slice(1).toLowerCase()

/** Convert one file; the target format comes from the output's extension. */
export async function convertFile(
  input: string,
  output: string,
  opts: { splitHeadingLevel?: number } = {}
): Promise<{ slides: number; approximations: number }> {
  const from = ext(input)
  const to = ext(output)
  if ((from === 'pptx' || from === 'pptm' || from === 'docx') && to === 'edux') {
    const r = await importFile(input, opts.splitHeadingLevel ? { splitHeadingLevel: opts.splitHeadingLevel } : {})
    const manifest = createManifest(r.deck, new Date(), GENERATOR, { original: false })
    await writeFileAtomic(output, encodeEdux({ manifest, deck: r.deck, media: r.media }))
    return { slides: r.deck.slides.length, approximations: r.report.approximations.length }
  }
  if (from === 'edux' && to === 'pptx') {
    const { deck, media } = decodeEdux(basename(input), await readInput(input))
    const { bytes, approximations } = await exportPptx(deck, media)
    await writeFileAtomic(output, bytes)
    return { slides: deck.slides.length, approximations: approximations.length }
  }
  if (from === 'edux' && to === 'pdf') {
    // Through LibreOffice: edux → our PPTX → soffice. Checked before reading, so a missing soffice fails fast.
    const soffice = findSoffice()
    if (!soffice) throw sofficeMissing()
    const { deck, media } = decodeEdux(basename(input), await readInput(input))
    const { bytes, approximations } = await exportPptx(deck, media)
    await writeFileAtomic(output, await pptxToPdfWithLibreOffice(bytes, soffice))
    return { slides: deck.slides.length, approximations: approximations.length }
  }
  throw new AppError(
    'VALIDATION',
    `不支持从 .${from} 转换为 .${to}（支持 pptx→edux、docx→edux、edux→pptx、edux→pdf）`,
    `Cannot convert .${from} to .${to} (supported: pptx→edux, docx→edux, edux→pptx, edux→pdf)`
  )
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file))
  } catch (e) {
    throw new AppError(
      'NOT_FOUND',
      `无法读取“${basename(file)}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
      `Cannot read "${basename(file)}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { file }
    )
  }
}

export async function convertCommand(args: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    const { positional, split, to } = parseFlags(args)
    const [input, output] = positional
    if (!input || !output || positional.length > 2) {
      io.err(
        '用法 / usage: classdeck convert <in> <out> [--split-heading N] [--to edux|pptx|pdf]   (in/out may both be folders)'
      )
      return 1
    }
    const src = resolve(input)
    if (existsSync(src) && statSync(src).isDirectory())
      return await convertFolder(
        src,
        resolve(output),
        { ...(split ? { splitHeadingLevel: split } : {}), ...(to ? { to } : {}) },
        io
      )
    const r = await convertFile(src, resolve(output), split ? { splitHeadingLevel: split } : {})
    io.out(`${basename(src)} → ${basename(output)}: ${r.slides} slides, ${r.approximations} approximations`)
    return 0
  } catch (e) {
    io.err(`classdeck convert: ${reason(e)}`)
    return 1
  }
}

const DEFAULT_TARGET: Record<string, string> = { pptx: 'edux', pptm: 'edux', docx: 'edux', edux: 'pptx' }

async function convertFolder(
  src: string,
  dst: string,
  opts: { splitHeadingLevel?: number; to?: string },
  io: CliIo
): Promise<number> {
  mkdirSync(dst, { recursive: true })
  const files = readdirSync(src)
    .filter((n) => DEFAULT_TARGET[ext(n)] && statSync(join(src, n)).isFile())
    .sort()
  let failed = 0
  for (const name of files) {
    const target = opts.to ?? DEFAULT_TARGET[ext(name)]!
    const out = join(dst, `${basename(name, extname(name))}.${target}`)
    try {
      const r = await convertFile(join(src, name), out, opts)
      io.out(`ok ${name} → ${basename(out)} (${r.slides} slides, ${r.approximations} approximations)`)
    } catch (e) {
      failed++
      io.out(`failed ${name}: ${reason(e)}`)
    }
  }
  if (failed) {
    io.err(`classdeck convert: ${failed} of ${files.length} files failed / ${failed} 个文件转换失败`)
    return 1
  }
  io.out(`${files.length} files converted`)
  return 0
}

/** The import report for a PPTX/DOCX, or what an .edux holds, as JSON on stdout. */
export async function inspectCommand(args: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    const { positional, split } = parseFlags(args)
    const [file] = positional
    if (!file || positional.length > 1) {
      io.err('用法 / usage: classdeck inspect <file> [--split-heading N]')
      return 1
    }
    const src = resolve(file)
    let report: ImportReport
    if (ext(src) === 'edux') {
      const t0 = performance.now()
      const { deck, media } = decodeEdux(basename(src), await readInput(src))
      report = {
        file: basename(src),
        format: 'edux',
        slideCount: deck.slides.length,
        mediaCount: media.size,
        durationMs: Math.round(performance.now() - t0),
        approximations: [],
        titles: deck.slides.map(slideTitle)
      }
    } else {
      report = (await importFile(src, split ? { splitHeadingLevel: split } : {})).report
    }
    io.out(JSON.stringify(report, null, 2))
    return 0
  } catch (e) {
    io.err(`classdeck inspect: ${reason(e)}`)
    return 1
  }
}
