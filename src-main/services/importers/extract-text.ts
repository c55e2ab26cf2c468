/**
 * The text inside an .edux, .docx or .pptx file, read in this thread: the import worker runs it
 * for the library (runTextExtraction), with the worker's time and heap limits, so a hostile file
 * costs a bounded worker, never the main process. Every zip goes through GuardedZip first, and a
 * Word file is fully checked (every entry inflated against its declared size) before mammoth,
 * whose JSZip would inflate a lying entry to the end.
 */
import { decodeEdux } from '../courseware/edux-file'
import { GuardedZip } from '../courseware/zip-guard'
import { paragraphsText, type Deck } from '../../../src-shared/courseware'
import type { ChapterPath } from '../../../src-shared/library'
import { AppError } from '../../../src-shared/errors'
import { DOCX_LIMITS } from './docx-import'
import { importBytes, readInputFile } from './import-file'

/** What an extractor found: the text and, when the file says so, its own title and chapter. */
export interface ExtractedText {
  readonly body: string
  readonly title?: string
  readonly chapter?: ChapterPath
  readonly original?: boolean
}

/** Reads `path`, naming it `displayName` in every error. */
export async function extractFileText(path: string, displayName: string): Promise<ExtractedText> {
  const ext = /\.([^.]+)$/.exec(displayName)?.[1]?.toLowerCase() ?? ''
  const bytes = await readInputFile(path, displayName)
  if (ext === 'edux') return eduxText(displayName, bytes)
  if (ext === 'docx') return docxText(displayName, bytes)
  return { body: deckText((await importBytes(displayName, bytes)).deck) }
}

function eduxText(displayName: string, bytes: Uint8Array): ExtractedText {
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

async function docxText(displayName: string, bytes: Uint8Array): Promise<ExtractedText> {
  try {
    GuardedZip.open(displayName, bytes, DOCX_LIMITS).verify()
    // Loaded on first use, as the importers do: start-up never pays for it.
    const mammoth = (await import('mammoth')).default
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    return { body: r.value.replace(/\n{3,}/g, '\n\n').trim() }
  } catch (e) {
    // The zip guard says why in both languages; anything else is mammoth's (English) reason.
    const guard = e instanceof AppError ? (e.details as { reason?: string; reasonZh?: string } | undefined) : undefined
    const why = guard?.reason ?? (e instanceof Error ? e.message : String(e))
    const whyZh = guard?.reasonZh ?? why
    throw new AppError(
      e instanceof AppError && e.code === 'LIMIT' ? 'LIMIT' : 'FILE_INVALID',
      `无法读取 Word 文件“${displayName}”里的文字（${whyZh}）。请用 Word 打开后另存为 .docx 再添加。`,
      `Could not read the text of the Word file "${displayName}" (${why}). Open it in Word, save as .docx and add it again.`,
      { file: displayName, ...(guard ?? {}) }
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
