/** SQL for the ink a lesson saves while it plays. Every function takes the open database; callers own transactions. */
import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { InkStroke } from '../../../src-shared/courseware/ink'
import type { LessonPlace, RefusedInkPage, SavedInkPage } from '../../../src-shared/contract/lessons'

interface PageRow {
  page_id: string
  complete: 0 | 1
  kind: 'slide' | 'board'
  slide_index: number | null
  bg: string | null
  strokes: string
}

interface ResumeRow {
  session_id: string
  deck_path: string | null
  page_order: string
  page_id: string
  page_index: number
  slide_index: number | null
  build_step: number
  saved_at: string
  handled: 0 | 1
}

export function savePages(
  db: Database,
  sessionId: string,
  pages: readonly (SavedInkPage & { append?: boolean; more?: boolean })[],
  at: string
): void {
  const upsert = db.prepare(
    `INSERT INTO lesson_ink_pages(session_id, page_id, kind, slide_index, bg, strokes, updated_at, complete)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id, page_id) DO UPDATE SET kind = excluded.kind, slide_index = excluded.slide_index,
       bg = excluded.bg, strokes = excluded.strokes, updated_at = excluded.updated_at, complete = excluded.complete`
  )
  // Appending joins two JSON arrays as text: the saved strokes are not parsed again for each new one.
  const append = db.prepare(
    `UPDATE lesson_ink_pages SET updated_at = @at, complete = @complete,
       strokes = CASE WHEN @json = '[]' THEN strokes WHEN strokes = '[]' THEN @json
                      ELSE substr(strokes, 1, length(strokes) - 1) || ',' || substr(@json, 2) END
     WHERE session_id = @sessionId AND page_id = @pageId`
  )
  for (const p of pages) {
    const json = JSON.stringify(p.strokes)
    const complete = p.more ? 0 : 1
    if (p.append && append.run({ at, json, complete, sessionId, pageId: p.pageId }).changes === 1) continue
    upsert.run(sessionId, p.pageId, p.kind, p.slideIndex, p.bg, json, at, complete)
  }
}

export function saveResume(
  db: Database,
  sessionId: string,
  r: { deckPath: string | null; order: readonly string[]; at: LessonPlace; savedAt: string }
): void {
  db.prepare(
    `INSERT INTO lesson_resume(session_id, deck_path, page_order, page_id, page_index, slide_index, build_step, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET deck_path = excluded.deck_path, page_order = excluded.page_order,
       page_id = excluded.page_id, page_index = excluded.page_index, slide_index = excluded.slide_index,
       build_step = excluded.build_step, saved_at = excluded.saved_at`
  ).run(
    sessionId,
    r.deckPath,
    JSON.stringify(r.order),
    r.at.pageId,
    r.at.pageIndex,
    r.at.slideIndex,
    r.at.step ?? 0,
    r.savedAt
  )
}

export function setHandled(db: Database, sessionId: string): void {
  db.prepare('UPDATE lesson_resume SET handled = 1 WHERE session_id = ?').run(sessionId)
}

export function resumeOf(db: Database, sessionId: string): ResumeRow | undefined {
  return db.prepare('SELECT * FROM lesson_resume WHERE session_id = ?').get(sessionId) as ResumeRow | undefined
}

/** The session started last, if any: only the latest lesson can be carried on. */
export function latestSessionId(db: Database): string | undefined {
  const row = db.prepare('SELECT id FROM lesson_sessions ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as
    { id: string } | undefined
  return row?.id
}

const Strokes = z.array(InkStroke)
const PageOrder = z.array(z.string())

/**
 * The saved pages of a session, each read back through the contract's schema: a page whose record
 * is damaged is refused on its own with the reason, and every other page still opens.
 */
export function pagesOf(db: Database, sessionId: string): { pages: SavedInkPage[]; refused: RefusedInkPage[] } {
  const rows = db
    .prepare('SELECT page_id, kind, slide_index, bg, strokes, complete FROM lesson_ink_pages WHERE session_id = ?')
    .all(sessionId) as PageRow[]
  const pages: SavedInkPage[] = []
  const refused: RefusedInkPage[] = []
  for (const r of rows) {
    if (r.complete === 0) {
      // Only part of the page arrived before the crash: opening that part would pass for the whole.
      refused.push({
        pageId: r.page_id,
        message: `这一页的笔迹在中断前没有保存完整（页面 ${r.page_id}），将按课件里原有的笔迹打开；其余页面照常打开。`,
        messageEn: `The ink of this page was not saved completely before the interruption (page ${r.page_id}); it opens with the ink the courseware had, and every other page opens as usual.`
      })
      continue
    }
    const strokes = Strokes.safeParse(parseJson(r.strokes))
    if (strokes.success) {
      pages.push({ pageId: r.page_id, kind: r.kind, slideIndex: r.slide_index, bg: r.bg, strokes: strokes.data })
    } else {
      refused.push({
        pageId: r.page_id,
        message: `这一页课中保存的笔迹已损坏，无法恢复（页面 ${r.page_id}）；其余页面和笔迹照常打开。`,
        messageEn: `The ink saved during the lesson for this page is damaged and cannot be restored (page ${r.page_id}); every other page and its ink opens as usual.`
      })
    }
  }
  return { pages, refused }
}

/** The lesson's pages in order, or null when the record is damaged (the saved pages then keep their own order). */
export function orderOf(row: ResumeRow): string[] | null {
  const order = PageOrder.safeParse(parseJson(row.page_order))
  return order.success ? order.data : null
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
