/**
 * LibreOffice's side of the fidelity benchmark: each deck converted to PDF by `soffice --headless`,
 * a batch of decks per soffice with its own profile, each batch bounded in time. PDFs are kept under
 * bench/.cache/fidelity/ by the file's sha256, so a second run converts only what changed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

export function findSoffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 })
    if (r.status === 0) return bin
  }
  return null
}

/** Runs one soffice conversion of `files` into `outDir`; on timeout its whole process group is ended. */
export function convertToPdf(soffice: string, files: string[], outDir: string, profile: string, timeoutMs: number) {
  return new Promise<{ ms: number; timedOut: boolean }>((done) => {
    const t0 = performance.now()
    const child = spawn(
      soffice,
      ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { stdio: 'ignore', detached: true }
    )
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      done({ ms: performance.now() - t0, timedOut })
    }
    child.once('exit', finish)
    child.once('error', finish)
  })
}

export interface DeckFile {
  path: string
  sha: string
  /** `pptx` or `pptm`: LibreOffice picks its filter by the name. */
  ext: string
}

/**
 * The PDF of every deck (null where LibreOffice made none in time), converting those not cached
 * in batches. `converted` counts the decks this run converted.
 */
export async function libreOfficePdfs(
  soffice: string,
  decks: DeckFile[],
  cacheDir: string,
  work: string,
  opts: { batch?: number; timeoutMs?: number } = {}
): Promise<{ pdfs: Map<string, string | null>; converted: number; timedOutBatches: number }> {
  const batch = opts.batch ?? 25
  const timeoutMs = opts.timeoutMs ?? 180_000
  mkdirSync(cacheDir, { recursive: true })
  const pdfs = new Map<string, string | null>()
  // The same bytes under two names are converted once.
  const unique = [...new Map(decks.map((d) => [d.sha, d])).values()]
  const todo = unique.filter((d) => {
    const cached = join(cacheDir, `${d.sha}.pdf`)
    if (existsSync(cached)) pdfs.set(d.sha, cached)
    return !existsSync(cached)
  })
  let timedOutBatches = 0
  for (let i = 0; i < todo.length; i += batch) {
    const part = todo.slice(i, i + batch)
    const dir = join(work, `lo-${i}`)
    const inDir = join(dir, 'in')
    mkdirSync(inDir, { recursive: true })
    // By hash, so two decks of the same name in different folders cannot overwrite each other's PDF.
    const links = part.map((d) => {
      const link = join(inDir, `${d.sha}.${d.ext}`)
      symlinkSync(resolve(d.path), link)
      return link
    })
    const r = await convertToPdf(soffice, links, join(dir, 'out'), join(dir, 'profile'), timeoutMs)
    if (r.timedOut) timedOutBatches++
    for (const d of part) {
      const out = join(dir, 'out', `${d.sha}.pdf`)
      if (existsSync(out)) {
        const cached = join(cacheDir, `${d.sha}.pdf`)
        copyFileSync(out, cached)
        pdfs.set(d.sha, cached)
      } else pdfs.set(d.sha, null)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return { pdfs, converted: todo.length, timedOutBatches }
}
