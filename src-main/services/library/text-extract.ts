/**
 * The text inside a file, for the search index. .edux decks, Word and PowerPoint files are read in
 * the import worker (runTextExtraction: time and heap limits, every zip entry inflated no further
 * than it declares), never on the main thread. Anything else (.ppt, .doc, .pdf) is indexed by
 * title and tags only, and says so (text state 'not-extracted'), rather than pretending.
 */
import { runTextExtraction, type ExtractedText } from '../importers'
import type { ResourceFormat, TextState } from '../../../src-shared/library'
import { AppError } from '../../../src-shared/errors'

export { deckText, type ExtractedText } from '../importers'

/** Reads the text of one file on disk; throws AppError('FILE_INVALID') for a file it refuses. */
export type TextExtractor = (path: string, displayName: string) => Promise<ExtractedText>

export interface TextResult extends ExtractedText {
  readonly state: TextState
  readonly note: string | null
}

/** Cap on indexed text per file: a lesson plan is a few thousand characters; this is generous. */
export const MAX_BODY_CHARS = 400_000

const inWorker: TextExtractor = (path, displayName) => runTextExtraction(path, displayName)

export const defaultExtractors: Readonly<Record<string, TextExtractor>> = {
  edux: inWorker,
  docx: inWorker,
  pptx: inWorker,
  pptm: inWorker,
  ppsx: inWorker
}

const NO_TEXT: readonly ResourceFormat[] = ['video', 'audio', 'image']

export async function extractText(
  path: string,
  displayName: string,
  format: ResourceFormat,
  extractors: Readonly<Record<string, TextExtractor>>
): Promise<TextResult> {
  if (NO_TEXT.includes(format)) return { state: 'none', body: '', note: null }
  const ext = /\.([^.]+)$/.exec(displayName)?.[1]?.toLowerCase() ?? ''
  const extractor = extractors[ext]
  if (!extractor) {
    return {
      state: 'not-extracted',
      body: '',
      note: `暂不能读取 .${ext || '?'} 文件里的文字，只能按标题和标签搜索到它。 / Text inside .${ext || '?'} files cannot be read yet; it is found by title and tags only.`
    }
  }
  try {
    const r = await extractor(path, displayName)
    return { ...r, body: r.body.slice(0, MAX_BODY_CHARS), state: 'extracted', note: null }
  } catch (e) {
    const err = AppError.from(e)
    // The file is still kept and findable by title: a damaged lesson plan is better filed than lost.
    return { state: 'failed', body: '', note: `${err.message} / ${err.messageEn}` }
  }
}
