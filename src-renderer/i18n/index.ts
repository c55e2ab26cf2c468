import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Language } from '../../src-shared/contract/settings'

export type MessageSchema = typeof zhCN

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

export function setLocale(lang: Language): void {
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
}
