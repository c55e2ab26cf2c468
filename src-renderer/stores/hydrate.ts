/** Loads every store that the shell needs before the first page shows, in order. */
import { useConnectionStore } from './connection'
import { useSettingsStore } from './settings'

export async function hydrate(): Promise<void> {
  useConnectionStore().hydrate()
  await useSettingsStore().hydrate()
}
