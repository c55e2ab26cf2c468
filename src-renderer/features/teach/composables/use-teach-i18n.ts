import { useI18n } from 'vue-i18n'
import { AppError } from '../../../../src-shared/errors'
import { teachMessages } from '../teach-messages'

type Lang = keyof typeof teachMessages

/** vue-i18n scoped to the Teach page's messages; the language follows the app's. */
export function useTeachI18n() {
  const i18n = useI18n<{ message: (typeof teachMessages)['zh-CN'] }, Lang>({
    useScope: 'local',
    messages: teachMessages,
    inheritLocale: true
  })
  /** An error's text in the teacher's language (Chinese unless English is chosen). */
  const errorText = (err: unknown): string => {
    const e = AppError.from(err)
    return i18n.locale.value === 'en' ? e.messageEn : e.message
  }
  return { ...i18n, errorText }
}
