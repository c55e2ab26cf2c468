/**
 * Lessons (授课记录) as this window sees them: the recent records the teach page lists, and the
 * lesson playing here — its recorder, last status (the board's timer), and its summary once it
 * ends. `lessons:ended` keeps the records current when a lesson ends anywhere (the board window,
 * a replaced lesson, one closed after a crash), so no page has to reload them by hand.
 *
 * The recorder is a plain object outside reactive state: it beats on a timer and is told of every
 * tap and stroke; only the statuses it gets back become state.
 */
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { CallInput } from '../../src-shared/contract'
import type { GroupScore, LessonStatus, LessonSummary, LessonTool } from '../../src-shared/contract/lessons'
import { AppError } from '../../src-shared/errors'
import { LessonRecorder, type RecorderEnv } from '../features/presenter/lesson-recorder'
import { useTransport } from '../transport'
import { useClassroomStore } from './classroom'

export interface LessonRecords {
  readonly items: readonly LessonSummary[]
  readonly total: number
}

const RECENT = 20

const browserEnv: RecorderEnv = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  now: () => performance.now()
}

export const useLessonsStore = defineStore('lessons', () => {
  const records = shallowRef<LessonRecords>({ items: [], total: 0 })
  /** The last status of the lesson playing in this window (null before it starts). */
  const status = ref<LessonStatus | null>(null)
  /** When that status arrived (performance.now()), so the timer can run on between beats. */
  const statusAt = ref(0)
  const summary = ref<LessonSummary | null>(null)
  /** The server time of the last heartbeat that reached the record (for tests and diagnostics). */
  const lastBeat = ref('')
  const error = shallowRef<AppError | null>(null)
  /** The class of the lesson playing in this window, from its start until it ends (the bar that leads back to it). */
  const playing = shallowRef<{ classId: string; className: string } | null>(null)
  let recorder: LessonRecorder | null = null
  let env: RecorderEnv = browserEnv
  let off: (() => void) | null = null

  function showEnded(s: LessonSummary): void {
    const items = records.value.items
    const known = items.some((i) => i.id === s.id)
    records.value = known
      ? { items: items.map((i) => (i.id === s.id ? s : i)), total: records.value.total }
      : { items: [s, ...items].slice(0, RECENT), total: records.value.total + 1 }
  }

  async function hydrate(): Promise<void> {
    off ??= useTransport().on('lessons:ended', showEnded)
    await refreshRecords()
  }

  async function refreshRecords(): Promise<void> {
    try {
      records.value = await useTransport().invoke('lessons:list', { limit: RECENT })
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /**
   * A fresh recorder for a lesson about to play here (each lesson records its own tools);
   * the one before it stops beating.
   */
  function newRecorder(): LessonRecorder {
    recorder?.dispose()
    status.value = null
    summary.value = null
    lastBeat.value = ''
    error.value = null
    const r = markRaw(new LessonRecorder({ invoke: (c, i) => useTransport().invoke(c, i) }, env))
    r.onStatus = (s) => {
      if (r !== recorder) return
      status.value = s
      statusAt.value = env.now()
      const beat = new Date(Date.parse(s.startedAt) + s.elapsedMs).toISOString()
      if (beat > lastBeat.value) lastBeat.value = beat
    }
    r.onError = (err) => {
      if (r === recorder) error.value = AppError.from(err)
    }
    recorder = r
    return r
  }

  async function start(input: CallInput<'lessons:start'>): Promise<void> {
    try {
      await (recorder ?? newRecorder()).start(input)
      playing.value = { classId: input.classId, className: input.className }
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /**
   * Ends the lesson playing here; its summary, or null when none was playing or the end failed.
   * `ended` runs in the same tick the summary appears, before any watcher sees it.
   */
  async function end(ended?: (s: LessonSummary) => void): Promise<LessonSummary | null> {
    try {
      const s = await recorder?.end()
      if (!s) return null
      summary.value = s
      playing.value = null
      showEnded(s)
      ended?.(s)
      // 下课 ends the lesson's class too: its question stops taking answers, and the next lesson
      // (maybe another class) opens a class of its own.
      await useClassroomStore().closeForLesson(s.id, s.className)
      return s
    } catch (err) {
      error.value = AppError.from(err)
      return null
    }
  }

  /** The lesson's page goes away: the recorder stops beating (the record closes at its last beat). */
  function release(r: LessonRecorder): void {
    r.dispose()
    if (r === recorder) {
      recorder = null
      playing.value = null
    }
  }

  /** A classroom tool used in the lesson playing here (its state lives outside any one panel). */
  function recordTool(tool: LessonTool): void {
    recorder?.tool(tool)
  }

  /** 小组PK's scores, for the lesson's record. */
  function recordScores(scores: readonly GroupScore[]): void {
    recorder?.scores(scores)
  }

  /** For tests: the timers and clock the next recorder uses. */
  function setRecorderEnv(e: RecorderEnv): void {
    env = e
  }

  function reset(): void {
    off?.()
    off = null
    recorder?.dispose()
    recorder = null
    env = browserEnv
    records.value = { items: [], total: 0 }
    status.value = null
    summary.value = null
    lastBeat.value = ''
    error.value = null
    playing.value = null
  }

  return {
    records,
    status,
    statusAt,
    summary,
    lastBeat,
    error,
    playing,
    hydrate,
    refreshRecords,
    newRecorder,
    start,
    end,
    release,
    recordTool,
    recordScores,
    setRecorderEnv,
    reset
  }
})
