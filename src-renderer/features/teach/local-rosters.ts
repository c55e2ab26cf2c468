/**
 * Class rosters kept on this computer (for teachers not yet signed in to the platform, or for
 * a class the platform does not know). The rosters service keeps them in the database in the
 * teacher's data folder (rosters:list/save), so they are the same on every port and window and
 * are in the backups.
 *
 * ClassDeck before that kept them in the page's localStorage, which belongs to one origin
 * (host:port). `loadLocalClasses` moves what is still there into the service once: each class
 * the service does not have yet is saved, and the key is removed when all of them are in. A
 * class the service refuses (say, a name longer than the roster rules allow) stays in
 * localStorage and is still offered, so the teacher can correct it with “edit class”.
 */
import { z } from 'zod'
import type { Roster, RosterGroup } from '../../../src-shared/contract/rosters'
import { AppError } from '../../../src-shared/errors'
import type { Transport } from '../../transport'

/** A class as the older ClassDeck stored it in localStorage, read back through zod. */
export const LegacyClass = z.object({
  id: z.string().min(1).max(120),
  name: z.string().min(1).max(200),
  students: z.array(z.string().min(1).max(100)).max(500)
})
export type LegacyClass = z.infer<typeof LegacyClass>

/** A class typed in on this computer: saved in the service, or still waiting in localStorage. */
export interface LocalClass {
  readonly id: string
  readonly name: string
  readonly students: readonly string[]
  /** 分组 (for 小组PK and team points); absent: none. */
  readonly groups?: readonly RosterGroup[]
  /** Absent: keep what the service has (a new class starts unlocked). */
  readonly locked?: boolean
}

/** A class the teacher can teach: a local roster or one synced from the platform. */
export interface ClassChoice {
  readonly id: string
  readonly name: string
  readonly students: readonly string[]
  readonly groups?: readonly RosterGroup[]
  readonly source: 'local' | 'platform'
  readonly locked?: boolean
}

export const STORAGE_KEY = 'classdeck.teach.classes'

type LegacyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
type Rpc = Pick<Transport, 'invoke'>

/** The classes an older ClassDeck left in this origin's storage; a damaged entry is dropped, never trusted. */
export function loadLegacyClasses(storage: Pick<Storage, 'getItem'>): LegacyClass[] {
  let raw: unknown
  try {
    raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(raw)) return []
  return raw.flatMap((r) => {
    const p = LegacyClass.safeParse(r)
    return p.success ? [p.data] : []
  })
}

/** Forgets one class in localStorage once the service holds it. */
export function forgetLegacyClass(storage: LegacyStorage, id: string): void {
  const rest = loadLegacyClasses(storage).filter((c) => c.id !== id)
  writeLegacy(storage, rest)
}

function writeLegacy(storage: LegacyStorage, classes: readonly LegacyClass[]): void {
  if (classes.length) storage.setItem(STORAGE_KEY, JSON.stringify(classes))
  else storage.removeItem(STORAGE_KEY)
}

export interface LocalClasses {
  /** The service's classes, then any that could not be moved yet. */
  readonly classes: LocalClass[]
  /** Classes still only in localStorage, each with the service's reason. */
  readonly kept: readonly { readonly cls: LegacyClass; readonly error: AppError }[]
}

/**
 * The local classes, after moving any that localStorage still holds into the service. A class
 * the service already has (same id) is not saved again: the database is the newer copy.
 */
export async function loadLocalClasses(storage: LegacyStorage, rpc: Rpc): Promise<LocalClasses> {
  const { classes } = await rpc.invoke('rosters:list', {})
  const legacy = loadLegacyClasses(storage)
  if (!legacy.length) {
    // Nothing usable is left under the key (or it was never there).
    if (storage.getItem(STORAGE_KEY) !== null) storage.removeItem(STORAGE_KEY)
    return { classes, kept: [] }
  }
  const have = new Set(classes.map((c) => c.id))
  const kept: { cls: LegacyClass; error: AppError }[] = []
  const moved: Roster[] = []
  for (const cls of legacy) {
    if (have.has(cls.id)) continue
    try {
      moved.push(await rpc.invoke('rosters:save', { id: cls.id, name: cls.name, students: cls.students }))
    } catch (err) {
      kept.push({ cls, error: AppError.from(err) })
    }
  }
  writeLegacy(
    storage,
    kept.map((k) => k.cls)
  )
  return { classes: [...classes, ...moved, ...kept.map((k) => k.cls)], kept }
}

/** Adds or replaces one class (matched by id), keeping the others in order. */
export function upsertLocalClass(classes: readonly LocalClass[], c: LocalClass): LocalClass[] {
  const i = classes.findIndex((o) => o.id === c.id)
  if (i < 0) return [...classes, c]
  const next = [...classes]
  next[i] = c
  return next
}

/** Whether saving `next` would change the stored class (the picker reports every roster each time). */
export function classChanged(old: LocalClass | undefined, next: LocalClass): boolean {
  if (!old) return true
  if (next.locked !== undefined && (old.locked ?? false) !== next.locked) return true
  return (
    old.name !== next.name ||
    old.students.length !== next.students.length ||
    old.students.some((s, i) => s !== next.students[i]) ||
    JSON.stringify(old.groups ?? []) !== JSON.stringify(next.groups ?? old.groups ?? [])
  )
}

/** A class's groups after its list changed (say, in the name picker): members no longer in it leave. */
export function groupsStillIn(groups: readonly RosterGroup[] | undefined, students: readonly string[]): RosterGroup[] {
  const inClass = new Set(students)
  return (groups ?? [])
    .map((g) => ({ name: g.name, members: g.members.filter((m) => inClass.has(m)) }))
    .filter((g) => g.members.length > 0)
}
