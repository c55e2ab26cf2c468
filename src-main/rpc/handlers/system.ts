import type { systemCalls } from '../../../src-shared/contract/system'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function systemHandlers(s: Services): DomainHandlers<typeof systemCalls> {
  return {
    'system:info': () => ({
      name: 'ClassDeck',
      version: s.info.version,
      host: s.info.host,
      dataDir: s.info.dataDir,
      schemaVersion: s.storage.schemaVersion,
      startedAt: s.info.startedAt
    }),
    'system:ping': ({ nonce }) => ({ nonce, at: s.clock().toISOString() })
  }
}
