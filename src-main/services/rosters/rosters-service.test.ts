import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { RostersService } from './rosters-service'
import { AppError } from '../../../src-shared/errors'
import type { RosterChange } from '../../../src-shared/contract/rosters'
import { tempDir } from '../../test-utils/temp-dir'
import { callInput } from '../../rpc/call-input'
import type { CallInput } from '../../../src-shared/contract'

const ROSTER = ['张三', '李四', '王五']

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected a refusal, but the call succeeded')
}

describe('RostersService', () => {
  let t: ReturnType<typeof tempDir>
  let storage: StorageService
  let rosters: RostersService
  let now: Date
  const open = (): void => {
    storage = StorageService.open({
      file: join(t.dir, 'classdeck.db'),
      migrations: allMigrations,
      appVersion: 'test',
      now: () => now
    })
    rosters = new RostersService({ storage, clock: () => now })
  }
  /** As dispatch hands it over: parsed once by the contract, which words a refusal for the teacher. */
  const save = (draft: unknown) => rosters.save(callInput('rosters:save', draft as CallInput<'rosters:save'>))
  beforeEach(() => {
    t = tempDir()
    now = new Date('2025-03-01T08:00:00.000Z')
    open()
  })
  afterEach(() => {
    rosters.dispose()
    storage.close()
    t.cleanup()
  })

  it('keeps a class, its students in order and its lock across a reopen of the database', () => {
    const saved = save({ id: 'local-1', name: '七年级1班', students: ROSTER, locked: true })
    save({ name: '七年级2班', students: ['赵六'] })
    rosters.dispose()
    storage.close()
    open()
    const { classes } = rosters.list()
    expect(classes.map((c) => c.name)).toEqual(['七年级1班', '七年级2班'])
    expect(classes[0]).toEqual({
      id: 'local-1',
      name: '七年级1班',
      students: ROSTER,
      locked: true,
      groups: [],
      createdAt: saved.createdAt,
      updatedAt: saved.updatedAt
    })
    expect(classes[1]!.id).toMatch(/^local-[0-9a-f-]{36}$/)
    expect(rosters.get('local-1').students).toEqual(ROSTER)
  })

  it('trims names and drops blank lines and repeats, keeping the first of each', () => {
    const r = save({
      id: 'c1',
      name: '  八年级3班 ',
      students: [' 张三', '李四 ', '', '   ', '张三', '王五', '李四']
    })
    expect(r.name).toBe('八年级3班')
    expect(r.students).toEqual(['张三', '李四', '王五'])
  })

  it('replaces the student list on a second save and keeps when the class was created', () => {
    const first = save({ id: 'c1', name: '一班', students: ROSTER })
    now = new Date('2025-03-02T08:00:00.000Z')
    const second = save({ id: 'c1', name: '一班（分层）', students: ['王五', '钱七'] })
    expect(second).toMatchObject({
      name: '一班（分层）',
      students: ['王五', '钱七'],
      createdAt: first.createdAt,
      updatedAt: '2025-03-02T08:00:00.000Z'
    })
    expect(rosters.list().classes).toHaveLength(1)
    expect(storage.db.prepare('SELECT COUNT(*) FROM roster_students').pluck().get()).toBe(2)
  })

  it('keeps a class’s groups across a reopen, and an edit that only regroups is a change', () => {
    const groups = [
      { name: '红队', members: ['张三', '李四'] },
      { name: '蓝队', members: ['王五'] }
    ]
    save({ id: 'c1', name: '一班', students: ROSTER, groups })
    rosters.dispose()
    storage.close()
    open()
    expect(rosters.get('c1').groups).toEqual(groups)
    const seen: RosterChange[] = []
    rosters.onDidChange((c) => seen.push(c))
    const regrouped = save({
      id: 'c1',
      name: '一班',
      students: ROSTER,
      groups: [
        { name: '红队', members: ['张三'] },
        { name: '蓝队', members: ['李四', '王五'] }
      ]
    })
    expect(regrouped.groups[1]!.members).toEqual(['李四', '王五'])
    expect(seen).toHaveLength(1)
  })

  it('loses only the groups of a class whose stored groups are damaged', () => {
    save({
      id: 'c1',
      name: '一班',
      students: ROSTER,
      groups: [
        { name: 'A', members: ['张三'] },
        { name: 'B', members: ['李四'] }
      ]
    })
    storage.db.prepare(`UPDATE roster_classes SET groups_json = '{"not": "a list"' WHERE id = 'c1'`).run()
    expect(rosters.get('c1')).toMatchObject({ students: ROSTER, groups: [] })
  })

  it('refuses a group with a student who is not in the class, saying who', () => {
    const err = refusal(() =>
      save({
        id: 'c1',
        name: '一班',
        students: ROSTER,
        groups: [
          { name: 'A', members: ['张三'] },
          { name: 'B', members: ['路人甲'] }
        ]
      })
    )
    expect(err.message).toContain('“路人甲”在“B”里，却不在这个班的名单上')
    expect(err.messageEn).toContain('"路人甲" is in "B" but not on this class\'s list')
    expect(rosters.list().classes).toEqual([])
  })

  it('refuses a class without students, in Chinese first and in English', () => {
    const err = refusal(() => save({ id: 'c1', name: '一班', students: ['', '  '] }))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('名单里还没有学生')
    expect(err.messageEn).toContain('The roster has no students yet')
    expect(rosters.list().classes).toEqual([])
  })

  it('refuses a name longer than 20 characters, naming which one, and saves nothing', () => {
    const long = '欧阳'.repeat(10) + '娜'
    const err = refusal(() => save({ id: 'c1', name: '一班', students: ['张三', long] }))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/第 2 个名字“欧阳欧阳.*”超过 20 个字/)
    expect(err.messageEn).toMatch(/Name 2 .* is longer than 20 characters/)
    expect(rosters.list().classes).toEqual([])
  })

  it('counts characters, not UTF-16 units: 20 names of emoji or rare 汉字 fit', () => {
    const rare = '𠮷'.repeat(20)
    expect(rare.length).toBe(40)
    expect(save({ id: 'c1', name: '一班', students: [rare] }).students).toEqual([rare])
  })

  it('refuses more than 100 students and an empty class name, listing both', () => {
    const many = Array.from({ length: 101 }, (_, i) => `学生${i + 1}`)
    expect(save({ id: 'full', name: '满班', students: many.slice(0, 100) }).students).toHaveLength(100)
    const err = refusal(() => save({ id: 'c2', name: '  ', students: many }))
    expect(err.message).toContain('班级名称不能为空')
    expect(err.message).toContain('一个班最多 100 名')
    expect(err.messageEn).toContain('The class name is empty')
    expect(err.messageEn).toContain('a class holds at most 100')
  })

  it('refuses input of the wrong shape with the field named', () => {
    const err = refusal(() => save({ id: 'c1', name: '一班', students: '张三' }))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('students')
    expect(refusal(() => save({ id: 'bad id/../x', name: '一班', students: ROSTER })).code).toBe('VALIDATION')
  })

  it('will not change or remove a locked class until it is unlocked', () => {
    save({ id: 'c1', name: '一班', students: ROSTER, locked: true })
    const err = refusal(() => save({ id: 'c1', name: '一班', students: ['张三'] }))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('已锁定')
    expect(err.messageEn).toContain('locked')
    expect(refusal(() => rosters.remove('c1')).code).toBe('CONFLICT')
    expect(rosters.get('c1').students).toEqual(ROSTER)
    // Unlocking is a save with the same names; then the class can change.
    expect(save({ id: 'c1', name: '一班', students: ROSTER, locked: false }).locked).toBe(false)
    expect(save({ id: 'c1', name: '一班', students: ['张三'] }).students).toEqual(['张三'])
  })

  it('removes a class with its students and tells listeners about saves and removals only when something changed', () => {
    const seen: RosterChange[] = []
    rosters.onDidChange((c) => seen.push(c))
    save({ id: 'c1', name: '一班', students: ROSTER })
    save({ id: 'c1', name: '一班', students: [...ROSTER, ' 张三 '] }) // the same after clean-up: no write, no event
    expect(rosters.remove('c1')).toEqual({ id: 'c1' })
    expect(seen.map((c) => c.kind)).toEqual(['saved', 'removed'])
    expect(storage.db.prepare('SELECT COUNT(*) FROM roster_students').pluck().get()).toBe(0)
    const missing = refusal(() => rosters.get('c1'))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toContain('找不到这个班级')
    expect(refusal(() => rosters.remove('c1')).code).toBe('NOT_FOUND')
  })

  it('does not offer a class whose stored row was damaged by hand, and says so when it is asked for', () => {
    save({ id: 'c1', name: '一班', students: ROSTER })
    save({ id: 'c2', name: '二班', students: ROSTER })
    storage.db.prepare("UPDATE roster_students SET name = ? WHERE class_id = 'c2' AND position = 0").run('x'.repeat(30))
    expect(rosters.list().classes.map((c) => c.id)).toEqual(['c1'])
    const err = refusal(() => rosters.get('c2'))
    expect(err.message).toContain('名单数据已损坏')
    expect(storage.db.prepare("SELECT COUNT(*) FROM roster_students WHERE class_id = 'c2'").pluck().get()).toBe(3)
  })
})
