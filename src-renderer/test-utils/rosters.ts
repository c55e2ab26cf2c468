/**
 * A rosters service for renderer tests over the fake transport: classes kept in memory, saves
 * checked with the shared roster rules (bilingual problems, as the service words them).
 */
import { RosterSave, rosterProblems, type Roster } from '../../src-shared/contract/rosters'
import { AppError } from '../../src-shared/errors'
import type { FakeTransport } from '../transport/fake-transport'

export function roster(id: string, name: string, students: string[], over: Partial<Roster> = {}): Roster {
  return {
    id,
    name,
    students,
    locked: false,
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T08:00:00.000Z',
    ...over
  }
}

/**
 * Answers rosters:list/save/remove from `saved`. After `failAfter` saves it answers like a lost
 * connection.
 */
export function serveRosters(
  fake: FakeTransport,
  opts: { have?: Roster[]; failAfter?: number } = {}
): { saved: Map<string, Roster> } {
  const saved = new Map((opts.have ?? []).map((r) => [r.id, r]))
  let saves = 0
  let ids = 0
  fake
    .handle('rosters:list', () => ({ classes: [...saved.values()] }))
    .handle('rosters:save', (input) => {
      if (opts.failAfter !== undefined && saves++ >= opts.failAfter)
        throw new AppError(
          'UNAVAILABLE',
          '与 ClassDeck 服务的连接已断开',
          'The connection to the ClassDeck services was lost'
        )
      const p = RosterSave.safeParse(input)
      if (!p.success) {
        const problems = rosterProblems(p.error.issues)
        throw new AppError('VALIDATION', problems.map((x) => x.zh).join(''), problems.map((x) => x.en).join(' '))
      }
      const id = p.data.id ?? `local-${++ids}`
      const r = roster(id, p.data.name, p.data.students, { locked: p.data.locked ?? saved.get(id)?.locked ?? false })
      saved.set(id, r)
      return r
    })
    .handle('rosters:remove', ({ id }) => {
      if (!saved.delete(id)) throw new AppError('NOT_FOUND', '找不到这个班级', 'No such class')
      return { id }
    })
  return { saved }
}
