/**
 * Loads the stores the shell and its pages share, in order (as directus's hydrate.ts does):
 * the connection first, then settings (the language the first page is painted in), then the
 * domain stores that several pages read — the class in progress, the lesson records, the
 * rosters — side by side. Each of those keeps its own error, so one failing never stops the rest,
 * and from here on their events keep them current whichever page is open.
 */
import { useConnectionStore } from './connection'
import { useSettingsStore } from './settings'
import { useClassroomStore } from './classroom'
import { useLessonsStore } from './lessons'
import { useRostersStore } from './rosters'
import { useSyncStore } from './sync'

export async function hydrate(): Promise<void> {
  useConnectionStore().hydrate()
  await useSettingsStore().hydrate()
  await Promise.all([useClassroomStore().hydrate(), useLessonsStore().hydrate(), useRostersStore().hydrate()])
}

/**
 * Forgets every store's state and stops their subscriptions (the shell is torn down). The sync
 * store is hydrated by the pages that show it (同步, the lesson-start teacher chooser), not here.
 */
export function reset(): void {
  for (const store of [
    useSyncStore(),
    useRostersStore(),
    useLessonsStore(),
    useClassroomStore(),
    useSettingsStore(),
    useConnectionStore()
  ])
    store.reset()
}
