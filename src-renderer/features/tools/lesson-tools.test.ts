// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { setTransport } from '../../transport'
import { FakeTransport } from '../../transport/fake-transport'
import { manualEnv, serveLessons } from '../../test-utils/lessons'
import { useLessonsStore } from '../../stores/lessons'
import { useLessonToolsStore, type ToolsClock } from './lesson-tools'
import TimerPanel from './components/TimerPanel.vue'
import ScoreboardPanel from './components/ScoreboardPanel.vue'

const START = { classId: 'c1', className: '八年级3班', deckId: 'd1', deckTitle: '勾股定理' }

/** A clock the test moves and the frames it runs by hand. */
function manualClock(): ToolsClock & { at(ms: number): void; runFrame(): void; pending(): boolean } {
  let now = 0
  let next: (() => void) | null = null
  return {
    now: () => now,
    frame: (cb) => ((next = cb), 1),
    cancel: () => (next = null),
    at: (ms) => void (now = ms),
    runFrame: () => {
      const cb = next
      next = null
      cb?.()
    },
    pending: () => next !== null
  }
}

let fake: FakeTransport
let clock: ReturnType<typeof manualClock>
let sessions: string[]

beforeEach(() => {
  setActivePinia(createPinia())
  fake = new FakeTransport()
  setTransport(fake)
  serveLessons(fake)
  // Each lessons:start is a new session: L1, L2, …
  sessions = []
  fake.handle('lessons:start', () => {
    const id = `L${sessions.length + 1}`
    sessions.push(id)
    return {
      sessionId: id,
      open: true,
      startedAt: new Date().toISOString(),
      endedAt: null,
      elapsedMs: 0,
      activeMs: 0,
      effectiveMinutes: 15,
      effective: false,
      remainingMs: 15 * 60_000,
      paused: null,
      idleMinutes: 5
    }
  })
  vi.stubGlobal('AudioContext', undefined)
  clock = manualClock()
  useLessonsStore().setRecorderEnv(manualEnv())
  useLessonToolsStore().setClock(clock)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
  vi.unstubAllGlobals()
})

async function startLesson(): Promise<void> {
  const lessons = useLessonsStore()
  lessons.newRecorder()
  await lessons.start(START)
  await flushPromises()
}

describe('lesson tools', () => {
  it('keeps a countdown running while its panel is closed, and shows it reopened where it got to', async () => {
    await startLesson()
    const tools = useLessonToolsStore()
    const panel = mount(TimerPanel, { global: { plugins: [i18n] } })
    await panel.get('[data-testid=timer-preset-3]').trigger('click')
    await panel.get('[data-testid=timer-start]').trigger('click')
    panel.unmount()

    clock.at(70_000)
    clock.runFrame()
    expect(tools.countdownRunning).toBe(true)
    expect(tools.countdownBadge).toBe(true)
    expect(tools.countdownText).toBe('1:50')

    const again = mount(TimerPanel, { global: { plugins: [i18n] } })
    expect(again.get('[data-testid=timer-display]').text()).toBe('1:50')
    expect(again.get('[data-testid=timer-start]').text()).toBe('暂停')
  })

  it('ends the countdown with 时间到 even when no panel is open, and stops ticking', async () => {
    await startLesson()
    const tools = useLessonToolsStore()
    tools.setMinutes(1)
    tools.startPause()
    clock.at(60_000)
    clock.runFrame()
    expect(tools.timeUp).toBe(true)
    expect(tools.countdownRunning).toBe(false)
    expect(clock.pending()).toBe(false)
    const panel = mount(TimerPanel, { global: { plugins: [i18n] } })
    expect(panel.get('[data-testid=timer-display]').text()).toBe('时间到！')
  })

  it('keeps 小组PK scores when the panel closes and sends them to the lesson record', async () => {
    await startLesson()
    const panel = mount(ScoreboardPanel, { global: { plugins: [i18n] } })
    await panel.get('[data-testid=group-g1-plus]').trigger('click')
    await panel.get('[data-testid=group-g1-plus]').trigger('click')
    await panel.get('[data-testid=group-g3-plus]').trigger('click')
    panel.unmount()
    const again = mount(ScoreboardPanel, { global: { plugins: [i18n] } })
    expect(again.get('[data-testid=group-g1] .score').text()).toBe('2')
    expect(again.get('[data-testid=group-g3] .score').text()).toBe('1')

    // The first change went at once; the rest go with 下课, so the record ends with the final scores.
    await useLessonsStore().end()
    const sent = fake.callsTo('lessons:record-tool').filter((c) => c.scores)
    expect(sent[0]!.scores![0]).toEqual({ name: '第一组', score: 1 })
    expect(sent.at(-1)).toEqual({
      sessionId: 'L1',
      tool: 'scoreboard',
      scores: [
        { name: '第一组', score: 2 },
        { name: '第二组', score: 0 },
        { name: '第三组', score: 1 },
        { name: '第四组', score: 0 }
      ]
    })
  })

  it('starts the next lesson with fresh tools: a new countdown and no scores', async () => {
    await startLesson()
    const tools = useLessonToolsStore()
    tools.setMinutes(3)
    tools.startPause()
    tools.addPoints('g2', 5)
    await useLessonsStore().end()
    expect(tools.countdownRunning).toBe(false)
    expect(tools.groups.find((g) => g.id === 'g2')!.score).toBe(5) // still on view after 下课

    await startLesson()
    expect(tools.lessonId).toBe('L2')
    expect(tools.countdownText).toBe('5:00')
    expect(tools.countdownBadge).toBe(false)
    expect(tools.groups.every((g) => g.score === 0)).toBe(true)
  })

  it('has 2 to 8 groups, named from the class roster where it has groups, renamed keeping their points', async () => {
    await startLesson()
    const tools = useLessonToolsStore()
    tools.useRosterGroups(['红队', '蓝队', '绿队'])
    expect(tools.groups.map((g) => g.name)).toEqual(['红队', '蓝队', '绿队'])
    tools.addPoints('g2', 3)
    expect(tools.renameGroup('g2', '  海豚队 ')).toBe(true)
    expect(tools.renameGroup('g1', '海豚队')).toBe(false)
    expect(tools.groups.map((g) => [g.name, g.score])).toEqual([
      ['红队', 0],
      ['海豚队', 3],
      ['绿队', 0]
    ])
    tools.setGroupCount(20)
    expect(tools.groups).toHaveLength(8)
    expect(tools.groups[1]!.score).toBe(3)
    tools.setGroupCount(1)
    expect(tools.groups.map((g) => g.name)).toEqual(['红队', '海豚队'])
    // A roster with one group (or none) leaves the groups as the teacher set them.
    tools.resetScores()
    tools.useRosterGroups(['全班'])
    expect(tools.groups.map((g) => g.name)).toEqual(['红队', '海豚队'])
  })

  it('starts the next lesson with numbered groups, not the last class’s 分组', async () => {
    await startLesson()
    const tools = useLessonToolsStore()
    tools.useRosterGroups(['红队', '蓝队'])
    await startLesson()
    expect(tools.groups.map((g) => g.name)).toEqual(['第一组', '第二组', '第三组', '第四组'])
  })
})
