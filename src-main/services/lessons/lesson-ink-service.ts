/**
 * The ink of the lesson playing, saved while it plays (ink otherwise reaches the deck only at 下课),
 * and the lesson a crash interrupted, offered back with its place and ink. Beside LessonsService,
 * on the same tables' sessions: a save is also a heartbeat of its session.
 */
import type { z } from 'zod'
import type { InterruptedLesson, SaveInk } from '../../../src-shared/contract/lessons'
import { markActivity } from '../../../src-shared/lessons/active-time'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import * as repo from './lessons-repo'
import * as inkRepo from './lessons-ink-repo'

export interface LessonInkServiceDeps {
  readonly storage: StorageService
  readonly clock: () => Date
  /** Read on every save, as LessonsService reads it. */
  readonly idleMinutes: () => number
}

export class LessonInkService {
  constructor(private readonly deps: LessonInkServiceDeps) {}

  /**
   * Changed pages and the place on screen, committed in one transaction before the answer, so what
   * the renderer was told is saved survives a kill -9 of the host. Also a heartbeat and activity of
   * the lesson: a crash then closes it no earlier than its last saved stroke.
   */
  save(s: z.output<typeof SaveInk>): { savedAt: string; pages: number } {
    const now = this.deps.clock()
    const at = now.toISOString()
    const idleMs = this.deps.idleMinutes() * 60_000
    this.deps.storage.transaction((db) => {
      const row = repo.getSession(db, s.sessionId)
      if (!row) throw notFound(s.sessionId)
      if (row.ended_at !== null) throw alreadyEnded(row)
      repo.saveClock(db, s.sessionId, markActivity(repo.clockOf(row), now.getTime(), idleMs), at)
      inkRepo.savePages(db, s.sessionId, s.pages, at)
      inkRepo.saveResume(db, s.sessionId, { deckPath: s.deckPath, order: s.order, at: s.at, savedAt: at })
    })
    return { savedAt: at, pages: s.pages.length }
  }

  /**
   * The last lesson, when a crash ended it (closed as recovered) with its place saved, and the
   * teacher has neither carried on with it nor set it aside. A damaged page is refused on its own.
   */
  interrupted(): InterruptedLesson | null {
    const db = this.deps.storage.db
    if (repo.openSessions(db).length) return null
    const id = inkRepo.latestSessionId(db)
    const row = id === undefined ? undefined : repo.getSession(db, id)
    if (!row || row.end_reason !== 'recovered') return null
    const resume = inkRepo.resumeOf(db, row.id)
    if (!resume || resume.handled === 1) return null
    const { pages, refused } = inkRepo.pagesOf(db, row.id)
    return {
      summary: repo.summaryOf(db, row),
      deckPath: resume.deck_path,
      at: {
        pageId: resume.page_id,
        pageIndex: resume.page_index,
        slideIndex: resume.slide_index,
        step: resume.build_step
      },
      order: inkRepo.orderOf(resume) ?? pages.map((p) => p.pageId),
      pages,
      refused,
      savedAt: resume.saved_at
    }
  }

  dismiss(sessionId: string): { ok: true } {
    if (!repo.getSession(this.deps.storage.db, sessionId)) throw notFound(sessionId)
    this.deps.storage.transaction((db) => inkRepo.setHandled(db, sessionId))
    return { ok: true }
  }
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `找不到这节课的记录（${id}），笔迹无法保存。请重新开始放映。`,
    `No lesson record ${id} was found, so its ink cannot be saved. Start playback again.`,
    { id }
  )
}

function alreadyEnded(row: repo.SessionRow): AppError {
  return new AppError(
    'CONFLICT',
    `这节课已在 ${row.ended_at} 结束，不能再保存笔迹。`,
    `This lesson ended at ${row.ended_at} and can save no more ink.`,
    { id: row.id, endedAt: row.ended_at }
  )
}
