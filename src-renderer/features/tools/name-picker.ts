/**
 * Random name picker (随机点名). Several class rosters; within one lesson nobody is picked twice
 * until everyone on the roster has been picked, then a new round begins. A locked roster cannot
 * be edited or removed, so a slip of the hand in class cannot change it.
 */
export interface Roster {
  readonly id: string
  readonly name: string
  readonly students: readonly string[]
  readonly locked: boolean
  /** 分组 the class's list has (for 小组PK); the picker keeps them as they are. */
  readonly groups?: readonly { readonly name: string; readonly members: readonly string[] }[]
}

export interface PickResult {
  readonly name: string
  /** 1 for the first pass through the roster, 2 once everyone has been picked once, … */
  readonly round: number
  /** Still to be picked in this round. */
  readonly remaining: number
}

export class PickerError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string
  ) {
    super(messageZh)
  }
}

/** A random integer in [0, n); injectable so tests are repeatable. */
export type RandomInt = (n: number) => number

export const cryptoRandomInt: RandomInt = (n) => {
  // Rejection sampling: an unbiased pick, so no child is more likely than another.
  const limit = Math.floor(0x1_0000_0000 / n) * n
  const buf = new Uint32Array(1)
  for (let i = 0; i < 64; i++) {
    globalThis.crypto.getRandomValues(buf)
    if (buf[0]! < limit) return buf[0]! % n
  }
  return buf[0]! % n
}

export class NamePicker {
  readonly #rosters = new Map<string, Roster>()
  /** Who has been picked in the current round, per roster (this lesson only). */
  readonly #picked = new Map<string, Set<string>>()
  readonly #round = new Map<string, number>()
  /** Absent today: never picked. */
  readonly #absent = new Map<string, Set<string>>()
  readonly #random: RandomInt

  constructor(rosters: readonly Roster[] = [], random: RandomInt = cryptoRandomInt) {
    this.#random = random
    for (const r of rosters) this.#rosters.set(r.id, normalize(r))
  }

  get rosters(): Roster[] {
    return [...this.#rosters.values()]
  }

  roster(id: string): Roster {
    const r = this.#rosters.get(id)
    if (!r)
      throw new PickerError(
        `找不到名单“${id}”，请重新选择班级名单。`,
        `Roster "${id}" was not found; choose a class roster again.`
      )
    return r
  }

  /** Adds or replaces a roster (refused while it is locked). */
  saveRoster(r: Omit<Roster, 'locked'> & { locked?: boolean }): Roster {
    const old = this.#rosters.get(r.id)
    if (old?.locked) throw lockedError(old)
    const next = normalize({ ...r, locked: r.locked ?? false })
    this.#rosters.set(r.id, next)
    // Names that left the roster leave the round too.
    const picked = this.#picked.get(r.id)
    if (picked) for (const n of [...picked]) if (!next.students.includes(n)) picked.delete(n)
    return next
  }

  removeRoster(id: string): void {
    const r = this.roster(id)
    if (r.locked) throw lockedError(r)
    this.#rosters.delete(id)
    this.#picked.delete(id)
    this.#round.delete(id)
  }

  setLocked(id: string, locked: boolean): Roster {
    const r = { ...this.roster(id), locked }
    this.#rosters.set(id, r)
    return r
  }

  setAbsent(id: string, name: string, absent: boolean): void {
    const set = this.#absent.get(id) ?? new Set<string>()
    if (absent) set.add(name)
    else set.delete(name)
    this.#absent.set(id, set)
  }

  /** Picks one student nobody has picked yet in this round. */
  pick(id: string): PickResult {
    const r = this.roster(id)
    const absent = this.#absent.get(id) ?? new Set<string>()
    const present = r.students.filter((s) => !absent.has(s))
    if (present.length === 0) {
      throw new PickerError(
        `名单“${r.name}”里没有可点的学生，请先添加学生或取消缺席标记。`,
        `Roster "${r.name}" has nobody to pick; add students or clear the absent marks.`
      )
    }
    let picked = this.#picked.get(id) ?? new Set<string>()
    let round = this.#round.get(id) ?? 1
    let pool = present.filter((s) => !picked.has(s))
    if (pool.length === 0) {
      picked = new Set()
      round += 1
      pool = present
    }
    const name = pool[this.#random(pool.length)]!
    picked.add(name)
    this.#picked.set(id, picked)
    this.#round.set(id, round)
    return { name, round, remaining: pool.length - 1 }
  }

  /** Who has been picked in this round, in no particular order. */
  pickedInRound(id: string): string[] {
    return [...(this.#picked.get(id) ?? [])]
  }

  /** A new lesson: everyone can be picked again. */
  resetLesson(): void {
    this.#picked.clear()
    this.#round.clear()
    this.#absent.clear()
  }
}

function normalize(r: Roster): Roster {
  // Blank lines and repeated names in a pasted list would make "no repeats" impossible to keep.
  const seen = new Set<string>()
  const students: string[] = []
  for (const raw of r.students) {
    const s = raw.trim()
    if (s && !seen.has(s)) {
      seen.add(s)
      students.push(s)
    }
  }
  return { id: r.id, name: r.name.trim() || r.id, students, locked: r.locked }
}

function lockedError(r: Roster): PickerError {
  return new PickerError(
    `名单“${r.name}”已锁定，不能修改。如需修改，请先解锁。`,
    `Roster "${r.name}" is locked and cannot be changed; unlock it first.`
  )
}

/** Splits a pasted list (one name a line, or separated by commas, 、 or spaces). */
export function parseNames(text: string): string[] {
  return text
    .split(/[\n\r,，、;；\t]+|\s{2,}/)
    .map((s) => s.trim())
    .filter(Boolean)
}
