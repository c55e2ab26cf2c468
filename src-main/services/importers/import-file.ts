/** Pick the importer for a file by its content (zip parts), not only its name. */
import { basename } from 'node:path'
import { readFile } from 'node:fs/promises'
import { AppError } from '../../../src-shared/errors'
import { importPptx } from './pptx/pptx-import'
import { importDocx } from './docx-import'
import type { ImportOptions, ImportResult } from './import-types'

export type ImportFormat = 'pptx' | 'docx'

export function formatOf(file: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase()
  if (ext === 'pptx' || ext === 'pptm' || ext === 'ppsx' || ext === 'potx') return 'pptx'
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx'
  if (ext === 'ppt' || ext === 'doc') {
    throw new AppError(
      'FILE_INVALID',
      `无法导入“${basename(file)}”：不支持旧版 .${ext} 格式，请在 Office/WPS 中另存为 .${ext}x 后再导入。`,
      `Cannot import "${basename(file)}": the legacy .${ext} format is not supported; save it as .${ext}x in Office or WPS first.`,
      { file, reason: 'legacy format' }
    )
  }
  throw new AppError(
    'FILE_INVALID',
    `无法导入“${basename(file)}”：只支持 PowerPoint（.pptx）和 Word（.docx）文件。`,
    `Cannot import "${basename(file)}": only PowerPoint (.pptx) and Word (.docx) files can be imported.`,
    { file, reason: 'unsupported extension' }
  )
}

export async function importBytes(name: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const format = formatOf(name)
  return format === 'pptx' ? importPptx(name, bytes, opts) : importDocx(name, bytes, opts)
}

/** Import in this thread (the CLI and the worker use it; the app uses runImport for a worker). */
export async function importFile(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  formatOf(file)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'UNAVAILABLE',
      `无法读取“${basename(file)}”（${code ?? (e as Error).message}）。`,
      `Cannot read "${basename(file)}" (${code ?? (e as Error).message}).`,
      { file }
    )
  }
  return importBytes(basename(file), bytes, opts)
}
