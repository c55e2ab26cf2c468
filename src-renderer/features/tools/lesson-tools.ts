/**
 * The classroom tools' state for one lesson: the countdown and stopwatch, and the 小组PK groups
 * and scores. Panels are views of it, so closing a panel loses nothing: a countdown keeps running
 * (the board shows it in a corner) and scores last until the lesson ends. A new lesson (another
 * session id in the lessons store) starts from fresh tools; the same lesson shown again (the board
 * page left and reopened) keeps them.
 *
 * The timers are plain objects ticked once a frame while one runs; only what the screen shows is
 * reactive state.
 */
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { Countdown, Stopwatch, formatClock } from './timers'
import { Scoreboard, type Group } from './scoreboard'
import { beep } from './beep'
import { useLessonsStore } from '../../stores/lessons'

export interface ToolsClock {
  now(): number
  frame(cb: () => void): unknown
  cancel(handle: unknown): void
}

const browserClock: ToolsClock = {
  now: () => performance.now(),
  frame: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h as number)
}

export const DEFAULT_COUNTDOWN_MS = 5 * 60_000
export const MIN_GROUPS = 2
export const MAX_GROUPS = 8
export const GROUP_NAME_MAX = 20
const DEFAULT_GROUPS = 4
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八']

/** 第一组 … 第八组: the names a class uses when its roster names no groups. */
export function defaultGroupNames(n: number): string[] {
  return NUMERALS.slice(0, clampGroups(n)).map((x) => `第${x}组`)
}

export function clampGroups(n: number): number {
  return Math.min(MAX_GROUPS, Math.max(MIN_GROUPS, Math.round(n)))
}

export type TimerMode = 'countdown' | 'stopwatch'

