import type { coursewareCalls } from '../../../src-shared/contract/courseware'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'
import { consumingIncoming } from '../../util/incoming'

export function coursewareHandlers(s: Services): DomainHandlers<typeof coursewareCalls> {
  const cw = s.courseware
  return {
    'courseware:create': (input) => cw.create(input),
    'courseware:templates': () => cw.listTemplates(),
    'courseware:save-template': ({ docId, title }) => cw.saveAsTemplate(docId, title),
    'courseware:open': ({ path }) => cw.open(path),
    'courseware:open-copy': ({ path }) => consumingIncoming(s.info.dataDir, path, () => cw.openCopy(path)),
    'courseware:take-open-requests': () => cw.takeOpenRequests(),
    'courseware:get': ({ docId }) => cw.get(docId),
    'courseware:update': ({ docId, deck }) => {
      const v = cw.update(docId, deck)
      return { docId: v.docId, dirty: v.dirty }
    },
    'courseware:save': async ({ docId, name, manifest, saveAs }) => {
      const v = await cw.save(docId, { ...(name ? { name } : {}), ...(manifest ? { manifest } : {}), saveAs: !!saveAs })
      return { docId: v.docId, path: v.path!, manifest: v.manifest }
    },
    'courseware:close': ({ docId }) => {
      cw.close(docId)
      return { closed: true as const }
    },
    'courseware:list': ({ limit }) => cw.listRecent(limit),
    'courseware:recover-list': () => cw.listRecovery(),
    'courseware:recover': ({ deckId }) => cw.recover(deckId),
    'courseware:discard-recovery': ({ deckId }) => {
      cw.discardRecovery(deckId)
      return { discarded: true as const }
    },
    'courseware:import': ({ path, splitHeadingLevel, taskId }) =>
      consumingIncoming(s.info.dataDir, path, () =>
        cw.importFile(path, { ...(splitHeadingLevel ? { splitHeadingLevel } : {}), ...(taskId ? { taskId } : {}) })
      ),
    'courseware:export': (input) => cw.export(input)
  }
}
