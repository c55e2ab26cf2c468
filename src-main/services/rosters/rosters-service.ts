/**
 * The classes a teacher typed in on this computer (本机班级名单): kept in the database in the
 * teacher's data folder, so they survive a restart on any port, are in the backups and are the
 * same in every window. Every class is checked by the shared zod schemas on the way in and on
 * the way out, so a hand-edited database row cannot reach the name picker.
 */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { Roster, type RosterChange, type RosterList, type RosterSave } from '../../../src-shared/contract/rosters'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'
import { deleteClass, getClass, listClasses, putClass, type ClassWithStudents } from './rosters-repo'

export class RostersService {
  readonly #storage: StorageService
  readonly #clock: () => Date
  readonly #onDidChange = new Emitter<RosterChange>()
  readonly onDidChange = this.#onDidChange.event

  constructor(deps: { storage: StorageService; clock?: () => Date }) {
    this.#storage = deps.storage
    this.#clock = deps.clock ?? (() => new Date())
  }

  /** Every class in the order it was first saved. A damaged row is left in the database but not offered. */
  list(): RosterList {
    const classes = listClasses(this.#storage.db).flatMap((c) => {
      const r = toRoster(c)
      return r.success ? [r.data] : []
    })
    return { classes }
  }

  get(id: string): Roster {
    const found = getClass(this.#storage.db, id)
    if (!found) throw notFound(id)
    const r = toRoster(found)
    if (!r.success) {
      throw new AppError(
        'VALIDATION',
        `班级“${found.row.name}”的名单数据已损坏，无法使用。请重新输入这个班级的名单。`,
        `The roster of "${found.row.name}" is damaged and cannot be used. Enter the class again.`,
        { id, issues: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) }
      )
    }
    return r.data
  }

  /**
   * Creates a class (a new id when none is given) or replaces one. The draft has passed RosterSave
   * (names trimmed and de-duplicated, the teacher's rules checked) in dispatch or the caller's own parse.
   */
  save(d: z.output<typeof RosterSave>): Roster {
    const id = d.id ?? `local-${randomUUID()}`
    const saved = this.#storage.transaction((db) => {
      const old = getClass(db, id)
      const locked = d.locked ?? old?.row.locked === 1
      if (old && sameRoster(old, d, locked)) return null
      if (old?.row.locked === 1 && d.locked !== false && !sameContent(old, d)) throw lockedError(old.row.name)
      putClass(db, {
        id,
        name: d.name,
        locked,
        students: d.students,
        groups: d.groups,
        at: this.#clock().toISOString()
      })
      return true
    })
    const roster = this.get(id)
    if (saved) this.#onDidChange.fire({ kind: 'saved', roster })
    return roster
  }

  /** Removes a class; a locked class is kept until it is unlocked. */
  remove(id: string): { id: string } {
    this.#storage.transaction((db) => {
      const old = getClass(db, id)
      if (!old) throw notFound(id)
      if (old.row.locked === 1) throw lockedError(old.row.name)
      deleteClass(db, id)
    })
    this.#onDidChange.fire({ kind: 'removed', id })
    return { id }
  }

  dispose(): void {
    this.#onDidChange.dispose()
  }
}

/** A class's stored groups; a damaged value (hand-edited database) loses the groups, not the class. */
function storedGroups(json: string): unknown {
  try {
    const g = Roster.shape.groups.safeParse(JSON.parse(json))
    return g.success ? g.data : []
  } catch {
    return []
  }
}

function toRoster(c: ClassWithStudents) {
  return Roster.safeParse({
    id: c.row.id,
    name: c.row.name,
    students: c.students,
    locked: c.row.locked === 1,
    groups: storedGroups(c.row.groups_json),
    createdAt: c.row.created_at,
    updatedAt: c.row.updated_at
  })
}

type Saved = Pick<z.output<typeof RosterSave>, 'name' | 'students' | 'groups'>

function sameContent(old: ClassWithStudents, d: Saved): boolean {
  return (
    old.row.name === d.name &&
    old.students.length === d.students.length &&
    old.students.every((s, i) => s === d.students[i]) &&
    JSON.stringify(storedGroups(old.row.groups_json)) === JSON.stringify(d.groups)
  )
}

function sameRoster(old: ClassWithStudents, d: Saved, locked: boolean): boolean {
  return (old.row.locked === 1) === locked && sameContent(old, d)
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `找不到这个班级（${id}），可能已被删除。请重新选择班级。`,
    `Class ${id} was not found; it may have been removed. Choose a class again.`,
    { id }
  )
}

function lockedError(name: string): AppError {
  return new AppError(
    'CONFLICT',
    `班级“${name}”的名单已锁定，不能修改或删除。请先在“随机点名”里解锁。`,
    `The roster of "${name}" is locked and cannot be changed or removed. Unlock it in the name picker first.`,
    { name }
  )
}
