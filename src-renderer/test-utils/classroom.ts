/**
 * Answers of the classroom service for renderer tests, shaped by the contract (the fake
 * transport checks them again against its schemas).
 */
import type { FakeAnswer, FakeEventPayload } from '../transport/fake-transport'

export type StatusAnswer = FakeAnswer<'classroom:status'>
export type TallyAnswer = FakeEventPayload<'classroom:tally'>
export type RunsAnswer = FakeAnswer<'classroom:runs'>

export function closedStatus(over: Partial<StatusAnswer> = {}): StatusAnswer {
  return {
    open: false,
    classSessionId: null,
    title: '',
    lessonSessionId: null,
    url: null,
    pin: null,
    qrSvg: null,
    qrDataUrl: null,
    host: null,
    port: null,
    pagesBuilt: true,
    students: [],
    currentRunId: null,
    remoteConnected: false,
    deviceRequests: [],
    ...over
  }
}

export function openStatus(over: Partial<StatusAnswer> = {}): StatusAnswer {
  return closedStatus({
    open: true,
    classSessionId: 'c1',
    title: '三年级一班',
    url: 'http://192.168.1.5:8848/',
    pin: '482913',
    qrSvg: '<svg/>',
    qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
    host: '192.168.1.5',
    port: 8848,
    students: [
      { id: 's1', name: '李雷', online: true },
      { id: 's2', name: '<b>韩梅梅</b>', online: false }
    ],
    ...over
  })
}

export function tally(over: Partial<TallyAnswer> = {}): TallyAnswer {
  return {
    runId: 'r1',
    kind: 'single',
    prompt: '',
    labels: ['A', 'B', 'C', 'D'],
    state: 'open',
    closeReason: null,
    revealed: false,
    launchedAt: '2026-11-25T08:00:00.000Z',
    deadline: null,
    total: 2,
    answered: 0,
    students: [
      { id: 's1', name: '李雷', answered: false, online: true },
      { id: 's2', name: '<b>韩梅梅</b>', answered: false, online: false }
    ],
    counts: [0, 0, 0, 0],
    marked: 0,
    correct: 0,
    words: [],
    buzz: [],
    photos: [],
    ...over
  }
}

/** `n` question runs of one class, as classroom:runs lists them. */
export function runs(n: number): RunsAnswer {
  return Array.from({ length: n }, (_, i) => ({
    runId: `r${i + 1}`,
    kind: 'single',
    prompt: `第 ${i + 1} 题`,
    state: 'closed' as const,
    launchedAt: `2026-11-25T08:0${i}:00.000Z`,
    closedAt: `2026-11-25T08:0${i}:30.000Z`,
    answered: 1
  }))
}