export const useLessonToolsStore = defineStore('lessonTools', () => {
  const lessons = useLessonsStore()
  let clock: ToolsClock = browserClock
  /** The lesson these tools belong to (its session id), null before one starts here. */
  const lessonId = ref<string | null>(null)

  // ---- countdown and stopwatch ------------------------------------------------------------------
  let countdown = markRaw(new Countdown(DEFAULT_COUNTDOWN_MS))
  let stopwatch = markRaw(new Stopwatch())
  const mode = ref<TimerMode>('countdown')
  const countdownText = ref(formatClock(DEFAULT_COUNTDOWN_MS, true))
  const stopwatchText = ref(formatClock(0))
  const countdownRunning = ref(false)
  const stopwatchRunning = ref(false)
  const timeUp = ref(false)
  const laps = ref<string[]>([])
  let frame: unknown = null

  const running = computed(() => (mode.value === 'countdown' ? countdownRunning.value : stopwatchRunning.value))
  const shown = computed(() => (mode.value === 'countdown' ? countdownText.value : stopwatchText.value))
  /** What the board's corner shows while the timer panel is closed: a running (or just finished) countdown. */
  const countdownBadge = computed(() => countdownRunning.value || timeUp.value)

  /** Brings the shown times up to now; the countdown that reaches zero stops, beeps and says so. */
  function tick(): void {
    const now = clock.now()
    countdownText.value = formatClock(countdown.remainingMs(now), true)
    stopwatchText.value = formatClock(stopwatch.elapsedMs(now))
    if (countdown.running && countdown.finished(now)) {
      countdown.pause(now)
      countdownRunning.value = false
      timeUp.value = true
      beep()
    }
    frame = null
    if (countdown.running || stopwatch.running) frame = clock.frame(tick)
  }

  function restartTicking(): void {
    if (frame !== null) clock.cancel(frame)
    frame = null
    tick()
  }

  function startPause(): void {
    const now = clock.now()
    const timer = mode.value === 'countdown' ? countdown : stopwatch
    if (timer.running) timer.pause(now)
    else {
      if (mode.value === 'countdown') timeUp.value = false
      timer.start(now)
      lessons.recordTool(mode.value)
    }
    countdownRunning.value = countdown.running
    stopwatchRunning.value = stopwatch.running
    restartTicking()
  }

  function resetTimer(): void {
    if (mode.value === 'countdown') {
      countdown.reset()
      countdownRunning.value = false
      timeUp.value = false
    } else {
      stopwatch.reset()
      stopwatchRunning.value = false
      laps.value = []
    }
    restartTicking()
  }

  function setMinutes(m: number): void {
    countdown.setDuration(m * 60_000)
    countdownRunning.value = false
    timeUp.value = false
    restartTicking()
  }

  function plusMinute(): void {
    countdown.extend(60_000)
    timeUp.value = false
    restartTicking()
  }

  function lap(): void {
    laps.value = [...laps.value, formatClock(stopwatch.lap(clock.now()))]
  }

  function switchMode(m: TimerMode): void {
    mode.value = m
    tick()
  }

  /** The corner badge is tapped once time is up: the countdown is put away. */
  function dismissTimeUp(): void {
    timeUp.value = false
  }

  // ---- 小组PK ------------------------------------------------------------------------------------
  let board = markRaw(new Scoreboard(defaultGroupNames(DEFAULT_GROUPS)))
  const groups = shallowRef<readonly Group[]>(board.groups)
  /** Group names the lesson's class brought (its 分组); the board hands them over for each lesson. */
  let rosterGroups: string[] | null = null

  function showGroups(record = true): void {
    groups.value = board.groups
    if (record) lessons.recordScores(board.groups.map((g) => ({ name: g.name, score: g.score })))
  }

  function cleanName(name: string): string {
    return [...name.trim()].slice(0, GROUP_NAME_MAX).join('')
  }

  /** New groups under these names, each starting from the score `scoreOf` gives it. */
  function rebuild(names: readonly string[], scoreOf: (name: string, i: number) => number): void {
    board = markRaw(new Scoreboard(names))
    board.groups.forEach((g, i) => {
      const score = scoreOf(g.name, i)
      if (score) board.add(g.id, score)
    })
    showGroups(board.groups.some((g) => g.score !== 0))
  }

  /**
   * Sets up the groups under these names (2–8 distinct ones, otherwise numbered groups); a group
   * whose name stays keeps the points it has this lesson.
   */
  function setGroups(names: readonly string[]): void {
    const clean = [...new Set(names.map(cleanName).filter(Boolean))]
    const list = clean.length >= MIN_GROUPS ? clean.slice(0, MAX_GROUPS) : defaultGroupNames(DEFAULT_GROUPS)
    const old = new Map(board.groups.map((g) => [g.name, g.score]))
    rebuild(list, (name) => old.get(name) ?? 0)
  }

  /** The groups of the lesson's class (its roster's 分组); taken while nobody has scored yet. */
  function useRosterGroups(names: readonly string[] | undefined): void {
    rosterGroups = names && new Set(names.map(cleanName).filter(Boolean)).size >= MIN_GROUPS ? [...names] : null
    if (rosterGroups && !board.groups.some((g) => g.score !== 0)) setGroups(rosterGroups)
  }

  /** 2–8 groups: the first ones keep their names and points, new ones are numbered. */
  function setGroupCount(n: number): void {
    const k = clampGroups(n)
    const kept = board.groups.slice(0, k)
    const names = kept.map((g) => g.name)
    for (const x of defaultGroupNames(MAX_GROUPS)) if (names.length < k && !names.includes(x)) names.push(x)
    rebuild(names, (_, i) => kept[i]?.score ?? 0)
  }

  /** A new name for one group (refused when blank or another group's name); its points stay. */
  function renameGroup(id: string, name: string): boolean {
    const next = cleanName(name)
    if (!next || board.groups.some((g) => g.id !== id && g.name === next)) return false
    const before = board.groups
    rebuild(
      before.map((g) => (g.id === id ? next : g.name)),
      (_, i) => before[i]!.score
    )
    return true
  }

  function addPoints(id: string, n: number): void {
    board.add(id, n)
    showGroups()
  }
  function undoScore(): void {
    if (board.undo()) showGroups()
  }
  function resetScores(): void {
    board.reset()
    showGroups()
  }
  const leaders = computed(() => {
    void groups.value
    return board.leaders().map((g) => g.name)
  })

  // ---- the lesson ----------------------------------------------------------------------------------
  /** Fresh tools for a lesson that is not the one these belong to. */
  function begin(id: string): void {
    if (id === lessonId.value) return
    lessonId.value = id
    if (frame !== null) clock.cancel(frame)
    frame = null
    countdown = markRaw(new Countdown(DEFAULT_COUNTDOWN_MS))
    stopwatch = markRaw(new Stopwatch())
    mode.value = 'countdown'
    countdownRunning.value = false
    stopwatchRunning.value = false
    timeUp.value = false
    laps.value = []
    // A new lesson may be another class's: numbered groups until the board hands over its 分组.
    rosterGroups = null
    board = markRaw(new Scoreboard(defaultGroupNames(DEFAULT_GROUPS)))
    showGroups(false)
    tick()
  }

  /** The lesson ended: its timers stop where they are (nothing beeps after 下课); scores stay on view. */
  function stop(): void {
    const now = clock.now()
    countdown.pause(now)
    stopwatch.pause(now)
    countdownRunning.value = false
    stopwatchRunning.value = false
    timeUp.value = false
    if (frame !== null) clock.cancel(frame)
    frame = null
  }

  watch(
    () => lessons.status?.sessionId ?? null,
    (id) => {
      if (id) begin(id)
    },
    { immediate: true }
  )
  watch(
    () => lessons.summary,
    (s) => {
      if (s) stop()
    }
  )

  /** For tests: the clock and frames the timers use from now on. */
  function setClock(c: ToolsClock): void {
    clock = c
  }

  function reset(): void {
    stop()
    clock = browserClock
    lessonId.value = null
    rosterGroups = null
    countdown = markRaw(new Countdown(DEFAULT_COUNTDOWN_MS))
    stopwatch = markRaw(new Stopwatch())
    board = markRaw(new Scoreboard(defaultGroupNames(DEFAULT_GROUPS)))
    mode.value = 'countdown'
    laps.value = []
    showGroups(false)
    tick()
  }

  return {
    lessonId,
    mode,
    shown,
    running,
    countdownText,
    stopwatchText,
    countdownRunning,
    stopwatchRunning,
    countdownBadge,
    timeUp,
    laps,
    startPause,
    resetTimer,
    setMinutes,
    plusMinute,
    lap,
    switchMode,
    dismissTimeUp,
    tick,
    groups,
    leaders,
    setGroups,
    useRosterGroups,
    setGroupCount,
    renameGroup,
    addPoints,
    undoScore,
    resetScores,
    begin,
    stop,
    setClock,
    reset
  }
})

export type LessonToolsStore = ReturnType<typeof useLessonToolsStore>
