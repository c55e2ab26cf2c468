import type { libraryCalls, questionBankCalls } from '../../../src-shared/contract/library'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'
import { consumingIncoming } from '../../util/incoming'

export function libraryHandlers(
  s: Services
): DomainHandlers<typeof libraryCalls> & DomainHandlers<typeof questionBankCalls> {
  const l = s.library
  const b = s.questionBank
  return {
    'library:add': (input) => consumingIncoming(s.info.dataDir, input.path, () => l.add(input)),
    'library:add-from-platform': (input) => l.addFromPlatform(input),
    'library:search': (input) => l.search(input),
    'library:browse': (input) => l.browse(input),
    'library:tree': () => l.tree(),
    'library:update': (input) => l.update(input),
    'library:remove': ({ id }) => l.remove(id),
    'library:share': (input) => l.share(input),
    'question-bank:list': (input) => b.list(input),
    'question-bank:remove': ({ id }) => b.remove(id),
    'question-bank:import-word': (input) =>
      'path' in input ? consumingIncoming(s.info.dataDir, input.path, () => b.importWord(input)) : b.importWord(input)
  }
}
