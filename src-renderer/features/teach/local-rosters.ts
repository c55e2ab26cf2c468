/**
 * Class rosters kept on this computer (for teachers not yet signed in to the platform, or for
 * a class the platform does not know). Stored in the page's localStorage, read back through
 * zod: a damaged entry is dropped, never trusted.
 */
import { z } from 'zod'

export const LocalClass = z.object({
  id: z.string().min(1).max(120),
  name: z.string().min(1).max(200),
  students: z.array(z.string().min(1).max(100)).max(500)
})
export type LocalClass = z.infer<typeof LocalClass>

/** A class the teacher can teach: a local roster or one synced from the platform. */
export interface ClassChoice {
  readonly id: string
  readonly name: string
  readonly students: readonly string[]
  readonly source: 'local' | 'platform'
}

export const STORAGE_KEY = 'classdeck.teach.classes'

export function loadLocalClasses(storage: Pick<Storage, 'getItem'>): LocalClass[] {
  let raw: unknown
  try {
    raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(raw)) return []
  return raw.flatMap((r) => {
    const p = LocalClass.safeParse(r)
    return p.success ? [p.data] : []
  })
}

export function saveLocalClasses(storage: Pick<Storage, 'setItem'>, classes: readonly LocalClass[]): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(classes.map((c) => LocalClass.parse(c))))
}

/** Adds or replaces one class (matched by id), keeping the others in order. */
export function upsertLocalClass(classes: readonly LocalClass[], c: LocalClass): LocalClass[] {
  const i = classes.findIndex((o) => o.id === c.id)
  if (i < 0) return [...classes, c]
  const next = [...classes]
  next[i] = c
  return next
}
