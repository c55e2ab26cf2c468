import type { rostersCalls } from '../../../src-shared/contract/rosters'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function rostersHandlers(s: Services): DomainHandlers<typeof rostersCalls> {
  return {
    'rosters:list': () => s.rosters.list(),
    'rosters:save': (draft) => s.rosters.save(draft),
    'rosters:remove': ({ id }) => s.rosters.remove(id)
  }
}
