// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SyncPage from './SyncPage.vue'
import { setTransport, type Transport } from '../../../transport'
import { i18n } from '../../../i18n'
import type { SyncItem, SyncStatus } from '../../../../src-shared/contract/sync'

const status: SyncStatus = {
  phase: 'syncing',
  platformUrl: 'http://127.0.0.1:8787',
  signedIn: true,
  teacher: { id: 't-1001', name: '王丽华', schoolId: 's', schoolName: '文渊小学', subjects: ['数学'] },
  counts: { pending: 1, sending: 1, sent: 2, failed: 1 },
  waiting: [],
  lastSyncAt: '2026-09-08T02:00:00.000Z',
  lastError: null
}
const failedError = {
  code: 'FORBIDDEN' as const,
  message: '教育平台拒绝了这项操作：您不是三年级(3)班的任课教师。',
  messageEn: 'The platform refused this.'
}
const items: SyncItem[] = [
  {
    id: 7,
    kind: 'resource-upload',
    entityId: '/f.mp4',
    label: '倍的认识 微课',
    className: null,
    madeAt: '2026-09-08T01:00:00.000Z',
    teacher: { id: 't-1001', name: '王丽华' },
    waitingForTeacher: false,
    state: 'sending',
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    createdAt: 'x',
    sentAt: null,
    progress: { done: 25, total: 100 }
  },
  {
    id: 5,
    kind: 'lesson',
    entityId: 's1',
    label: '秒的认识',
    className: '三年级(1)班',
    madeAt: '2026-09-08T00:50:00.000Z',
    teacher: { id: 't-1001', name: '王丽华' },
    waitingForTeacher: false,
    state: 'failed',
    attempts: 1,
    lastError: failedError,
    nextAttemptAt: null,
    createdAt: 'x',
    sentAt: null,
    progress: null
  }
]

/** Answers as the sync service would, and lets the test fire its events. */
function serviceLike() {
  const calls: [string, unknown][] = []
  const listeners = new Map<string, (p: unknown) => void>()
  const transport = {
    state: 'open' as const,
    async invoke(channel: string, input: unknown) {
      calls.push([channel, input])
      if (channel === 'sync:items') return items
      return status
    },
    on(channel: string, l: (p: unknown) => void) {
      listeners.set(channel, l)
      return () => listeners.delete(channel)
    },
    onConnectionChange: () => () => {}
  }
  return { transport: transport as unknown as Transport, calls, fire: (c: string, p: unknown) => listeners.get(c)?.(p) }
}

describe('SyncPage', () => {
  it('shows who is signed in, the counts, upload progress and a failed item with the platform message', async () => {
    const s = serviceLike()
    setTransport(s.transport)
    const w = mount(SyncPage, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(w.get('[data-testid="sync-teacher"]').text()).toContain('王丽华')
    expect(w.get('[data-testid="sync-count-failed"]').text()).toContain('1')
    expect(w.get('[data-testid="sync-item-7"] .bar span').attributes('style')).toContain('width: 25%')
    expect(w.get('[data-testid="sync-item-5"]').text()).toContain('三年级(3)班')

    s.fire('sync:progress', { id: 7, kind: 'resource-upload', entityId: '/f.mp4', done: 80, total: 100 })
    await flushPromises()
    expect(w.get('[data-testid="sync-item-7"] .bar span').attributes('style')).toContain('width: 80%')
  })

  it('retries one failed item, and syncs now, through the contract calls', async () => {
    const s = serviceLike()
    setTransport(s.transport)
    const w = mount(SyncPage, { global: { plugins: [i18n] } })
    await flushPromises()
    await w.get('[data-testid="sync-retry-5"]').trigger('click')
    await w.get('[data-testid="sync-now"]').trigger('click')
    await flushPromises()
    expect(s.calls.filter(([c]) => c === 'sync:retry' || c === 'sync:now')).toEqual([
      ['sync:retry', { id: 5 }],
      ['sync:now', {}]
    ])
  })
})
