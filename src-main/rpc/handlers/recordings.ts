import type { recordingsCalls } from '../../../src-shared/contract/recordings'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function recordingsHandlers(s: Services): DomainHandlers<typeof recordingsCalls> {
  const r = s.recordings
  return {
    'recordings:start': (input) => r.start(input),
    'recordings:append': (input) => r.append(input),
    'recordings:thumbnail': (input) => r.thumbnail(input),
    'recordings:finish': (input) => r.finish(input),
    'recordings:unfinished': () => r.unfinished(),
    'recordings:repair': (input) => r.repair(input),
    'recordings:discard': (input) => r.discard(input),
    'recordings:list': () => r.list(),
    'recordings:trim': (input) => r.trim(input)
  }
}
