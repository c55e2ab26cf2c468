import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { LessonsService } from './lessons-service'
import { LessonInkService } from './lesson-ink-service'
import { SaveInk, type SavedInkPage } from '../../../src-shared/contract/lessons'
import type { InkStroke } from '../../../src-shared/courseware/ink'
import { tempDir } from '../../test-utils/temp-dir'

const T0 = Date.parse('2026-03-02T08:00:00.000Z')
const lesson = { classId: 'c-701', className: '七年级1班', deckId: 'd-1', deckTitle: '勾股定理', chapterId: null }

function stroke(id: string, y: number): InkStroke {
  return {
    id,
    tool: 'pen',
    color: '#E53935',
    width: 4,
    points: [
      [10, y, 0.5, 0],
      [200, y, 0.5, 80]
    ]
  }
}

const slidePage = (pageId: string, slideIndex: number, strokes: InkStroke[]): SavedInkPage => ({
  pageId,
  kind: 'slide',
  slideIndex,
  bg: null,
  strokes
})

/** What the handler table does with the call's input before the service sees it. */
const parsed = (input: unknown) => SaveInk.parse(input)

describe('ink saved during a lesson', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  let now: number
  let storage: StorageService
  let lessons: LessonsService
  let ink: LessonInkService
  const clock = (): Date => new Date(now)

  function open(): void {
    storage = StorageService.open({ file, migrations: allMigrations, appVersion: 'test', now: clock })
    lessons = new LessonsService({ storage, clock, rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }) })
    ink = new LessonInkService({ storage, clock, idleMinutes: () => 5 })
  }
  /** The host killed: the database is left as the last commit wrote it, nothing ends the lesson. */
  function crashAndRestart(): void {
    storage.close()
    now += 30_000
    open()
  }

  beforeEach(() => {
    t = tempDir()
    file = join(t.dir, 'classdeck.db')
    now = T0
    open()
  })
  afterEach(() => {
    lessons.dispose()
    storage.close()
    t.cleanup()
  })

  function teachAndCrash(): string {
    const s = lessons.start({ ...lesson, slideId: 's1', slideIndex: 0 })
    now += 2000
    ink.save(
      parsed({
        sessionId: s.sessionId,
        deckPath: '/data/decks/勾股定理.edux',
        order: ['s1', 'board-1', 's2'],
        pages: [
          slidePage('s1', 0, [stroke('a', 100)]),
          { pageId: 'board-1', kind: 'board', slideIndex: null, bg: 'grid', strokes: [stroke('b', 200)] }
        ],
        at: { pageId: 'board-1', pageIndex: 1, slideIndex: null }
      })
    )
    now += 1000
    // The next save replaces the page's ink whole: an erased stroke is gone, a new one is there.
    ink.save(
      parsed({
        sessionId: s.sessionId,
        deckPath: '/data/decks/勾股定理.edux',
        order: ['s1', 'board-1', 's2'],
        pages: [slidePage('s2', 1, [stroke('c', 300), stroke('d', 400)]), slidePage('s1', 0, [])],
        at: { pageId: 's2', pageIndex: 2, slideIndex: 1, step: 3 }
      })
    )
    crashAndRestart()
    return s.sessionId
  }

  it('offers a lesson a crash ended, at the page and build step where it stopped, with every saved page of ink', () => {
    const id = teachAndCrash()
    const lost = ink.interrupted()!
    expect(lost.summary).toMatchObject({ id, endReason: 'recovered', className: '七年级1班' })
    expect(lost.deckPath).toBe('/data/decks/勾股定理.edux')
    expect(lost.at).toEqual({ pageId: 's2', pageIndex: 2, slideIndex: 1, step: 3 })
    expect(lost.order).toEqual(['s1', 'board-1', 's2'])
    const byId = Object.fromEntries(lost.pages.map((p) => [p.pageId, p]))
    expect(byId['s1']!.strokes).toEqual([])
    expect(byId['board-1']).toMatchObject({ kind: 'board', bg: 'grid' })
    expect(byId['board-1']!.strokes.map((s) => s.id)).toEqual(['b'])
    expect(byId['s2']!.strokes.map((s) => s.id)).toEqual(['c', 'd'])
    expect(lost.refused).toEqual([])
    // The last save was a heartbeat too: the recovered lesson ends no earlier than its last stroke.
    expect(lost.summary.endedAt).toBe(new Date(T0 + 3000).toISOString())
  })

  it('appends strokes drawn after the saved ones without sending the page again', () => {
    const s = lessons.start(lesson)
    const save = (pages: unknown[]) =>
      ink.save(
        parsed({
          sessionId: s.sessionId,
          deckPath: '/d.edux',
          order: ['s1'],
          pages,
          at: { pageId: 's1', pageIndex: 0, slideIndex: 0 }
        })
      )
    save([slidePage('s1', 0, [])])
    save([{ ...slidePage('s1', 0, [stroke('a', 1)]), append: true }])
    save([{ ...slidePage('s1', 0, [stroke('b', 2), stroke('c', 3)]), append: true }])
    save([{ ...slidePage('s1', 0, []), append: true }])
    save([{ ...slidePage('s1', 0, [stroke('d', 4)]), append: true, more: true }])
    save([{ ...slidePage('s1', 0, [stroke('e', 5)]), append: true }])
    crashAndRestart()
    expect(ink.interrupted()!.pages[0]!.strokes.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('opens a page that a crash left saved only in part with none of that part, saying so', () => {
    const s = lessons.start(lesson)
    const at = { pageId: 's1', pageIndex: 0, slideIndex: 0 }
    const base = { sessionId: s.sessionId, deckPath: '/d.edux', order: ['s1', 's2'], at }
    ink.save(
      parsed({
        ...base,
        pages: [{ ...slidePage('s1', 0, [stroke('a', 1)]), more: true }, slidePage('s2', 1, [stroke('z', 1)])]
      })
    )
    crashAndRestart()
    const lost = ink.interrupted()!
    expect(lost.pages.map((p) => p.pageId)).toEqual(['s2'])
    expect(lost.refused).toEqual([
      expect.objectContaining({ pageId: 's1', message: expect.stringMatching(/没有保存完整/) })
    ])
  })

  it('reopens a lesson saved before build steps were kept at its slide start', () => {
    storage.close()
    // The database as version 14 left it, with a lesson saved then and crashed.
    storage = StorageService.open({
      file: join(t.dir, 'v14.db'),
      migrations: allMigrations.slice(0, 14),
      appVersion: 'old',
      now: clock
    })
    lessons = new LessonsService({ storage, clock, rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }) })
    const s = lessons.start(lesson)
    storage.db
      .prepare(
        `INSERT INTO lesson_resume(session_id, deck_path, page_order, page_id, page_index, slide_index, saved_at)
         VALUES (?, '/d.edux', '["s1","s2"]', 's2', 1, 1, ?)`
      )
      .run(s.sessionId, new Date(now).toISOString())
    storage.close()
    file = join(t.dir, 'v14.db')
    now += 30_000
    open()
    expect(ink.interrupted()!.at).toEqual({ pageId: 's2', pageIndex: 1, slideIndex: 1, step: 0 })
  })

  it('offers it once: carried on or set aside, it is not offered again', () => {
    const id = teachAndCrash()
    expect(ink.dismiss(id)).toEqual({ ok: true })
    expect(ink.interrupted()).toBeNull()
    crashAndRestart()
    expect(ink.interrupted()).toBeNull()
  })

  it('offers nothing for a lesson the teacher ended, nor while a lesson plays', () => {
    const s = lessons.start(lesson)
    ink.save(
      parsed({
        sessionId: s.sessionId,
        deckPath: null,
        order: ['s1'],
        pages: [slidePage('s1', 0, [stroke('a', 1)])],
        at: { pageId: 's1', pageIndex: 0, slideIndex: 0 }
      })
    )
    expect(ink.interrupted()).toBeNull() // still playing
    lessons.end(s.sessionId)
    crashAndRestart()
    expect(ink.interrupted()).toBeNull()
  })

  it('refuses a damaged page of saved ink with a reason in Chinese and English, and opens the others', () => {
    const id = teachAndCrash()
    storage.db
      .prepare("UPDATE lesson_ink_pages SET strokes = ? WHERE page_id = 's2'")
      .run('[{"id":"c","tool":"pen","points":[[1,2,')
    storage.db
      .prepare("UPDATE lesson_ink_pages SET strokes = ? WHERE page_id = 's1'")
      .run('[{"id":"x","tool":"laser","color":"#000000","width":4,"points":[]}]')
    const lost = ink.interrupted()!
    expect(lost.summary.id).toBe(id)
    expect(lost.pages.map((p) => p.pageId)).toEqual(['board-1'])
    expect(lost.refused.map((r) => r.pageId).sort()).toEqual(['s1', 's2'])
    expect(lost.refused[0]!.message).toMatch(/笔迹已损坏/)
    expect(lost.refused[0]!.messageEn).toMatch(/damaged/)
  })

  it('refuses ink that is not ink, and any save for a lesson that ended, saving nothing', () => {
    const s = lessons.start(lesson)
    const bad = {
      sessionId: s.sessionId,
      deckPath: null,
      order: ['s1'],
      pages: [{ ...slidePage('s1', 0, []), strokes: [{ ...stroke('a', 1), points: [[1, 2, 7, 0]] }] }],
      at: { pageId: 's1', pageIndex: 0, slideIndex: 0 }
    }
    expect(SaveInk.safeParse(bad).success).toBe(false)
    lessons.end(s.sessionId)
    expect(() => ink.save(parsed({ ...bad, pages: [slidePage('s1', 0, [stroke('a', 1)])] }))).toThrow(/已在 .* 结束/)
    expect(storage.db.prepare('SELECT count(*) AS n FROM lesson_ink_pages').get()).toEqual({ n: 0 })
  })
})
