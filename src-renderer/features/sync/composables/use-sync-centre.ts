/**
 * The sync centre's state: status, the outbox items, upload progress. It mirrors the sync
 * service through the transport (calls and the sync:status-changed / sync:progress events);
 * per-item progress lives in a plain Map copied into a ref at most a few times a second.
 */
import { onUnmounted, ref, shallowRef } from 'vue'
import type { OutboxState, SyncItem, SyncStatus } from '../../../../src-shared/contract/sync'
import { AppError } from '../../../../src-shared/errors'
import { useTransport } from '../../../transport'

export function useSyncCentre() {
  const t = useTransport()
  const status = shallowRef<SyncStatus | null>(null)
  const items = shallowRef<SyncItem[]>([])
  const filter = ref<OutboxState | undefined>(undefined)
  const error = shallowRef<AppError | null>(null)
  const authorizeUrl = ref<string | null>(null)
  const busy = ref(false)

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = AppError.from(err)
      return undefined
    }
  }

  async function refresh(): Promise<void> {
    await run(async () => {
      const [s, list] = await Promise.all([
        t.invoke('sync:status', {}),
        t.invoke('sync:items', { state: filter.value, limit: 200 })
      ])
      status.value = s
      items.value = list
    })
  }

  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  const refreshSoon = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null
      void refresh()
    }, 250)
  }
  const offStatus = t.on('sync:status-changed', (s) => {
    status.value = s
    refreshSoon()
  })
  const offProgress = t.on('sync:progress', (p) => {
    items.value = items.value.map((i) =>
      i.id === p.id ? { ...i, state: 'sending', progress: { done: p.done, total: p.total } } : i
    )
  })
  onUnmounted(() => {
    offStatus()
    offProgress()
    if (refreshTimer) clearTimeout(refreshTimer)
  })

  async function signIn(): Promise<void> {
    busy.value = true
    const started = await run(() => t.invoke('sync:sign-in-start', {}))
    if (!started) {
      busy.value = false
      return
    }
    authorizeUrl.value = started.authorizeUrl
    await run(() => t.invoke('sync:sign-in-complete', { timeoutMs: 300_000 }))
    authorizeUrl.value = null
    busy.value = false
    await refresh()
  }

  async function signOut(): Promise<void> {
    const s = await run(() => t.invoke('sync:sign-out', {}))
    if (s) status.value = s
  }

  async function syncNow(): Promise<void> {
    const s = await run(() => t.invoke('sync:now', {}))
    if (s) status.value = s
    await refresh()
  }

  async function retry(id?: number): Promise<void> {
    const s = await run(() => t.invoke('sync:retry', id === undefined ? {} : { id }))
    if (s) status.value = s
    await refresh()
  }

  async function show(state: OutboxState | undefined): Promise<void> {
    filter.value = state
    await refresh()
  }

  /** Items done out of all items known now; an upload in flight counts by its bytes. */
  function overall(): { done: number; total: number } {
    const s = status.value
    if (!s) return { done: 0, total: 0 }
    const c = s.counts
    const total = c.pending + c.sending + c.sent + c.failed
    const partial = items.value.reduce(
      (sum, i) =>
        sum + (i.state === 'sending' && i.progress && i.progress.total > 0 ? i.progress.done / i.progress.total : 0),
      0
    )
    return { done: c.sent + partial, total }
  }

  return { status, items, filter, error, authorizeUrl, busy, refresh, signIn, signOut, syncNow, retry, show, overall }
}
