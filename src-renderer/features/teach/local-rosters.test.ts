// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import type { Roster } from '../../../src-shared/contract/rosters'
import { FakeTransport } from '../../transport/fake-transport'
import { serveRosters } from '../../test-utils/rosters'
import {
  classChanged,
  forgetLegacyClass,
  loadLegacyClasses,
  loadLocalClasses,
  STORAGE_KEY,
  upsertLocalClass
} from './local-rosters'
import ClassChooser from './components/ClassChooser.vue'

const ROSTER = ['张三', '李四', '王五']

/**
 * The rosters service over the contract-checked fake transport, applying the shared roster rules.
 * `failAfter` saves, it behaves like a lost connection.
 */
function fakeRosters(
  opts: { have?: Roster[]; failAfter?: number } = {}
): FakeTransport & { saved: Map<string, Roster> } {
  const fake = new FakeTransport()
  return Object.assign(fake, serveRosters(fake, opts))
}

const channels = (t: FakeTransport): string[] => t.calls.map((c) => c.channel)

const legacy = (classes: unknown): void => localStorage.setItem(STORAGE_KEY, JSON.stringify(classes))

describe('moving classes from localStorage into the rosters service', () => {
  beforeEach(() => localStorage.clear())

  it('saves every class an older version kept in this browser, then removes the key', async () => {
    legacy([
      { id: 'local-1', name: '七年级1班', students: ROSTER },
      { id: 'r1700000000000', name: '新名单', students: ['赵六', ' 钱七 '] }
    ])
    localStorage.setItem('classdeck.teach.lastClass', 'local-1')
    const rpc = fakeRosters()
    const got = await loadLocalClasses(localStorage, rpc)
    expect(got.kept).toEqual([])
    expect(got.classes.map((c) => [c.id, c.students])).toEqual([
      ['local-1', ROSTER],
      ['r1700000000000', ['赵六', '钱七']]
    ])
    expect([...rpc.saved.keys()]).toEqual(['local-1', 'r1700000000000'])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    expect(localStorage.getItem('classdeck.teach.lastClass')).toBe('local-1')
    // The next start finds nothing to move and only lists.
    rpc.calls.length = 0
    expect((await loadLocalClasses(localStorage, rpc)).classes).toHaveLength(2)
    expect(channels(rpc)).toEqual(['rosters:list'])
  })

  it('leaves a class the service already has alone: the database copy is the newer one', async () => {
    const inDb: Roster = {
      id: 'local-1',
      name: '七年级1班',
      students: ['张三', '李四', '王五', '孙八'],
      locked: true,
      groups: [],
      createdAt: 't',
      updatedAt: 't'
    }
    legacy([{ id: 'local-1', name: '七年级1班', students: ['张三'] }])
    const rpc = fakeRosters({ have: [inDb] })
    const got = await loadLocalClasses(localStorage, rpc)
    expect(got.classes).toEqual([inDb])
    expect(channels(rpc)).toEqual(['rosters:list'])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('keeps a class the service refuses in this browser, still offers it, and says why in Chinese and English', async () => {
    const longName = '阿卜杜勒·拉赫曼·穆罕默德·伊本·哈立德·阿里'
    legacy([
      { id: 'local-1', name: '一班', students: ROSTER },
      { id: 'local-2', name: '二班', students: ['张三', longName] },
      { id: 'local-3', name: '三班', students: [] }
    ])
    const rpc = fakeRosters()
    const got = await loadLocalClasses(localStorage, rpc)
    expect([...rpc.saved.keys()]).toEqual(['local-1'])
    expect(got.classes.map((c) => c.id)).toEqual(['local-1', 'local-2', 'local-3'])
    expect(got.kept.map((k) => k.cls.id)).toEqual(['local-2', 'local-3'])
    expect(got.kept[0]!.error.message).toContain('超过 20 个字')
    expect(got.kept[0]!.error.messageEn).toContain('longer than 20 characters')
    expect(got.kept[1]!.error.message).toContain('名单里还没有学生')
    expect(got.kept[1]!.error.messageEn).toContain('no students')
    expect(loadLegacyClasses(localStorage).map((c) => c.id)).toEqual(['local-2', 'local-3'])
    // Corrected and saved from the class editor: that one leaves localStorage, the other stays.
    forgetLegacyClass(localStorage, 'local-2')
    expect(loadLegacyClasses(localStorage).map((c) => c.id)).toEqual(['local-3'])
    forgetLegacyClass(localStorage, 'local-3')
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('loses nothing when the connection drops half way: the rest move on the next start', async () => {
    legacy([
      { id: 'a', name: '一班', students: ROSTER },
      { id: 'b', name: '二班', students: ROSTER },
      { id: 'c', name: '三班', students: ROSTER }
    ])
    const first = fakeRosters({ failAfter: 1 })
    const got = await loadLocalClasses(localStorage, first)
    expect(got.kept.map((k) => [k.cls.id, k.error.code])).toEqual([
      ['b', 'UNAVAILABLE'],
      ['c', 'UNAVAILABLE']
    ])
    expect(loadLegacyClasses(localStorage).map((c) => c.id)).toEqual(['b', 'c'])
    const again = fakeRosters({ have: [...first.saved.values()] })
    expect((await loadLocalClasses(localStorage, again)).classes.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('drops damaged entries instead of trusting them, and clears a key that holds nothing usable', async () => {
    legacy([{ id: 'c1', name: '一班', students: ['甲'] }, { id: '', name: 5 }, 'junk'])
    expect(loadLegacyClasses(localStorage)).toEqual([{ id: 'c1', name: '一班', students: ['甲'] }])
    localStorage.setItem(STORAGE_KEY, '{not json')
    const rpc = fakeRosters()
    expect((await loadLocalClasses(localStorage, rpc)).classes).toEqual([])
    expect(channels(rpc)).toEqual(['rosters:list'])
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('saves a roster from the name picker only when it changed', () => {
    const list = upsertLocalClass(upsertLocalClass([], { id: 'c1', name: '一班', students: ROSTER, locked: false }), {
      id: 'c2',
      name: '二班',
      students: []
    })
    expect(
      upsertLocalClass(list, { id: 'c1', name: '一班', students: ['张三'] }).map((c) => c.students.length)
    ).toEqual([1, 0])
    expect(classChanged(list[0], { id: 'c1', name: '一班', students: [...ROSTER], locked: false })).toBe(false)
    expect(classChanged(list[0], { id: 'c1', name: '一班', students: [...ROSTER], locked: true })).toBe(true)
    expect(classChanged(list[0], { id: 'c1', name: '一班', students: ['张三', '王五', '李四'] })).toBe(true)
    expect(classChanged(undefined, { id: 'c3', name: '三班', students: ROSTER })).toBe(true)
  })
})

describe('the class editor', () => {
  it('stays open with the reason when the class is refused, and closes and selects it once saved', async () => {
    const answers: (string | null)[] = ['第 2 个名字“阿卜杜勒…”超过 20 个字，请缩短。', null]
    const seen: unknown[] = []
    const w = mount(ClassChooser, {
      props: {
        classes: [],
        selected: null,
        platformError: '',
        save: async (c: unknown) => {
          seen.push(c)
          return answers.shift() ?? null
        }
      },
      global: { plugins: [i18n] }
    })
    await w.get('[data-testid=class-new]').trigger('click')
    await w.get('[data-testid=class-name]').setValue(' 七年级1班 ')
    await w.get('[data-testid=class-names]').setValue('张三\n阿卜杜勒·拉赫曼·穆罕默德·伊本·哈立德·阿里')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid=class-save-error]').text()).toContain('超过 20 个字')
    expect((w.get('[data-testid=class-names]').element as HTMLTextAreaElement).value).toContain('阿卜杜勒')
    expect(w.emitted('select')).toBeUndefined()
    await w.get('[data-testid=class-names]').setValue('张三\n阿卜杜勒')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.find('form').exists()).toBe(false)
    expect(seen).toMatchObject([
      { name: '七年级1班', students: ['张三', '阿卜杜勒·拉赫曼·穆罕默德·伊本·哈立德·阿里'] },
      { name: '七年级1班', students: ['张三', '阿卜杜勒'] }
    ])
    expect(w.emitted('select')?.[0]?.[0]).toMatch(/^local-/)
  })
})
