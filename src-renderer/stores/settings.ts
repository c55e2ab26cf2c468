/**
 * Teacher settings: the services own them (SQLite); this store mirrors them, applies the
 * language, and updates optimistically with rollback when the service refuses.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SettingsPatch, SettingsView } from '../../src-shared/contract/settings'
import { AppError } from '../../src-shared/errors'
import { useTransport } from '../transport'
import { setLocale } from '../i18n'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<SettingsView | null>(null)
  const saving = ref(false)
  const error = ref<AppError | null>(null)
  let unsubscribe: (() => void) | null = null

  async function hydrate(): Promise<void> {
    const t = useTransport()
    settings.value = await t.invoke('settings:get', {})
    setLocale(settings.value.language)
    unsubscribe ??= t.on('settings:changed', (view) => {
      settings.value = view
      setLocale(view.language)
    })
  }

  async function update(patch: SettingsPatch): Promise<boolean> {
    const before = settings.value
    if (before) {
      settings.value = { ...before, ...patch }
      if (patch.language) setLocale(patch.language)
    }
    saving.value = true
    error.value = null
    try {
      settings.value = await useTransport().invoke('settings:update', patch)
      setLocale(settings.value.language)
      return true
    } catch (err) {
      settings.value = before
      if (before) setLocale(before.language)
      error.value = AppError.from(err)
      return false
    } finally {
      saving.value = false
    }
  }

  function reset(): void {
    unsubscribe?.()
    unsubscribe = null
    settings.value = null
    error.value = null
  }

  return { settings, saving, error, hydrate, update, reset }
})
