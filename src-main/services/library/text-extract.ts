/**
 * The text inside a file, for the search index. .edux decks are read with the courseware
 * service's own decoder; PowerPoint files go through the Prepare importer in its bounded worker
 * (time and heap limits), and the text of the deck it builds is indexed; Word files are read
 * with mammoth's raw-text pass (the same library the DOCX importer uses, without building HTML).
 * Anything else (.ppt, .doc, .pdf) is indexed by title and tags only, and says so
 * (text state 'not-extracted'), rather than pretending.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { decodeEdux } from '../courseware'
import { runImport } from '../importers'
import { paragraphsText, type Deck } from '../../../src-shared/courseware'
import type { ChapterPath, ResourceFormat, TextState } from '../../../src-shared/library'
import { AppError } from '../../../src-shared/errors'

/** What an extractor found: the text and, when the file says so, its own title and chapter. */
export interface ExtractedText {
  readonly body: string
  readonly title?: string
  readonly chapter?: ChapterPath
  readonly original?: boolean
}

/** Reads the text of one file on disk; throws AppError('FILE_INVALID') for a file it refuses. */
export type TextExtractor = (path: string, displayName: string) => Promise<ExtractedText>

export interface TextResult extends ExtractedText {
  readonly state: TextState
  readonly note: string | null
}

/** Cap on indexed text per file: a lesson plan is a few thousand characters; this is generous. */
export const MAX_BODY_CHARS = 400_000

export const defaultExtractors: Readonly<Record<string, TextExtractor>> = {
  edux: extractEdux,
  docx: extractDocx,
  pptx: extractPptx,
  pptm: extractPptx,
  ppsx: extractPptx
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

async function extractEdux(path: string, displayName: string): Promise<ExtractedText> {
  const bytes = await readFile(path)
  const { manifest, deck } = decodeEdux(displayName, bytes, { verifyMedia: false })
  const chapter: ChapterPath = {}
  const c = manifest.curriculum
  if (c.stage) chapter.stage = c.stage
  if (c.subject) chapter.subject = c.subject
  if (c.edition) chapter.edition = c.edition
  if (c.volume) chapter.volume = c.volume
  if (c.chapter) chapter.chapter = c.chapter
  return { body: deckText(deck), title: manifest.title || deck.title, chapter, original: manifest.original }
}

async function extractPptx(path: string, displayName: string): Promise<ExtractedText> {
  // The importer names its errors after the path it read; the library's copy is named by hash.
  try {
    const { deck } = await runImport(path, { timeoutMs: 60_000 })
    return { body: deckText(deck) }
  } catch (e) {
    const err = AppError.from(e)
    throw new AppError(
      err.code,
      err.message.replaceAll(basename(path), displayName),
      err.messageEn.replaceAll(basename(path), displayName),
      err.details
    )
  }
}

async function extractDocx(path: string, displayName: string): Promise<ExtractedText> {
  try {
    // Loaded on first use, as the importers do: start-up never pays for it.
    const mammoth = (await import('mammoth')).default
    const r = await mammoth.extractRawText({ path })
    return { body: r.value.replace(/\n{3,}/g, '\n\n').trim() }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new AppError(
      'FILE_INVALID',
      `无法读取 Word 文件“${displayName}”里的文字（${why}）。请用 Word 打开后另存为 .docx 再添加。`,
      `Could not read the text of the Word file "${displayName}" (${why}). Open it in Word, save as .docx and add it again.`,
      { file: displayName }
    )
  }
}

/** Every piece of text a teacher typed into a deck: slides, tables, questions, notes, lesson plans. */
export function deckText(deck: Deck): string {
  const out: string[] = [deck.title]
  for (const s of deck.slides) {
    for (const e of s.elements) {
      switch (e.type) {
        case 'text':
        case 'shape':
          out.push(paragraphsText(e.paragraphs))
          break
        case 'table':
          for (const r of e.rows) for (const cell of r.cells) out.push(paragraphsText(cell.paragraphs))
          break
        case 'question': {
          const q = e.question
          out.push(q.prompt, q.explanation)
          if ('options' in q) for (const o of q.options) out.push(o.text)
          break
        }
        case 'slide-link':
          out.push(e.label)
          break
        case 'placeholder':
          out.push(e.label)
          break
        default:
          break
      }
    }
    if (s.notes) out.push(s.notes)
  }
  for (const plan of deck.lessonPlans) out.push(plan.title, htmlText(plan.html))
  return out.filter((t) => t.trim() !== '').join('\n')
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Text of sanitised lesson-plan HTML, for indexing only (never shown as HTML). */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|tr|br)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, name: string) => {
      if (name.startsWith('#')) {
        const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m
      }
      return ENTITIES[name.toLowerCase()] ?? m
    })
}
