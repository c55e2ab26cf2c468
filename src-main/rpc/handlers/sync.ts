import type { syncCalls } from '../../../src-shared/contract/sync'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function syncHandlers(s: Services): DomainHandlers<typeof syncCalls> {
  return {
    'sync:status': () => s.sync.status(),
    'sync:items': ({ state, limit }) => s.sync.items(state, limit),
    'sync:now': () => s.sync.syncNow(),
    'sync:retry': ({ id }) => s.sync.retry(id),
    'sync:remove': ({ id }) => s.sync.remove(id),
    'sync:claim': ({ id }) => s.sync.claim(id),
    'sync:teachers': () => s.sync.teachers(),
    'sync:choose-teacher': ({ teacherId }) => s.sync.chooseTeacher(teacherId),
    'sync:sign-in-start': () => s.sync.signInStart(),
    'sync:sign-in-complete': ({ timeoutMs }) => s.sync.signInComplete(timeoutMs),
    'sync:sign-out': () => s.sync.signOut(),
    'sync:catalogue': ({ refresh }) => s.sync.catalogue(refresh),
    'sync:classes': ({ refresh }) => s.sync.classes(refresh),
    'sync:search-resources': (q) => s.sync.searchResources(q),
    'sync:collect-resource': ({ resourceId }) => ({ outboxId: s.sync.enqueueCollect(resourceId) })
  }
}
