/**
 * Library and statistics benchmark (issue 7): 10,000 resources and 100,000 answers in a temp
 * database. Figures: search p95, each statistics query's p95, and adding 1,000 files to the
 * library (files/s). Resources go in through the library's own insert-and-index code; answers
 * as the classroom migration defines them; files through LibraryService.add (hash, store, read text).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import { StorageService, allMigrations } from '../src-main/services/storage'
import { LibraryService } from '../src-main/services/library'
import { insertResource } from '../src-main/services/library/library-repo'
import { makeDocx } from '../src-main/services/library/docx-fixture'
import { StatsService } from '../src-main/services/stats'
import { tempDir } from '../src-main/test-utils/temp-dir'
import type { ResourceType } from '../src-shared/library'
import { percentile, round, writeResults, type Figure } from './bench-kit'

const RESOURCES = 10_000
const CLASSES = 20
const STUDENTS = 45
const RUNS = 2_500
const ANSWERS_PER_RUN = 40 // 2,500 × 40 = 100,000
const IMPORT_FILES = 1_000

// Deterministic pseudo-random numbers (mulberry32), so runs compare.
let seed = 20260302
function rnd(): number {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!

// Six subjects' words plus the headings every lesson plan shares: a subject word is in about a
// sixth of the library, a heading in nearly all of it (the worst case for ranking).
const SUBJECT_WORDS = [
  '勾股定理 直角三角形 斜边 平方 证明 函数 一次函数 图像 方程 不等式 分数 小数 乘法 除法 几何 面积 周长 体积 圆 半径',
  '诗歌 朗读 课文 生字 词语 作文 阅读理解 古诗 李白 杜甫 春天 秋天 故事 寓言 成语 标点 段落 中心思想',
  '光合作用 细胞 植物 动物 生态 叶绿体 蒸腾作用 种子 根 茎',
  '电路 电流 电压 磁场 力 速度 加速度 牛顿 化学反应 氧气 二氧化碳 酸碱',
  '长城 黄河 丝绸之路 朝代 历史 地理 气候 地图 经纬度 人口 城市 农业 工业',
  'reading listening speaking writing grammar vocabulary unit lesson dialogue phonics'
].map((g) => g.split(' '))
const COMMON = '教学目标 教学重点 教学难点 导入 新授 练习 小结 作业 板书 课后反思 小组合作 探究 讨论'.split(' ')
const WORDS = [...SUBJECT_WORDS.flat(), ...COMMON]
const TYPES: ResourceType[] = ['教案', '课件', '微课', '素材', '试卷', '习题', '其他']
const FORMATS = ['word', 'ppt', 'pdf', 'edux', 'video', 'image'] as const

function sentence(n: number, subject = Math.floor(rnd() * SUBJECT_WORDS.length)): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(rnd() < 0.75 ? pick(SUBJECT_WORDS[subject]!) : pick(COMMON))
  return out.join(rnd() < 0.5 ? '' : '，') + '。'
}

function timeIt(fn: () => unknown, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return out
}

const t = tempDir('classdeck-bench-library-')
const now = Date.parse('2026-05-20T02:00:00.000Z')
const clock = (): Date => new Date(now)
const storage = StorageService.open({
  file: join(t.dir, 'classdeck.db'),
  migrations: allMigrations,
  appVersion: 'bench',
  now: clock
})
const db = storage.db
const library = new LibraryService({ storage, clock, dir: join(t.dir, 'library') })
const stats = new StatsService({ storage, clock })
const figures: Figure[] = []

try {
  // ---- 10,000 resources -------------------------------------------------------------------
  let t0 = performance.now()
  storage.transaction((tx) => {
    for (let i = 0; i < RESOURCES; i++) {
      const ch = Math.floor(rnd() * 40)
      const format = pick(FORMATS)
      const textual = format !== 'video' && format !== 'image'
      const subject = ch % SUBJECT_WORDS.length
      const body = textual
        ? Array.from({ length: 10 + Math.floor(rnd() * 30) }, () => sentence(6, subject)).join('\n')
        : ''
      insertResource(tx, {
        id: randomUUID(),
        title: `${sentence(2, subject).slice(0, -1)} 第${i}号`,
        type: pick(TYPES),
        format,
        chapter: {
          subject: { id: `s${subject}`, name: `学科${subject}` },
          volume: { id: `v${ch % 12}`, name: `册${ch % 12}` },
          chapter: { id: `ch${ch}`, name: `第${ch}章` }
        },
        tags: [pick(SUBJECT_WORDS[subject]!), pick(COMMON)],
        original: rnd() < 0.3,
        openLessonLevel: null,
        file: `aa/${i}.bin`,
        fileName: `${i}.bin`,
        thumbnail: null,
        size: 1000 + i,
        sha256: i.toString(16).padStart(64, '0'),
        body,
        textState: textual ? 'extracted' : 'none',
        textNote: null,
        syncState: 'local',
        at: new Date(now - i * 60_000).toISOString()
      })
    }
  })
  const seedResourcesMs = performance.now() - t0

  // ---- 100,000 answers across 20 classes over a term --------------------------------------
  t0 = performance.now()
  const termStart = Date.parse('2026-02-02T00:30:00.000Z')
  storage.transaction((tx) => {
    const lesson = tx.prepare(
      `INSERT INTO lesson_sessions(id, class_id, class_name, deck_id, deck_title, chapter_id, started_at, ended_at, end_reason,
         last_heartbeat_at, accounted_at, last_activity_at, active_ms, effective, effective_minutes)
       VALUES (?, ?, ?, 'deck', '课件', ?, ?, ?, 'teacher', ?, ?, ?, ?, ?, 15)`
    )
    const event = tx.prepare(
      "INSERT INTO lesson_events(session_id, at, kind, ref, detail) VALUES (?, ?, 'tool', ?, NULL)"
    )
    const cls = tx.prepare(
      'INSERT INTO class_sessions(id, title, lesson_session_id, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)'
    )
    const student = tx.prepare(
      'INSERT INTO class_students(id, class_session_id, identity_key, name, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?)'
    )
    const run = tx.prepare(
      "INSERT INTO question_runs(id, class_session_id, lesson_session_id, kind, spec, state, launched_at) VALUES (?, ?, ?, 'single', ?, 'closed', ?)"
    )
    const answer = tx.prepare(
      'INSERT INTO answers(run_id, student_id, seq, answer, correct, received_at, recv_order) VALUES (?, ?, 1, ?, ?, ?, ?)'
    )
    let order = 0
    // One lesson (and class session) per two runs: 1,250 lessons, ~62 per class across the term.
    for (let l = 0; l < RUNS / 2; l++) {
      const classNo = l % CLASSES
      const startMs = termStart + Math.floor(l / CLASSES) * 2 * 86_400_000 + (classNo % 8) * 3_600_000
      const start = new Date(startMs).toISOString()
      const end = new Date(startMs + 40 * 60_000).toISOString()
      const lid = `L${l}`
      lesson.run(lid, `c${classNo}`, `${classNo + 1}班`, `ch${l % 40}`, start, end, end, end, end, 38 * 60_000, 1)
      event.run(lid, start, pick(['pen', 'countdown', 'name-picker', 'spotlight']))
      const csid = `CS${l}`
      cls.run(csid, `${classNo + 1}班`, lid, start, end)
      for (let s = 0; s < STUDENTS; s++)
        student.run(`${csid}:${s}`, csid, `roster:c${classNo}-${s}`, `学生${s}`, `${csid}:${s}`, start)
      for (let r = 0; r < 2; r++) {
        const rid = `R${l}-${r}`
        const at = new Date(startMs + (10 + r * 10) * 60_000).toISOString()
        run.run(
          rid,
          csid,
          lid,
          JSON.stringify({ kind: 'single', prompt: sentence(3), options: ['A', 'B', 'C', 'D'], correct: 1 }),
          at
        )
        for (let a = 0; a < ANSWERS_PER_RUN; a++)
          answer.run(rid, `${csid}:${a}`, '{"kind":"single","choice":1}', rnd() < 0.7 ? 1 : 0, at, ++order)
      }
    }
  })
  const seedAnswersMs = performance.now() - t0
  const answerCount = (db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n
  console.log(
    `seeded ${RESOURCES} resources in ${round(seedResourcesMs / 1000)} s, ${answerCount} answers in ${round(seedAnswersMs / 1000)} s`
  )

  // ---- search -----------------------------------------------------------------------------
  const queries = [
    ...WORDS.filter((w) => [...w].length >= 3).slice(0, 25),
    ...WORDS.filter((w) => [...w].length === 2).slice(0, 25),
    '勾',
    '圆',
    '诗',
    '光',
    '练习',
    '课后反思',
    'reading unit',
    '勾股 证明',
    '函数 图像',
    '教学目标 探究',
    '第123号',
    '，。',
    ''
  ]
  library.search({ q: '勾股定理', limit: 30, offset: 0 }) // warm the statement cache
  const searchMs: number[] = []
  for (let round2 = 0; round2 < 4; round2++)
    for (const q of queries) searchMs.push(...timeIt(() => library.search({ q, limit: 30, offset: 0 }), 1))
  const shortMs = queries
    .filter((q) => [...q].length > 0 && [...q].length <= 2)
    .flatMap((q) => timeIt(() => library.search({ q, limit: 30, offset: 0 }), 6))
  const filteredMs = timeIt(
    () =>
      library.search({ q: pick(WORDS), types: ['教案', '课件'], chapter: { subjectId: 's1' }, limit: 30, offset: 0 }),
    100
  )
  figures.push({ id: 'library-search-p95', value: round(percentile(searchMs, 95)), unit: 'ms', goal: '< 50' })
  figures.push({
    id: 'library-search-short-terms-p95',
    value: round(percentile(shortMs, 95)),
    unit: 'ms',
    goal: '< 50'
  })
  figures.push({
    id: 'library-search-filtered-p95',
    value: round(percentile(filteredMs, 95)),
    unit: 'ms',
    goal: '< 50'
  })
  figures.push({
    id: 'library-browse-chapter-p95',
    value: round(
      percentile(
        timeIt(
          () =>
            library.browse({
              chapter: { chapterId: `ch${Math.floor(rnd() * 40)}` },
              limit: 30,
              offset: 0,
              sort: 'updated'
            }),
          100
        ),
        95
      )
    ),
    unit: 'ms',
    goal: '< 50'
  })
  // A fresh service each time: the tree is cached between changes, so this is the uncached cost.
  figures.push({
    id: 'library-tree-uncached-p95',
    value: round(
      percentile(
        timeIt(() => new LibraryService({ storage, clock, dir: join(t.dir, 'library') }).tree(), 20),
        95
      )
    ),
    unit: 'ms',
    goal: '< 50'
  })

  // ---- statistics -------------------------------------------------------------------------
  const classOf = (): string => `c${Math.floor(rnd() * CLASSES)}`
  const dates = ['2026-03-02', '2026-03-16', '2026-04-08', '2026-05-11']
  const statsQuery = (id: string, fn: () => unknown, n = 40): void => {
    fn()
    figures.push({ id, value: round(percentile(timeIt(fn, n), 95)), unit: 'ms', goal: '< 100' })
  }
  statsQuery('stats-class-week-p95', () =>
    stats.classStats({ classId: classOf(), period: { kind: 'week', date: pick(dates) }, tzOffsetMinutes: 480 })
  )
  statsQuery('stats-class-month-p95', () =>
    stats.classStats({ classId: classOf(), period: { kind: 'month', date: pick(dates) }, tzOffsetMinutes: 480 })
  )
  statsQuery('stats-class-term-p95', () =>
    stats.classStats({ classId: classOf(), period: { kind: 'term', date: pick(dates) }, tzOffsetMinutes: 480 })
  )
  statsQuery('stats-classes-p95', () => stats.classes())
  statsQuery('stats-activity-p95', () =>
    stats.activity({ regionId: 'zhejiang-zhijianghui', date: pick(dates), tzOffsetMinutes: 480 })
  )

  // ---- adding 1,000 files -------------------------------------------------------------------
  const incoming = join(t.dir, 'incoming')
  mkdirSync(incoming)
  const files: string[] = []
  for (let i = 0; i < IMPORT_FILES; i++) {
    const kind = i % 4
    const name = kind === 0 || kind === 1 ? `教案${i}.docx` : kind === 2 ? `图片${i}.png` : `视频${i}.mp4`
    const bytes =
      kind <= 1
        ? makeDocx([sentence(8), sentence(12), sentence(10)])
        : Buffer.from(`${name}:${sentence(20)}`.repeat(50))
    const p = join(incoming, name)
    writeFileSync(p, bytes)
    files.push(p)
  }
  t0 = performance.now()
  for (const f of files) await library.add({ path: f })
  const importS = (performance.now() - t0) / 1000
  figures.push({
    id: 'library-import-1000-files',
    value: round(IMPORT_FILES / importS, 1),
    unit: 'files/s',
    goal: 'report (half .docx with text read by mammoth, half images/videos)'
  })

  writeResults('library', figures, {
    dataset: {
      resources: RESOURCES,
      answers: answerCount,
      runs: RUNS,
      classes: CLASSES,
      studentsPerClass: STUDENTS,
      importFiles: IMPORT_FILES
    },
    seedSeconds: { resources: round(seedResourcesMs / 1000), answers: round(seedAnswersMs / 1000) },
    node: process.version
  })
} finally {
  library.dispose()
  storage.close()
  t.cleanup()
}
