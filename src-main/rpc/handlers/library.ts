import type { libraryCalls, questionBankCalls } from '../../../src-shared/contract/library'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function libraryHandlers(
  s: Services
): DomainHandlers<typeof libraryCalls> & DomainHandlers<typeof questionBankCalls> {
  const l = s.library
  const b = s.questionBank
  return {
    'library:add': (input) => l.add(input),
    'library:addContent': (input) => l.addContent(input),
    'library:addFromPlatform': (input) => l.addFromPlatform(input),
    'library:search': (input) => l.search(input),
    'library:browse': (input) => l.browse(input),
    'library:tree': () => l.tree(),
    'library:get': ({ id }) => l.get(id),
    'library:update': (input) => l.update(input),
    'library:remove': ({ id }) => l.remove(id),
    'library:share': (input) => l.share(input),
    'questionBank:list': (input) => b.list(input),
    'questionBank:get': ({ id }) => b.get(id),
    'questionBank:add': (input) => b.add(input),
    'questionBank:update': (input) => b.update(input),
    'questionBank:remove': ({ id }) => b.remove(id),
    'questionBank:importWord': (input) => b.importWord(input)
  }
}
