// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { useSyncStore } from './sync'
import { setTransport } from '../transport'
import type { FakeTransport } from '../transport/fake-transport'
import { AppError } from '../../src-shared/errors'
import { LI, WANG, platformError, row, syncService } from '../features/sync/sync-fixtures'

let svc: ReturnType<typeof syncService>
let fake: FakeTransport
function serve(...args: Parameters<typeof syncService>): void {
  svc = syncService(...args)
  fake = svc.fake
  setTransport(fake)
}

beforeEach(() => {
  setActivePinia(createPinia())
  serve([row(1), row(2, { state: 'failed', lastError: platformError, attempts: 1 })])
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('sync store', () => {
  it('hydrates status, rows, teachers and the teacher’s classes, subscribing once', async () => {
    const store = useSyncStore()
    await Promise.all([store.hydrate(), store.hydrate()])
    expect(store.status?.phase).toBe('failed')
    expect(store.items.map((i) => i.id)).toEqual([1, 2])
    expect(store.teachers?.current).toEqual(WANG)
    expect(store.classes?.classes.map((c) => c.name)).toEqual(['三年级(1)班'])
    expect(fake.listenerCount('sync:status-changed')).toBe(1)
    expect(fake.listenerCount('sync:progress')).toBe(1)
  })

  it('follows the service: a status event brings the new headline and, shortly after, the rows', async () => {
    const store = useSyncStore()
    await store.hydrate()
    await store.retry(2)
    expect(store.items.find((i) => i.id === 2)?.state).toBe('pending')
    fake.emit('sync:status-changed', { ...svc.status(), phase: 'idle' })
    expect(store.status?.phase).toBe('idle')
    const before = fake.callsTo('sync:items').length
    await new Promise((r) => setTimeout(r, 300))
    await flushPromises()
    expect(fake.callsTo('sync:items').length).toBe(before + 1)
  })

  it('patches upload progress into its row without reloading', async () => {
    serve([row(7, { kind: 'resource-upload', state: 'sending', className: null })])
    const store = useSyncStore()
    await store.hydrate()
    const reloads = fake.callsTo('sync:items').length
    fake.emit('sync:progress', { id: 7, kind: 'resource-upload', entityId: 's7', done: 40, total: 100 })
    expect(store.items[0]!.progress).toEqual({ done: 40, total: 100 })
    expect(store.overall()).toEqual({ done: 0.4, total: 1 })
    expect(fake.callsTo('sync:items').length).toBe(reloads)
  })

  it('deletes a failed row through sync:remove and shows the rows after it', async () => {
    const store = useSyncStore()
    await store.hydrate()
    expect(await store.remove(2)).toBe(true)
    expect(fake.callsTo('sync:remove')).toEqual([{ id: 2 }])
    expect(store.items.map((i) => i.id)).toEqual([1])
  })

  it('reloads teachers and classes when another teacher signs in', async () => {
    const store = useSyncStore()
    await store.hydrate()
    const asked = fake.callsTo('sync:teachers').length
    fake.emit('sync:status-changed', {
      ...svc.status(),
      teacher: { ...LI, schoolId: 'sch', schoolName: '文渊小学', subjects: ['语文'] }
    })
    await flushPromises()
    expect(fake.callsTo('sync:teachers').length).toBe(asked + 1)
    expect(fake.callsTo('sync:classes').at(-1)).toEqual({ refresh: false })
  })

  it('refreshes the classes from the platform on request', async () => {
    const store = useSyncStore()
    await store.hydrate()
    await store.loadClasses(true)
    expect(fake.callsTo('sync:classes').at(-1)).toEqual({ refresh: true })
    expect(store.classes?.fromCache).toBe(false)
  })

  it('keeps a refusal as its error, in both languages', async () => {
    fake.handle('sync:remove', () => {
      throw new AppError('CONFLICT', '只能删除上传失败的记录。', 'Only a failed item can be deleted.')
    })
    const store = useSyncStore()
    await store.hydrate()
    expect(await store.remove(1)).toBe(false)
    expect(store.error).toMatchObject({
      message: '只能删除上传失败的记录。',
      messageEn: 'Only a failed item can be deleted.'
    })
    expect(store.items.map((i) => i.id)).toEqual([1, 2])
  })

  it('forgets everything and stops listening on reset', async () => {
    const store = useSyncStore()
    await store.hydrate()
    store.reset()
    expect(store.status).toBeNull()
    expect(store.items).toEqual([])
    expect(fake.listenerCount('sync:status-changed')).toBe(0)
    expect(fake.listenerCount('sync:progress')).toBe(0)
  })
})
