// @vitest-environment jsdom
/**
 * One lesson, one class session: 下课 closes the lesson's class, and the next lesson (another
 * class) never shows the last one's PIN, roster or question.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { useClassroomStore } from './classroom'
import { useLessonsStore } from './lessons'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { closedStatus, openStatus, runs, tally, type StatusAnswer } from '../test-utils/classroom'
import { lessonStatus, lessonSummary, manualEnv } from '../test-utils/lessons'
import { useBoardClassroom } from '../features/presenter/composables/use-board-classroom'

let fake: FakeTransport
/** The class as the classroom service has it. */
let server: StatusAnswer
let pins: string[]
let lessonNo: number

beforeEach(() => {
  setActivePinia(createPinia())
  server = closedStatus()
  pins = ['111111', '222222', '333333']
  lessonNo = 0
  fake = new FakeTransport({
    'classroom:status': () => server,
    'classroom:interfaces': () => [],
    'classroom:runs': () => runs(1),
    'classroom:open': (input) => {
      if (server.open) throw new Error('课堂已经开启，请先下课再重新开课')
      server = openStatus({
        classSessionId: `cs-${pins.length}`,
        title: input.title,
        pin: pins.shift()!,
        lessonSessionId: input.lessonSessionId ?? null,
        students: (input.roster ?? []).map((r) => ({ id: r.id, name: r.name, online: false })),
        currentRunId: null
      })
      return server
    },
    'classroom:close': () => (server = closedStatus()),
    'classroom:launch': (input) => tally({ runId: 'rA', kind: input.spec.kind }),
    'lessons:start': () => lessonStatus(`L${++lessonNo}`, 0),
    'lessons:heartbeat': () => lessonStatus(`L${lessonNo}`, 5000),
    'lessons:end': ({ sessionId }) => lessonSummary(sessionId)
  })
  setTransport(fake)
  useLessonsStore().setRecorderEnv(manualEnv())
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

async function startLesson(classId: string, className: string): Promise<string> {
  const lessons = useLessonsStore()
  lessons.newRecorder()
  await lessons.start({ classId, className, deckId: 'd1', deckTitle: '勾股定理' })
  return lessons.status!.sessionId
}

function board() {
  const scope = effectScope()
  const lessons = useLessonsStore()
  const live = scope.run(() => useBoardClassroom(useClassroomStore(), {}, () => lessons.status?.sessionId ?? null))!
  return { live, stop: () => scope.stop() }
}

describe('one lesson, one class session', () => {
  it('下课 closes the lesson’s class; the next lesson opens its own: a new PIN, its roster, no questions', async () => {
    const classroom = useClassroomStore()
    await classroom.hydrate()

    const a = await startLesson('x', '八年级3班')
    const boardA = board()
    await boardA.live.open('八年级3班', [{ id: 'n1', name: '赵六' }], undefined)
    await classroom.launch({ kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'] })
    expect(boardA.live.status.value).toMatchObject({ open: true, pin: '111111', lessonSessionId: a })
    expect(boardA.live.tally.value?.runId).toBe('rA')
    await useLessonsStore().end()
    boardA.stop()
    expect(fake.callsTo('classroom:close')).toHaveLength(1)
    expect(classroom.status?.open).toBe(false)
    expect(classroom.tally).toBeNull()

    await startLesson('y', '八年级4班')
    const boardB = board()
    expect(boardB.live.status.value?.open).toBe(false)
    await boardB.live.open('八年级4班', [{ id: 'n1', name: '孙八' }], undefined)
    expect(boardB.live.status.value).toMatchObject({ open: true, pin: '222222', title: '八年级4班' })
    expect(boardB.live.status.value?.students.map((s) => s.name)).toEqual(['孙八'])
    expect(boardB.live.tally.value).toBeNull()
    expect(fake.callsTo('classroom:open').map((c) => c.lessonSessionId)).toEqual([a, 'L2'])
  })

  it('shows a class another lesson left open as closed, and opening class replaces it', async () => {
    // Lesson A's board went away without 下课 (a crash, a closed window): its class is still open.
    server = openStatus({ lessonSessionId: 'L-old', pin: '999999', currentRunId: 'r-old' })
    fake.handle('classroom:results', ({ runId }) => ({
      ...tally({ runId }),
      spec: { kind: 'single', prompt: '', options: ['A', 'B'] },
      lessonSessionId: 'L-old',
      classSessionId: 'c1',
      closedAt: null,
      rows: []
    }))
    const classroom = useClassroomStore()
    await classroom.hydrate()
    await startLesson('y', '八年级4班')
    const b = board()
    expect(b.live.status.value).toMatchObject({ open: false, pin: null, students: [] })
    expect(b.live.tally.value).toBeNull()
    expect(b.live.remote.value).toBeNull()

    await b.live.open('八年级4班', undefined, undefined)
    await flushPromises()
    expect(fake.callsTo('classroom:close')).toHaveLength(1)
    expect(b.live.status.value).toMatchObject({ open: true, pin: '111111', lessonSessionId: 'L1' })
  })

  it('leaves a class of another lesson open at 下课, and keeps its own class when opened twice', async () => {
    const classroom = useClassroomStore()
    await classroom.hydrate()
    await startLesson('x', '八年级3班')
    const b = board()
    await b.live.open('八年级3班', undefined, undefined)
    await b.live.open('八年级3班', undefined, undefined)
    expect(fake.callsTo('classroom:open')).toHaveLength(1)
    // Someone replaced the class from the 课堂互动 page: it is not this lesson's to close.
    server = openStatus({ lessonSessionId: null, pin: '777777' })
    fake.emit('classroom:status-changed', server)
    await useLessonsStore().end()
    expect(fake.callsTo('classroom:close')).toHaveLength(0)
  })
})

describe('a class opened on the 课堂互动 page just before the lesson', () => {
  it('is the lesson’s class when it carries the lesson’s class name (and closes at 下课); another name is not', async () => {
    server = openStatus({ lessonSessionId: null, title: '八年级3班', pin: '555555' })
    fake.handle('lessons:end', ({ sessionId }) => lessonSummary(sessionId, { className: '八年级3班' }))
    const classroom = useClassroomStore()
    await classroom.hydrate()
    await startLesson('x', '八年级3班')
    const lessons = useLessonsStore()
    const scope = effectScope()
    const same = scope.run(() =>
      useBoardClassroom(
        classroom,
        {},
        () => lessons.status?.sessionId ?? null,
        () => '八年级3班'
      )
    )!
    const other = scope.run(() =>
      useBoardClassroom(
        classroom,
        {},
        () => lessons.status?.sessionId ?? null,
        () => '八年级4班'
      )
    )!
    expect(same.status.value).toMatchObject({ open: true, pin: '555555' })
    expect(other.status.value).toMatchObject({ open: false, pin: null })
    await same.open('八年级3班', undefined, undefined)
    expect(fake.callsTo('classroom:open')).toHaveLength(0)
    await lessons.end()
    expect(fake.callsTo('classroom:close')).toHaveLength(1)
    scope.stop()
  })
})
