// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { useClassroomStore } from './classroom'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { closedStatus, openStatus, runs, tally } from '../test-utils/classroom'
import { AppError } from '../../src-shared/errors'

let fake: FakeTransport
/** Runs the service has for the class in question (what classroom:runs lists). */
let runCount: number

beforeEach(() => {
  setActivePinia(createPinia())
  runCount = 0
  fake = new FakeTransport({
    'classroom:status': () => closedStatus(),
    'classroom:interfaces': () => [{ name: 'wlan0', address: '192.168.1.5', internal: false }],
    'classroom:runs': () => runs(runCount),
    'classroom:open': (input) => openStatus({ title: input.title }),
    'classroom:close': () => closedStatus(),
    'classroom:launch': (input) => tally({ runId: 'r9', kind: input.spec.kind, launchedAt: '2026-11-25T09:00:00.000Z' })
  })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('classroom store', () => {
  it('hydrates the class, the networks and the last class’s question count', async () => {
    runCount = 2
    const store = useClassroomStore()
    await store.hydrate()
    expect(store.status?.open).toBe(false)
    expect(store.interfaces.map((i) => i.address)).toEqual(['192.168.1.5'])
    expect(store.lastClassRuns).toBe(2)
    expect(fake.listenerCount('classroom:status-changed')).toBe(1)
  })

  it('shows the tally of a question already running when a page opens during it', async () => {
    fake.handle('classroom:status', () => openStatus({ currentRunId: 'r7' }))
    fake.handle('classroom:results', ({ runId }) => ({
      ...tally({ runId, answered: 1 }),
      spec: { kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'], correct: 2 },
      lessonSessionId: null,
      classSessionId: 'c1',
      closedAt: null,
      rows: []
    }))
    const store = useClassroomStore()
    await store.hydrate()
    expect(store.tally).toMatchObject({ runId: 'r7', answered: 1 })
    expect(store.spec).toMatchObject({ correct: 2 })
  })

  it('subscribes once however many pages hydrate it', async () => {
    const store = useClassroomStore()
    await Promise.all([store.hydrate(), store.hydrate(), store.hydrate()])
    expect(fake.listenerCount('classroom:tally')).toBe(1)
    expect(fake.listenerCount('classroom:remote')).toBe(1)
  })

  it('shows a class closed elsewhere as closed, drops its tally and counts the questions it asked', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    await store.open('三年级一班')
    fake.emit('classroom:tally', tally({ runId: 'r1', answered: 1 }))
    fake.emit('classroom:tally', tally({ runId: 'r2', launchedAt: '2026-11-25T08:05:00.000Z' }))
    expect(store.tally?.runId).toBe('r2')

    // The board (or the phone, or another window) closes the class: only the event says so.
    runCount = 3
    fake.emit('classroom:status-changed', closedStatus())
    await flushPromises()
    expect(store.status?.open).toBe(false)
    expect(store.tally).toBeNull()
    expect(store.results).toBeNull()
    expect(store.lastClassRuns).toBe(3)
  })

  it('counts the class it closed itself once, however the event and the answer interleave', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    await store.open('三年级一班')
    runCount = 1
    await store.close()
    fake.emit('classroom:status-changed', closedStatus())
    await flushPromises()
    expect(store.lastClassRuns).toBe(1)
    expect(fake.callsTo('classroom:runs')).toHaveLength(2) // hydrate, then close
  })

  it('shows the newest run’s tally, never a late one of an older run, and announces each run once', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    const seen: string[] = []
    store.onRun((runId, kind) => seen.push(`${runId}:${kind}`))
    fake.emit('classroom:tally', tally({ runId: 'r1' }))
    fake.emit('classroom:tally', tally({ runId: 'r1', answered: 1 }))
    fake.emit('classroom:tally', tally({ runId: 'r2', kind: 'truefalse', launchedAt: '2026-11-25T08:05:00.000Z' }))
    fake.emit('classroom:tally', tally({ runId: 'r1', answered: 2 })) // late, from the run before
    expect(store.tally?.runId).toBe('r2')
    expect(seen).toEqual(['r1:single', 'r2:truefalse'])
  })

  it('launches a checked question, keeps its key for the reveal, and learns the key of a run revealed elsewhere', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    await store.launch({ kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'], correct: 1 })
    expect(fake.callsTo('classroom:launch')[0]!.spec).toMatchObject({ kind: 'single', correct: 1 })
    expect(store.spec).toMatchObject({ kind: 'single', correct: 1 })

    fake.handle('classroom:results', ({ runId }) => ({
      ...tally({ runId, revealed: true, state: 'closed', launchedAt: '2026-11-25T10:00:00.000Z' }),
      spec: { kind: 'truefalse', prompt: '', correct: false },
      lessonSessionId: null,
      classSessionId: 'c1',
      closedAt: '2026-11-25T10:01:00.000Z',
      rows: []
    }))
    fake.emit(
      'classroom:tally',
      tally({ runId: 'phone', kind: 'truefalse', revealed: true, launchedAt: '2026-11-25T10:00:00.000Z' })
    )
    await flushPromises()
    expect(store.spec).toMatchObject({ kind: 'truefalse', correct: false })
  })

  it('refuses a question with a key that is not one of its options, before anything is sent', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    expect(await store.launch({ kind: 'single', prompt: '', options: ['A', 'B'], correct: 3 })).toBeNull()
    expect(fake.callsTo('classroom:launch')).toHaveLength(0)
    expect(store.error).toBeInstanceOf(AppError)
  })

  it('surfaces the service’s refusal in both languages and stays closed', async () => {
    fake.handle('classroom:open', () => {
      throw new AppError(
        'UNAVAILABLE',
        '端口 8848 已被占用，请在设置中换一个端口。',
        'Port 8848 is in use; choose another.'
      )
    })
    const store = useClassroomStore()
    await store.hydrate()
    expect(await store.open('三年级一班')).toBeNull()
    expect(store.error?.toData()).toEqual({
      code: 'UNAVAILABLE',
      message: '端口 8848 已被占用，请在设置中换一个端口。',
      messageEn: 'Port 8848 is in use; choose another.'
    })
    expect(store.status?.open).toBe(false)
    expect(store.busy).toBe(false)
  })

  it('gets the contract’s own VALIDATION error for input the service would refuse', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    expect(await store.photo('')).toBeNull()
    expect(store.error?.code).toBe('VALIDATION')
    expect(store.error?.message).toContain('photoId')
    expect(store.error?.messageEn).toContain('Invalid input')
  })

  it('hands the phone remote’s commands to the board, and forgets the pairing code once the phone has paired', async () => {
    fake.handle('classroom:remote-token', () => ({
      url: 'http://192.168.1.5:8848/remote.html#t=abc',
      qrSvg: '<svg/>',
      qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
      expiresAt: '2026-11-25T08:05:00.000Z'
    }))
    const store = useClassroomStore()
    await store.hydrate()
    await store.open('三年级一班')
    await store.pairRemote()
    expect(store.remote?.url).toContain('remote.html')
    const got: string[] = []
    const off = store.onRemote((e) => got.push(e.action))
    fake.emit('classroom:remote', { action: 'next-slide', at: '2026-11-25T08:01:00.000Z' })
    off()
    fake.emit('classroom:remote', { action: 'prev-slide', at: '2026-11-25T08:02:00.000Z' })
    expect(got).toEqual(['next-slide'])

    fake.emit('classroom:status-changed', openStatus({ remoteConnected: true }))
    expect(store.remote).toBeNull()
  })

  it('shows the answered status of a second device at once, and throws a refusal for the page to show', async () => {
    const request = {
      requestId: 'q1',
      studentId: 's1',
      name: '李雷',
      currentOnline: false,
      at: '2026-11-25T08:01:00.000Z'
    }
    fake.handle('classroom:decide-device', ({ requestId }) => {
      if (requestId !== 'q1')
        throw new AppError('NOT_FOUND', '这个请求已经处理过了', 'That request was already answered')
      return openStatus()
    })
    const store = useClassroomStore()
    await store.hydrate()
    fake.emit('classroom:status-changed', openStatus({ deviceRequests: [request] }))
    expect(store.status?.deviceRequests).toHaveLength(1)
    await store.decideDevice('q1', true)
    expect(fake.callsTo('classroom:decide-device')).toEqual([{ requestId: 'q1', approve: true }])
    expect(store.status?.deviceRequests).toEqual([])
    await expect(store.decideDevice('q2', false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageEn: 'That request was already answered'
    })
  })

  it('takes the pairing code off the screen when it expires, and lets the teacher hide it sooner', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-25T08:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      fake.handle('classroom:remote-token', () => ({
        url: 'http://192.168.1.5:8848/remote.html#t=abc',
        qrSvg: '<svg/>',
        qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
        expiresAt: '2026-11-25T08:02:00.000Z'
      }))
      const store = useClassroomStore()
      await store.hydrate()
      await store.pairRemote()
      vi.advanceTimersByTime(119_000)
      expect(store.remote).not.toBeNull()
      vi.advanceTimersByTime(1_000)
      expect(store.remote).toBeNull()
      await store.pairRemote()
      store.hideRemote()
      expect(store.remote).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('resets to nothing and stops listening', async () => {
    const store = useClassroomStore()
    await store.hydrate()
    await store.open('三年级一班')
    fake.emit('classroom:tally', tally())
    store.reset()
    expect(store.status).toBeNull()
    expect(store.tally).toBeNull()
    expect(store.lastClassRuns).toBe(0)
    expect(fake.listenerCount('classroom:status-changed')).toBe(0)
    expect(fake.listenerCount('classroom:tally')).toBe(0)
    fake.emit('classroom:tally', tally({ runId: 'r5' }))
    expect(store.tally).toBeNull()
  })
})
