/**
 * Statistics over a real database: lessons written by the real LessonsService, classroom rows
 * inserted as the classroom service's migration (4) defines them, resources by the real library.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import type { Database } from 'better-sqlite3'
import { StorageService, allMigrations } from '../storage'
import { LessonsService } from '../lessons'
import { LibraryService, QuestionBankService } from '../library'
import { StatsService } from './stats-service'
import { setCurrentTeacher } from '../sync/teacher-repo'
import { tempDir } from '../../test-utils/temp-dir'
import type { LessonTool } from '../../../src-shared/contract/lessons'
import type { CallInput } from '../../../src-shared/contract'
import { callInput } from '../../rpc/call-input'

/** As dispatch hands them over: parsed once by the contract (tzOffsetMinutes 480, China, when absent). */
const classStatsOf = (s: StatsService, i: CallInput<'stats:class'>) => s.classStats(callInput('stats:class', i))
const activityOf = (s: StatsService, i: CallInput<'stats:activity'>) => s.activity(callInput('stats:activity', i))

const MIN = 60_000
const cst = (day: string, hm: string): number => Date.parse(`${day}T${hm}:00+08:00`)

describe('StatsService', () => {
  let t: ReturnType<typeof tempDir>
  let now: number
  let storage: StorageService
  let lessons: LessonsService
  let stats: StatsService
  let db: Database
  const clock = (): Date => new Date(now)

  beforeEach(() => {
    t = tempDir()
    now = cst('2026-02-26', '08:00')
    storage = StorageService.open({
      file: join(t.dir, 'classdeck.db'),
      migrations: allMigrations,
      appVersion: 'test',
      now: clock
    })
    db = storage.db
    lessons = new LessonsService({ storage, clock, rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }) })
    stats = new StatsService({ storage, clock })
  })
  afterEach(() => {
    lessons.dispose()
    storage.close()
    t.cleanup()
  })

  /** A lesson with activity every minute (bounded by `minutes`). */
  function teach(
    classId: string,
    start: number,
    minutes: number,
    chapterId: string | null,
    tools: LessonTool[] = []
  ): string {
    now = start
    const { sessionId } = lessons.start({
      classId,
      className: classId === 'c-701' ? '七年级1班' : '七年级2班',
      deckId: 'd',
      deckTitle: '勾股定理',
      chapterId
    })
    for (const tool of tools) lessons.recordTool(sessionId, tool)
    for (let m = 0; m < minutes; m++) {
      now += MIN
      lessons.activity(sessionId)
    }
    lessons.end(sessionId)
    return sessionId
  }

  let seq = 0
  function classSession(id: string, lessonId: string | null, openedAt: number, students: [string, string][]): void {
    db.prepare('INSERT INTO class_sessions(id, title, lesson_session_id, opened_at) VALUES (?, ?, ?, ?)').run(
      id,
      '课堂',
      lessonId,
      new Date(openedAt).toISOString()
    )
    for (const [key, name] of students) {
      db.prepare(
        'INSERT INTO class_students(id, class_session_id, identity_key, name, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?)'
      ).run(`${id}:${key}`, id, `roster:${key}`, name, `tok-${id}-${key}`, new Date(openedAt).toISOString())
    }
  }
  function run(
    id: string,
    classSessionId: string,
    lessonId: string | null,
    at: number,
    kind: string,
    prompt: string,
    answers: [string, 0 | 1 | null][]
  ): void {
    db.prepare(
      "INSERT INTO question_runs(id, class_session_id, lesson_session_id, kind, spec, state, launched_at) VALUES (?, ?, ?, ?, ?, 'closed', ?)"
    ).run(id, classSessionId, lessonId, kind, JSON.stringify({ kind, prompt }), new Date(at).toISOString())
    for (const [student, correct] of answers) {
      db.prepare(
        'INSERT INTO answers(run_id, student_id, seq, answer, correct, received_at, recv_order) VALUES (?, ?, 1, ?, ?, ?, ?)'
      ).run(id, `${classSessionId}:${student}`, '{}', correct, new Date(at + 30_000).toISOString(), ++seq)
    }
  }

  function seedWeek(): void {
    teach('c-701', cst('2026-02-26', '09:00'), 20, 'ch17') // the week before
    const mon = teach('c-701', cst('2026-03-02', '09:00'), 40, 'ch17', ['pen', 'countdown', 'pen'])
    const tue = teach('c-701', cst('2026-03-03', '09:00'), 10, null)
    teach('c-702', cst('2026-03-02', '14:00'), 20, 'ch17')
    const four: [string, string][] = [
      ['s1', '张三'],
      ['s2', '李四'],
      ['s3', '王五'],
      ['s4', '赵六']
    ]
    classSession('cs-mon', mon, cst('2026-03-02', '09:01'), four)
    run('r1', 'cs-mon', mon, cst('2026-03-02', '09:10'), 'single', '3、4、5 能组成直角三角形吗？', [
      ['s1', 1],
      ['s2', 1],
      ['s3', 0]
    ])
    run('r2', 'cs-mon', mon, cst('2026-03-02', '09:20'), 'poll', '你学会了吗？', [
      ['s1', null],
      ['s2', null]
    ])
    // A run without a lesson id is found through its class session's lesson.
    classSession('cs-tue', tue, cst('2026-03-03', '09:01'), four.slice(0, 3))
    run('r3', 'cs-tue', null, cst('2026-03-03', '09:05'), 'truefalse', '勾股定理适用于所有三角形', [
      ['s1', 1],
      ['s2', 0],
      ['s3', 0]
    ])
    new QuestionBankService({ storage, clock }).add({
      question: { kind: 'truefalse', prompt: 'x', answer: true },
      chapter: { chapter: { id: 'ch17', name: '第十七章 勾股定理' } }
    })
  }

  it("counts a class's lessons, minutes, effective lessons and tools for a week, and nothing of other classes or weeks", () => {
    seedWeek()
    const s = classStatsOf(stats, { classId: 'c-701', period: { kind: 'week', date: '2026-03-04' } })
    expect(s.className).toBe('七年级1班')
    expect(s.period).toMatchObject({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z', bucket: 'day' })
    expect(s.lessons).toEqual({
      taught: 2,
      minutes: 50,
      effective: 1,
      tools: [
        { tool: 'pen', count: 2 },
        { tool: 'countdown', count: 1 }
      ]
    })
  })

  it('computes participation and correct rate per question, per chapter (weakest first) and overall', () => {
    seedWeek()
    const q = classStatsOf(stats, { classId: 'c-701', period: { kind: 'week', date: '2026-03-04' } }).questions
    expect(q).toMatchObject({ runs: 3, answers: 8, participation: 8 / 11, correctRate: 0.5 })
    expect(
      q.perQuestion.map((r) => [r.runId, r.students, r.answered, r.correct, r.participation, r.correctRate])
    ).toEqual([
      ['r1', 4, 3, 2, 0.75, 2 / 3],
      ['r2', 4, 2, 0, 0.5, null],
      ['r3', 3, 3, 1, 1, 1 / 3]
    ])
    expect(q.perQuestion[0]).toMatchObject({
      prompt: '3、4、5 能组成直角三角形吗？',
      chapterId: 'ch17',
      deckTitle: '勾股定理'
    })
    expect(q.perChapter).toEqual([
      { chapterId: null, chapterName: '未挂章节', runs: 1, answers: 3, correctRate: 1 / 3 },
      { chapterId: 'ch17', chapterName: '第十七章 勾股定理', runs: 2, answers: 5, correctRate: 2 / 3 }
    ])
  })

  it('lists students who need help first, across lessons, by the same roster identity', () => {
    seedWeek()
    const students = classStatsOf(stats, { classId: 'c-701', period: { kind: 'week', date: '2026-03-04' } }).questions
      .perStudent
    expect(students.map((s) => [s.name, s.offered, s.answered, s.correct, s.correctRate, s.needsHelp])).toEqual([
      ['王五', 3, 2, 0, 0, true],
      ['李四', 3, 3, 1, 0.5, true],
      ['赵六', 2, 0, 0, null, true],
      ['张三', 3, 3, 2, 1, false]
    ])
  })

  it('fills the 课堂 and 检测 charts by day and says 导学 and 作业 have no data yet', () => {
    seedWeek()
    const charts = classStatsOf(stats, { classId: 'c-701', period: { kind: 'week', date: '2026-03-04' } }).charts
    expect(charts.map((c) => [c.id, c.title, c.available, c.empty])).toEqual([
      ['guided', '导学', false, true],
      ['inClass', '课堂', true, false],
      ['tests', '检测', true, false],
      ['homework', '作业', false, true]
    ])
    expect(charts[0]!.note).toMatch(/^暂无数据/)
    const inClass = charts[1]!
    expect(inClass.categories).toEqual(['3/2', '3/3', '3/4', '3/5', '3/6', '3/7', '3/8'])
    const series = Object.fromEntries(inClass.series.map((s) => [s.id, s.data]))
    expect(series).toEqual({
      lessons: [1, 1, 0, 0, 0, 0, 0],
      effective: [1, 0, 0, 0, 0, 0, 0],
      minutes: [40, 10, 0, 0, 0, 0, 0],
      interactions: [2, 1, 0, 0, 0, 0, 0]
    })
    const tests = Object.fromEntries(charts[2]!.series.map((s) => [s.id, s.data.slice(0, 3)]))
    expect(tests).toEqual({ answers: [5, 3, 0], participation: [62.5, 100, null], correctRate: [66.7, 33.3, null] })
  })

  it('shows an honest empty state for a period with nothing recorded, and buckets a term by week', () => {
    seedWeek()
    const empty = classStatsOf(stats, {
      classId: 'c-701',
      period: { kind: 'custom', from: '2026-04-01', to: '2026-04-10' }
    })
    expect(empty.lessons.taught).toBe(0)
    expect(empty.questions).toMatchObject({ runs: 0, participation: null, correctRate: null, perStudent: [] })
    expect(empty.charts[1]).toMatchObject({ empty: true, note: '这段时间没有用 ClassDeck 上课的记录。' })
    const term = classStatsOf(stats, { classId: 'c-701', period: { kind: 'term', date: '2026-03-04' } })
    expect(term.period).toMatchObject({ label: '2025—2026学年第二学期', bucket: 'week' })
    expect(term.lessons.taught).toBe(3)
    expect(term.charts[1]!.categories[0]).toBe('1/26起')
    expect(() =>
      classStatsOf(stats, { classId: 'c-701', period: { kind: 'custom', from: '2026-04-10', to: '2026-04-01' } })
    ).toThrow(/统计时段无效/)
  })

  it('lists the classes taught, most recent first', () => {
    seedWeek()
    expect(stats.classes().items.map((c) => [c.classId, c.lessons])).toEqual([
      ['c-701', 3],
      ['c-702', 1]
    ])
  })

  it("estimates this week's and month's activity from what was recorded, with the region's caveat", async () => {
    seedWeek()
    now = cst('2026-03-04', '10:00')
    const lib = new LibraryService({ storage, clock, dir: join(t.dir, 'library') })
    const file = join(t.dir, '勾股定理.ppt')
    writeFileSync(file, 'slides')
    const { resource } = await lib.add({
      path: file,
      original: true,
      chapter: { chapter: { id: 'ch17', name: '第十七章' } }
    })
    lib.share({ id: resource.id, public: true })

    const a = activityOf(stats, { regionId: 'zhejiang-zhijianghui', date: '2026-03-04' })
    expect(a.estimate).toBe(true)
    expect(a.disclaimer).toMatch(/^这是估算，不是平台的分数/)
    const week = Object.fromEntries(a.week.rules.map((r) => [r.ruleId, r.points]))
    // 互动授课: Mon 40 (7-1) and Mon 20 (7-2) → 10; 课堂教学: Mon 2 → 10, Tue 1 → 5; 课件制作: Wed → 10;
    // 导学检测: no run reached 10 students; login: Mon, Tue, Wed → 3 (26 Feb is not next to them).
    expect(week).toEqual({
      'interactive-lesson': 10,
      'classroom-teaching': 15,
      courseware: 10,
      'guided-test': 0,
      login: 3
    })
    expect(a.week.points).toBe(38)
    expect(a.month.points).toBe(38)
    expect(() => activityOf(stats, { regionId: 'atlantis' })).toThrow(/没有“atlantis”地区的活跃度规则/)
    lib.dispose()
  })

  it('estimates only the current teacher’s lessons, leaving out lessons under the set minimum', () => {
    const wang = { id: 't-1001', name: '王丽华' }
    setCurrentTeacher(db, wang)
    teach('c-701', cst('2026-03-02', '09:00'), 20, 'ch17')
    teach('c-701', cst('2026-03-02', '10:00'), 3, null) // the wrong deck, closed after 3 minutes
    // 李建国 teaches on the same classroom PC in the afternoon.
    setCurrentTeacher(db, { id: 't-1002', name: '李建国' })
    teach('c-702', cst('2026-03-02', '14:00'), 40, null)
    teach('c-702', cst('2026-03-03', '14:00'), 40, null)
    setCurrentTeacher(db, wang)

    const week = (s: StatsService) =>
      Object.fromEntries(
        activityOf(s, { regionId: 'zhejiang-zhijianghui', date: '2026-03-04' }).week.rules.map((r) => [
          r.ruleId,
          r.matched
        ])
      )
    // Hers: one lesson of 20 minutes (the 3-minute one is left out); his two are not hers; one day used.
    expect(week(stats)).toMatchObject({ 'interactive-lesson': 1, 'classroom-teaching': 1, login: 1 })
    const a = activityOf(stats, { regionId: 'zhejiang-zhijianghui', date: '2026-03-04' })
    expect(a.disclaimer).toContain('只计王丽华老师的课，不足 5 分钟的课不计。')
    // The minimum is a setting: at 2 minutes the short lesson counts as 课堂教学 too.
    const lenient = new StatsService({ storage, clock, minLessonMinutes: () => 2 })
    expect(week(lenient)).toMatchObject({ 'interactive-lesson': 1, 'classroom-teaching': 2 })
  })
})
