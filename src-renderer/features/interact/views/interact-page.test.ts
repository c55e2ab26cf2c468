// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import InteractPage from './InteractPage.vue'
import { setTransport, type Transport } from '../../../transport'
import { i18n } from '../../../i18n'
import type { ClassroomStatus } from '../../../../src-shared/contract/classroom'
import type { RunTally } from '../../../../src-shared/classroom/results'

const openStatus: ClassroomStatus = {
  open: true,
  classSessionId: 'c1',
  title: '三年级一班',
  lessonSessionId: null,
  url: 'http://192.168.1.5:8848/',
  pin: '482913',
  qrSvg: '<svg/>',
  qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
  host: '192.168.1.5',
  port: 8848,
  pagesBuilt: true,
  students: [
    { id: 's1', name: '李雷', online: true },
    { id: 's2', name: '<b>韩梅梅</b>', online: false }
  ],
  currentRunId: null,
  remoteConnected: false
}

/** Answers the console's calls like the classroom service would, and lets the test push events. */
function consoleTransport() {
  const calls: { channel: string; input: unknown }[] = []
  const listeners = new Map<string, (p: unknown) => void>()
  const t = {
    state: 'open' as const,
    async invoke(channel: string, input: unknown) {
      calls.push({ channel, input })
      if (channel === 'classroom:status') return { ...openStatus, open: false }
      if (channel === 'classroom:interfaces') return [{ name: 'wlan0', address: '192.168.1.5', internal: false }]
      if (channel === 'classroom:open') return openStatus
      if (channel === 'classroom:launch') return tally({ answered: 0 })
      throw new Error(`unexpected ${channel}`)
    },
    on(channel: string, l: (p: unknown) => void) {
      listeners.set(channel, l)
      return () => listeners.delete(channel)
    },
    onConnectionChange: () => () => {}
  }
  return { t: t as unknown as Transport, calls, emit: (c: string, p: unknown) => listeners.get(c)?.(p) }
}

function tally(over: Partial<RunTally>): RunTally {
  return {
    runId: 'r1',
    kind: 'single',
    prompt: '',
    labels: ['A. A', 'B. B', 'C. C', 'D. D'],
    state: 'open',
    closeReason: null,
    revealed: false,
    launchedAt: '2026-11-25T08:00:00.000Z',
    deadline: null,
    total: 2,
    answered: 1,
    students: [
      { id: 's1', name: '李雷', answered: true, online: true },
      { id: 's2', name: '<b>韩梅梅</b>', answered: false, online: false }
    ],
    counts: [0, 1, 0, 0],
    marked: 0,
    correct: 0,
    words: [],
    buzz: [],
    photos: [],
    ...over
  }
}

describe('InteractPage', () => {
  it('opens class on the chosen network, shows URL and PIN, launches A/B/C/D with its key and shows the live tally with names', async () => {
    const { t, calls, emit } = consoleTransport()
    setTransport(t)
    const w = mount(InteractPage, { global: { plugins: [i18n], stubs: { TallyChart: true } } })
    await flushPromises()
    await w.get('[data-testid="class-title"]').setValue('三年级一班')
    await w.get('[data-testid="class-host"]').setValue('192.168.1.5')
    await w.get('[data-testid="class-open"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.channel === 'classroom:open')?.input).toEqual({
      title: '三年级一班',
      host: '192.168.1.5'
    })
    expect(w.get('[data-testid="class-pin"]').text()).toBe('482913')
    expect(w.get('[data-testid="class-url"]').text()).toBe('http://192.168.1.5:8848/')

    await w.get('[data-testid="q-key"]').setValue('b')
    await w.get('[data-testid="launch-single"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.channel === 'classroom:launch')?.input).toEqual({
      spec: { kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'], correct: 1 }
    })
    emit('classroom:tally', tally({ answered: 1 }))
    await flushPromises()
    expect(w.get('[data-testid="tally-count"]').text()).toBe('1 / 2')
    const html = w.get('[data-testid="tally"]').html()
    expect(html).toContain('&lt;b&gt;韩梅梅&lt;/b&gt;') // a hostile name is shown as text, never as markup
    expect(w.find('[data-testid="tally"] b b').exists()).toBe(false)
    setTransport(null)
  })
})
