// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useRostersStore } from './rosters'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { roster, serveRosters } from '../test-utils/rosters'
import { STORAGE_KEY } from '../features/teach/local-rosters'

const ROSTER = ['张三', '李四', '王五']

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  fake = new FakeTransport()
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('rosters store', () => {
  it('hydrates the classes the service keeps, and subscribes once', async () => {
    serveRosters(fake, { have: [roster('local-1', '七年级1班', ROSTER)] })
    const store = useRostersStore()
    await Promise.all([store.hydrate(localStorage), store.hydrate(localStorage)])
    expect(store.classes.map((c) => c.name)).toEqual(['七年级1班'])
    expect(store.loaded).toBe(true)
    expect(fake.listenerCount('rosters:changed')).toBe(1)
  })

  it('moves classes an older version left in localStorage into the service, keeping the one it refuses', async () => {
    serveRosters(fake)
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify([
        { id: 'r1', name: '新名单', students: ['赵六'] },
        { id: 'r2', name: '一'.repeat(41), students: ['钱七'] }
      ])
    )
    const store = useRostersStore()
    await store.hydrate(localStorage)
    expect(store.classes.map((c) => c.id)).toEqual(['r1', 'r2'])
    expect(store.kept.map((k) => k.cls.id)).toEqual(['r2'])
    expect(store.kept[0]!.error.message).toContain('超过 40 个字')
    expect(store.kept[0]!.error.messageEn).toContain('longer than 40 characters')
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).map((c: { id: string }) => c.id)).toEqual(['r2'])

    // Corrected with “edit class”, it is saved and leaves localStorage.
    expect(await store.save({ id: 'r2', name: '八年级2班', students: ['钱七'] })).toBeNull()
    expect(store.kept).toEqual([])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('follows classes saved or removed in another window', async () => {
    serveRosters(fake, { have: [roster('local-1', '七年级1班', ROSTER)] })
    const store = useRostersStore()
    await store.hydrate(localStorage)
    fake.emit('rosters:changed', { kind: 'saved', roster: roster('local-2', '七年级2班', ['赵六']) })
    fake.emit('rosters:changed', { kind: 'saved', roster: roster('local-1', '七年级1班', ['张三'], { locked: true }) })
    expect(store.classes.map((c) => [c.id, c.students.length, c.locked])).toEqual([
      ['local-1', 1, true],
      ['local-2', 1, false]
    ])
    fake.emit('rosters:changed', { kind: 'removed', id: 'local-1' })
    expect(store.classes.map((c) => c.id)).toEqual(['local-2'])
  })

  it('answers a refused save with the service’s reason in both languages, and keeps the list as it was', async () => {
    serveRosters(fake, { have: [roster('local-1', '七年级1班', ROSTER)] })
    const store = useRostersStore()
    await store.hydrate(localStorage)
    const refused = await store.save({ id: 'local-1', name: '  ', students: ROSTER })
    expect(refused?.code).toBe('VALIDATION')
    expect(refused?.message).toContain('班级名称不能为空')
    expect(refused?.messageEn).toContain('The class name is empty')
    expect(store.classes[0]!.name).toBe('七年级1班')
  })

  it('saves a lock from the name picker, and removes a class', async () => {
    const { saved } = serveRosters(fake, { have: [roster('local-1', '七年级1班', ROSTER)] })
    const store = useRostersStore()
    await store.hydrate(localStorage)
    expect(await store.save({ id: 'local-1', name: '七年级1班', students: ROSTER, locked: true })).toBeNull()
    expect(fake.callsTo('rosters:save')[0]).toEqual({
      id: 'local-1',
      name: '七年级1班',
      students: ROSTER,
      locked: true
    })
    expect(saved.get('local-1')?.locked).toBe(true)
    expect(await store.remove('local-1')).toBeNull()
    expect(store.classes).toEqual([])
    expect((await store.remove('local-1'))?.code).toBe('NOT_FOUND')
  })

  it('says why the classes could not be loaded', async () => {
    fake.handle('rosters:list', () => {
      throw new Error('disk I/O error')
    })
    const store = useRostersStore()
    await store.hydrate(localStorage)
    expect(store.error?.code).toBe('INTERNAL')
    expect(store.error?.message).toContain('disk I/O error')
    expect(store.loaded).toBe(false)
  })

  it('resets to nothing and stops listening', async () => {
    serveRosters(fake, { have: [roster('local-1', '七年级1班', ROSTER)] })
    const store = useRostersStore()
    await store.hydrate(localStorage)
    store.reset()
    expect(store.classes).toEqual([])
    expect(fake.listenerCount('rosters:changed')).toBe(0)
  })
})
