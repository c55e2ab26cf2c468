import type { settingsCalls } from '../../../src-shared/contract/settings'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function settingsHandlers(s: Services): DomainHandlers<typeof settingsCalls> {
  return {
    'settings:get': () => s.settings.get(),
    'settings:update': (patch) => s.settings.update(patch)
  }
}
