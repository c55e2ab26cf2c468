/** Pick the importer for a file by its content (zip parts), not only its name. */
import { basename } from 'node:path'
import { readFile, stat } from 'node:fs/promises'
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

/**
 * The largest file read whole into memory for an import or the library's index. A worker's heap
 * limit does not cover buffers, so this is the bound on what one file can make us hold.
 */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024

/** A file's bytes, refused before reading when it is larger than MAX_INPUT_BYTES. `name` names it in errors. */
export async function readInputFile(file: string, name: string): Promise<Uint8Array> {
  try {
    const { size } = await stat(file)
    if (size > MAX_INPUT_BYTES) {
      throw new AppError(
        'LIMIT',
        `“${name}”有 ${(size / 1024 ** 3).toFixed(1)} GB，超过 1 GB 的上限，没有读取。请先压缩其中的视频或图片。`,
        `"${name}" is ${(size / 1024 ** 3).toFixed(1)} GB, over the 1 GB limit, and was not read. Compress its videos or pictures first.`,
        { file: name, size, limit: MAX_INPUT_BYTES }
      )
    }
    return new Uint8Array(await readFile(file))
  } catch (e) {
    if (e instanceof AppError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new AppError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'UNAVAILABLE',
      `无法读取“${name}”（${code ?? (e as Error).message}）。`,
      `Cannot read "${name}" (${code ?? (e as Error).message}).`,
      { file: name }
    )
  }
}

/** Import in this thread (the CLI and the worker use it; the app uses runImport for a worker). */
export async function importFile(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  formatOf(file)
  return importBytes(basename(file), await readInputFile(file, basename(file)), opts)
}
