import type { statsCalls } from '../../../src-shared/contract/stats'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function statsHandlers(s: Services): DomainHandlers<typeof statsCalls> {
  const st = s.stats
  return {
    'stats:classes': () => st.classes(),
    'stats:class': (input) => st.classStats(input),
    'stats:regions': () => st.regionSummaries(),
    'stats:activity': (input) => st.activity(input)
  }
}
