/**
 * Class rosters kept on this computer (班级名单), as the teach page's class chooser and the board's
 * name picker see them. The rosters service holds them in the database; `rosters:changed` keeps
 * this store current when another window, page or port saves or removes one. Classes an older
 * ClassDeck left in localStorage are moved into the service on the first hydrate (see
 * features/teach/local-rosters.ts); any it refuses stay listed, each with its reason.
 * Platform rosters come through sync and are not kept here.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { AppError } from '../../src-shared/errors'
import type { RosterChange } from '../../src-shared/contract/rosters'
import {
  forgetLegacyClass,
  loadLocalClasses,
  upsertLocalClass,
  type LegacyClass,
  type LocalClass
} from '../features/teach/local-rosters'
import { useTransport } from '../transport'

type LegacyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export const useRostersStore = defineStore('rosters', () => {
  const classes = shallowRef<LocalClass[]>([])
  /** Classes still only in localStorage, each with the service's reason for refusing it. */
  const kept = shallowRef<readonly { readonly cls: LegacyClass; readonly error: AppError }[]>([])
  const loaded = ref(false)
  const error = shallowRef<AppError | null>(null)
  let storage: LegacyStorage | null = null
  let off: (() => void) | null = null

  function apply(ch: RosterChange): void {
    classes.value =
      ch.kind === 'saved' ? upsertLocalClass(classes.value, ch.roster) : classes.value.filter((c) => c.id !== ch.id)
  }

  /** Subscribes to changes (once) and loads the classes, moving any left in `legacy` storage first. */
  async function hydrate(legacy: LegacyStorage = localStorage): Promise<void> {
    storage = legacy
    off ??= useTransport().on('rosters:changed', apply)
    error.value = null
    try {
      const r = await loadLocalClasses(legacy, useTransport())
      classes.value = r.classes
      kept.value = r.kept
      loaded.value = true
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /** Saves a class (new, edited or (un)locked); the service's refusal, or null when it is saved. */
  async function save(c: LocalClass): Promise<AppError | null> {
    try {
      const saved = await useTransport().invoke('rosters:save', {
        id: c.id,
        name: c.name,
        students: [...c.students],
        ...(c.groups ? { groups: c.groups.map((g) => ({ name: g.name, members: [...g.members] })) } : {}),
        ...(c.locked === undefined ? {} : { locked: c.locked })
      })
      classes.value = upsertLocalClass(classes.value, saved)
      if (storage) forgetLegacyClass(storage, saved.id)
      kept.value = kept.value.filter((k) => k.cls.id !== saved.id)
      return null
    } catch (err) {
      return AppError.from(err)
    }
  }

  async function remove(id: string): Promise<AppError | null> {
    try {
      await useTransport().invoke('rosters:remove', { id })
      apply({ kind: 'removed', id })
      return null
    } catch (err) {
      return AppError.from(err)
    }
  }

  function reset(): void {
    off?.()
    off = null
    storage = null
    classes.value = []
    kept.value = []
    loaded.value = false
    error.value = null
  }

  return { classes, kept, loaded, error, hydrate, save, remove, reset }
})
