/**
 * The classes the 课堂互动 page can open with a roster: this computer's (the rosters store) and the
 * platform's from the sync cache (no network call; a computer never signed in simply has none).
 * A chosen class becomes the roster students tap their names from, by the same rule as the board.
 */
import { computed, shallowRef } from 'vue'
import { storeToRefs } from 'pinia'
import { useRostersStore } from '../../../stores/rosters'
import { useTransport } from '../../../transport'
import { rosterForClass } from '../../presenter/board-classroom'
import type { ClassChoice } from '../../teach/local-rosters'
import type { RosterEntry } from '../../../../src-shared/classroom/protocol'

export function useClassRosters() {
  const store = useRostersStore()
  const { classes: local, loaded } = storeToRefs(store)
  const platform = shallowRef<ClassChoice[]>([])

  async function load(): Promise<void> {
    if (!loaded.value) await store.hydrate()
    try {
      const view = await useTransport().invoke('sync:classes', { refresh: false })
      platform.value = view.classes.map((c) => ({
        id: c.id,
        name: c.name,
        students: c.students.map((s) => s.name),
        source: 'platform' as const
      }))
    } catch {
      // Not signed in to the platform, or never synced: only this computer's classes are offered.
      platform.value = []
    }
  }

  const choices = computed<ClassChoice[]>(() => [
    ...local.value.map((c) => ({ ...c, source: 'local' as const })),
    ...platform.value
  ])

  /** The roster a class opens with, or undefined for a class without names (students type theirs). */
  function rosterOf(id: string): RosterEntry[] | undefined {
    return rosterForClass(
      choices.value.map((c) => ({ ...c, locked: true })),
      id
    )
  }

  return { choices, load, rosterOf }
}
