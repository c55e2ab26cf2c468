/**
 * 同步 as the app sees it: the sync service's status and outbox rows, the teachers known on this
 * computer (who lessons are credited to), and the current teacher's cached platform classes.
 * `sync:status-changed` and `sync:progress` keep it current wherever the rows change (the worker,
 * another window, a lesson ending); rows are reloaded at most every 250 ms, and an upload's
 * progress is patched into its row without a reload.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ClassesView, LessonTeachers, OutboxState, SyncItem, SyncStatus } from '../../src-shared/contract/sync'
import { AppError } from '../../src-shared/errors'
import { useTransport } from '../transport'

const ROWS = 200

export const useSyncStore = defineStore('sync', () => {
  const status = shallowRef<SyncStatus | null>(null)
  const items = shallowRef<SyncItem[]>([])
  const filter = ref<OutboxState | undefined>(undefined)
  const teachers = shallowRef<LessonTeachers | null>(null)
  const classes = shallowRef<ClassesView | null>(null)
  const classesError = shallowRef<AppError | null>(null)
  const classesLoading = ref(false)
  const error = shallowRef<AppError | null>(null)
  const authorizeUrl = ref<string | null>(null)
  const busy = ref(false)
  let offs: (() => void)[] = []
  let reloadTimer: ReturnType<typeof setTimeout> | null = null
  let lastTeacherId: string | null = null

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = AppError.from(err)
      return undefined
    }
  }

  function reloadSoon(): void {
    reloadTimer ??= setTimeout(() => {
      reloadTimer = null
      void refresh()
    }, 250)
  }

  function applyStatus(s: SyncStatus): void {
    status.value = s
    // Someone signed in or out: whose teachers and classes these are has changed.
    const id = s.teacher?.id ?? null
    if (id !== lastTeacherId) {
      lastTeacherId = id
      void loadTeachers()
      void loadClasses(false)
    }
  }

  /** Subscribes once and loads status, rows, teachers and classes. */
  async function hydrate(): Promise<void> {
    if (offs.length === 0) {
      const t = useTransport()
      offs = [
        t.on('sync:status-changed', (s) => {
          applyStatus(s)
          reloadSoon()
        }),
        t.on('sync:progress', (p) => {
          items.value = items.value.map((i) =>
            i.id === p.id ? { ...i, state: 'sending', progress: { done: p.done, total: p.total } } : i
          )
        })
      ]
    }
    await refresh()
    await Promise.all([loadTeachers(), loadClasses(false)])
  }

  async function refresh(): Promise<void> {
    await run(async () => {
      const t = useTransport()
      const [s, list] = await Promise.all([
        t.invoke('sync:status', {}),
        t.invoke('sync:items', { ...(filter.value ? { state: filter.value } : {}), limit: ROWS })
      ])
      lastTeacherId = s.teacher?.id ?? null
      status.value = s
      items.value = list
    })
  }

  async function loadTeachers(): Promise<void> {
    try {
      teachers.value = await useTransport().invoke('sync:teachers', {})
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /** The current teacher's classes (their own cache; `refresh` asks the platform). */
  async function loadClasses(refresh: boolean): Promise<void> {
    classesLoading.value = true
    try {
      classes.value = await useTransport().invoke('sync:classes', { refresh })
      classesError.value = classes.value.staleBecause ? AppError.from(classes.value.staleBecause) : null
    } catch (err) {
      classes.value = null
      classesError.value = AppError.from(err)
    } finally {
      classesLoading.value = false
    }
  }

  async function chooseTeacher(teacherId: string): Promise<void> {
    const view = await run(() => useTransport().invoke('sync:choose-teacher', { teacherId }))
    if (!view) return
    teachers.value = view
    await loadClasses(false)
  }

  async function signIn(): Promise<void> {
    busy.value = true
    try {
      const started = await run(() => useTransport().invoke('sync:sign-in-start', {}))
      if (!started) return
      authorizeUrl.value = started.authorizeUrl
      await run(() => useTransport().invoke('sync:sign-in-complete', { timeoutMs: 300_000 }))
    } finally {
      authorizeUrl.value = null
      busy.value = false
    }
    await refresh()
    await Promise.all([loadTeachers(), loadClasses(false)])
  }

  async function signOut(): Promise<void> {
    const s = await run(() => useTransport().invoke('sync:sign-out', {}))
    if (s) applyStatus(s)
    await refresh()
  }

  async function act(fn: () => Promise<SyncStatus>): Promise<boolean> {
    const s = await run(fn)
    if (!s) return false
    status.value = s
    await refresh()
    return true
  }

  const syncNow = () => act(() => useTransport().invoke('sync:now', {}))
  const retry = (id?: number) => act(() => useTransport().invoke('sync:retry', id === undefined ? {} : { id }))
  /** Deletes a failed row; the page has asked the teacher first. */
  const remove = (id: number) => act(() => useTransport().invoke('sync:remove', { id }))
  const claim = (id?: number) => act(() => useTransport().invoke('sync:claim', id === undefined ? {} : { id }))

  async function show(state: OutboxState | undefined): Promise<void> {
    filter.value = state
    await refresh()
  }

  /** Items done out of all items known now; an upload in flight counts by its bytes. */
  function overall(): { done: number; total: number } {
    const s = status.value
    if (!s) return { done: 0, total: 0 }
    const c = s.counts
    const partial = items.value.reduce(
      (sum, i) =>
        sum + (i.state === 'sending' && i.progress && i.progress.total > 0 ? i.progress.done / i.progress.total : 0),
      0
    )
    return { done: c.sent + partial, total: c.pending + c.sending + c.sent + c.failed }
  }

  function reset(): void {
    for (const off of offs) off()
    offs = []
    if (reloadTimer) clearTimeout(reloadTimer)
    reloadTimer = null
    lastTeacherId = null
    status.value = null
    items.value = []
    filter.value = undefined
    teachers.value = null
    classes.value = null
    classesError.value = null
    error.value = null
    authorizeUrl.value = null
    busy.value = false
  }

  return {
    status,
    items,
    filter,
    teachers,
    classes,
    classesError,
    classesLoading,
    error,
    authorizeUrl,
    busy,
    hydrate,
    reset,
    refresh,
    loadClasses,
    chooseTeacher,
    signIn,
    signOut,
    syncNow,
    retry,
    remove,
    claim,
    show,
    overall
  }
})
