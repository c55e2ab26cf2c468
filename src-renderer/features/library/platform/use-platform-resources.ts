/**
 * The 平台资源 view's state: the sync status (signed in? reachable?), a search of the platform's
 * resources by chapter, keyword and type, and per resource its download into the library
 * (progress from library:download-progress; the services verify and file it) and its collection
 * (queued in the outbox). The library list is refreshed when a download lands.
 */
import { computed, onUnmounted, ref, shallowRef } from 'vue'
import type { SyncStatus } from '../../../../src-shared/contract/sync'
import type { CatalogueNode, Resource, ResourceType } from '../../../../src-shared/platform/dto'
import type { ChapterPath } from '../../../../src-shared/library'
import { AppError } from '../../../../src-shared/errors'
import { useTransport } from '../../../transport'
import { useLibraryStore } from '../../../stores/library'

export type DownloadState =
  | { phase: 'downloading'; done: number; total: number }
  | { phase: 'filing' }
  | { phase: 'done'; libraryId: string; duplicate: boolean }
  | { phase: 'failed'; error: AppError }

export type CollectState = { phase: 'queued'; signedIn: boolean } | { phase: 'failed'; error: AppError }

const PAGE_SIZE = 20

export function usePlatformResources() {
  const t = useTransport()
  const library = useLibraryStore()
  const status = shallowRef<SyncStatus | null>(null)
  const chapter = ref<ChapterPath>({})
  const keyword = ref('')
  const type = ref<ResourceType | ''>('')
  const items = shallowRef<Resource[]>([])
  const total = ref(0)
  const page = ref(1)
  const searched = ref(false)
  const searching = ref(false)
  const error = shallowRef<AppError | null>(null)
  const downloads = ref<Record<string, DownloadState>>({})
  const collects = ref<Record<string, CollectState>>({})
  const nodes = shallowRef<Map<string, CatalogueNode>>(new Map())
  let generation = 0

  const offStatus = t.on('sync:status-changed', (s) => {
    status.value = s
  })
  const offProgress = t.on('library:download-progress', (p) => {
    const cur = downloads.value[p.resourceId]
    if (!cur || cur.phase !== 'downloading') return
    downloads.value = {
      ...downloads.value,
      [p.resourceId]: p.done >= p.total ? { phase: 'filing' } : { phase: 'downloading', done: p.done, total: p.total }
    }
  })
  onUnmounted(() => {
    offStatus()
    offProgress()
  })

  /** Reachable and signed in as far as the sync service knows; a failed search also says offline. */
  const offline = computed(() => status.value?.phase === 'offline' || error.value?.code === 'UNAVAILABLE')
  const signedOut = computed(() => status.value !== null && !status.value.signedIn)

  async function start(): Promise<void> {
    try {
      status.value = await t.invoke('sync:status', {})
    } catch (err) {
      error.value = AppError.from(err)
    }
    try {
      // Only to name each result's chapter; the picker reads the same cached catalogue.
      const view = await t.invoke('sync:catalogue', { refresh: false })
      nodes.value = new Map(view.catalogue.nodes.map((n) => [n.id, n]))
    } catch {
      // Results then show without their chapter name; the picker says why the catalogue is missing.
    }
    await search()
  }

  /** A new search (page 1), or the next page appended when `more` is set. */
  async function search(more = false): Promise<void> {
    const mine = ++generation
    const next = more ? page.value + 1 : 1
    searching.value = true
    error.value = null
    const q = keyword.value.trim()
    try {
      const r = await t.invoke('sync:search-resources', {
        ...(chapter.value.chapter ? { chapterId: chapter.value.chapter.id } : {}),
        ...(q ? { q } : {}),
        ...(type.value ? { type: type.value } : {}),
        page: next,
        pageSize: PAGE_SIZE
      })
      if (mine !== generation) return
      items.value = more ? [...items.value, ...r.items] : r.items
      total.value = r.total
      page.value = next
      searched.value = true
    } catch (err) {
      if (mine !== generation) return
      error.value = AppError.from(err)
      if (!more) items.value = []
    } finally {
      if (mine === generation) searching.value = false
    }
  }

  function setChapter(c: ChapterPath): Promise<void> {
    chapter.value = c
    return search()
  }

  function setType(v: ResourceType | ''): Promise<void> {
    type.value = v
    return search()
  }

  async function retry(): Promise<void> {
    try {
      status.value = await t.invoke('sync:now', {})
    } catch {
      // The search below says what is wrong.
    }
    await search()
  }

  async function download(r: Resource): Promise<void> {
    const cur = downloads.value[r.id]
    if (cur && (cur.phase === 'downloading' || cur.phase === 'filing')) return
    downloads.value = { ...downloads.value, [r.id]: { phase: 'downloading', done: 0, total: r.size } }
    let state: DownloadState
    try {
      const got = await t.invoke('library:add-from-platform', { resourceId: r.id })
      state = { phase: 'done', libraryId: got.resource.id, duplicate: got.duplicate }
    } catch (err) {
      state = { phase: 'failed', error: AppError.from(err) }
    }
    downloads.value = { ...downloads.value, [r.id]: state }
    if (state.phase === 'done') await Promise.all([library.refreshTree(), library.refresh()])
  }

  async function collect(r: Resource): Promise<void> {
    let state: CollectState
    try {
      await t.invoke('sync:collect-resource', { resourceId: r.id })
      state = { phase: 'queued', signedIn: !signedOut.value }
    } catch (err) {
      state = { phase: 'failed', error: AppError.from(err) }
    }
    collects.value = { ...collects.value, [r.id]: state }
  }

  /** The name of the chapter (or section) a result hangs on, from the cached catalogue. */
  function chapterName(r: Resource): string | null {
    return nodes.value.get(r.chapterId)?.name ?? null
  }

  return {
    status,
    chapter,
    keyword,
    type,
    items,
    total,
    searched,
    searching,
    error,
    downloads,
    collects,
    offline,
    signedOut,
    start,
    search,
    setChapter,
    setType,
    retry,
    download,
    collect,
    chapterName
  }
}
