/**
 * A rosters service for renderer tests over the fake transport: classes kept in memory, saves
 * checked by the fake transport with the contract's roster rules (bilingual problems, as dispatch words them).
 */
import type { Roster } from '../../src-shared/contract/rosters'
import { AppError } from '../../src-shared/errors'
import type { FakeTransport } from '../transport/fake-transport'

export function roster(id: string, name: string, students: string[], over: Partial<Roster> = {}): Roster {
  return {
    id,
    name,
    students,
    locked: false,
    groups: [],
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
      // The fake transport has checked the draft with RosterSave (trimmed, rules applied), as dispatch does.
      const id = input.id ?? `local-${++ids}`
      const r = roster(id, input.name, input.students, {
        locked: input.locked ?? saved.get(id)?.locked ?? false,
        groups: input.groups
      })
      saved.set(id, r)
      return r
    })
    .handle('rosters:remove', ({ id }) => {
      if (!saved.delete(id)) throw new AppError('NOT_FOUND', '找不到这个班级', 'No such class')
      return { id }
    })
  return { saved }
}
