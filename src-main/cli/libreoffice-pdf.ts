/**
 * edux → PDF on the command line, where there is no browser engine to print with: our own PPTX
 * export, then LibreOffice's headless converter. The app itself prints its print view instead
 * (src-renderer/features/print), which keeps formulas and fonts exactly as the editor shows them.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../../src-shared/errors'

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']
/** Where the installers put it when it is not on PATH (Windows and macOS rarely add it). */
const USUAL_PLACES =
  process.platform === 'win32'
    ? [
        'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
        'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'
      ]
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : []

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The LibreOffice binary: $CLASSDECK_SOFFICE if set, else the first on PATH, else a usual place; null if none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CLASSDECK_SOFFICE) return isExecutable(env.CLASSDECK_SOFFICE) ? env.CLASSDECK_SOFFICE : null
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const file = join(dir, name)
      if (isExecutable(file)) return file
    }
  }
  return USUAL_PLACES.find(isExecutable) ?? null
}

export const SOFFICE_TIMEOUT_MS = 180_000

/** Converts PPTX bytes to PDF bytes with `soffice --headless --convert-to pdf`, in a private temp folder. */
export async function pptxToPdfWithLibreOffice(
  pptx: Uint8Array,
  soffice: string,
  timeoutMs = SOFFICE_TIMEOUT_MS
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'classdeck-soffice-'))
  try {
    const input = join(dir, 'deck.pptx')
    await writeFile(input, pptx)
    // A profile of its own, so a LibreOffice the teacher has open (or a stale lock) cannot block us.
    const profile = pathToFileURL(join(dir, 'profile')).href
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input
    ]
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        soffice,
        args,
        { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
        (err, _out, errText) => {
          if (err) {
            const why = err.killed
              ? `timed out after ${Math.round(timeoutMs / 1000)} s`
              : (String(errText).trim().split('\n')[0] ?? err.message)
            reject(
              new AppError(
                'UNAVAILABLE',
                `LibreOffice 转换 PDF 失败（${why}）`,
                `LibreOffice could not convert to PDF (${why})`
              )
            )
          } else resolve(String(errText))
        }
      )
    })
    const output = join(dir, 'deck.pdf')
    // soffice exits 0 even when it could not load the file; the missing output is the only sign.
    if (!existsSync(output)) {
      const why = stderr.trim().split('\n')[0] || 'no PDF was written'
      throw new AppError(
        'UNAVAILABLE',
        `LibreOffice 没有生成 PDF（${why}）`,
        `LibreOffice did not produce a PDF (${why})`
      )
    }
    return new Uint8Array(await readFile(output))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function sofficeMissing(): AppError {
  return new AppError(
    'UNAVAILABLE',
    '命令行导出 PDF 需要 LibreOffice（未找到 soffice）。请安装 LibreOffice，或在 ClassDeck 中用“导出 PDF”按钮',
    'PDF export on the command line needs LibreOffice (soffice not found). Install LibreOffice, or use "Export PDF" in the ClassDeck app',
    { hint: 'set CLASSDECK_SOFFICE to the soffice binary if it is installed somewhere unusual' }
  )
}
