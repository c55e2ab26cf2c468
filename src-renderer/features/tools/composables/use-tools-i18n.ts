import { useI18n } from 'vue-i18n'
import { toolsMessages } from '../tools-messages'

type Lang = keyof typeof toolsMessages

/** vue-i18n scoped to the tools' own messages; the language follows the app's. */
export function useToolsI18n() {
  return useI18n<{ message: (typeof toolsMessages)['zh-CN'] }, Lang>({
    useScope: 'local',
    messages: toolsMessages,
    inheritLocale: true
  })
}
