import type { syncCalls } from '../../../src-shared/contract/sync'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function syncHandlers(s: Services): DomainHandlers<typeof syncCalls> {
  return {
    'sync:status': () => s.sync.status(),
    'sync:items': ({ state, limit }) => s.sync.items(state, limit),
    'sync:now': () => s.sync.syncNow(),
    'sync:retry': ({ id }) => s.sync.retry(id),
    'sync:signInStart': () => s.sync.signInStart(),
    'sync:signInComplete': ({ timeoutMs }) => s.sync.signInComplete(timeoutMs),
    'sync:signOut': () => s.sync.signOut(),
    'sync:catalogue': ({ refresh }) => s.sync.catalogue(refresh),
    'sync:classes': ({ refresh }) => s.sync.classes(refresh),
    'sync:searchResources': (q) => s.sync.searchResources(q),
    'sync:downloadResource': ({ resourceId }) => s.sync.downloadResource(resourceId),
    'sync:uploadResource': (job) => ({ outboxId: s.sync.enqueueUpload(job) }),
    'sync:collectResource': ({ resourceId }) => ({ outboxId: s.sync.enqueueCollect(resourceId) })
  }
}
