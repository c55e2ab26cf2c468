import { useI18n } from 'vue-i18n'
import { toolsMessages } from '../tools-messages'
import { lessonToolsMessages } from '../lesson-tools-messages'

const messages = {
  'zh-CN': { ...toolsMessages['zh-CN'], ...lessonToolsMessages['zh-CN'] },
  en: { ...toolsMessages.en, ...lessonToolsMessages.en }
}
type Lang = keyof typeof messages

/**
 * The tools' messages and those of the lesson-scoped tools in one local scope (a component may
 * call useI18n with a local scope only once); the language follows the app's.
 */
export function useLessonToolsI18n() {
  return useI18n<{ message: (typeof messages)['zh-CN'] }, Lang>({
    useScope: 'local',
    messages,
    inheritLocale: true
  })
}
