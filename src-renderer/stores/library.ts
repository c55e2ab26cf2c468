/**
 * The library page's state: the chapter tree, the filters, and what is listed. With a search
 * box that holds something searchable the list is search hits (title matches first);
 * otherwise it is the chapter's resources, newest first. The services do all the work.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChapterFilter, LibraryTree, SearchHit, LibraryUpdate } from '../../src-shared/contract/library'
import type { LibraryResource, ResourceFormat, ResourceType } from '../../src-shared/library'
import { AppError } from '../../src-shared/errors'
import { useTransport } from '../transport'
import { uploadFile } from '../transport/media'

export type ListedResource = LibraryResource & Partial<Pick<SearchHit, 'titleMatch' | 'snippet'>>

export interface AddOutcome {
  readonly fileName: string
  readonly status: 'added' | 'duplicate' | 'failed'
  readonly message?: string
}

const PAGE = 40

export const useLibraryStore = defineStore('library', () => {
  const tree = ref<LibraryTree | null>(null)
  const chapter = ref<ChapterFilter | null>(null)
  const chapterKey = ref<string | null>(null)
  const types = ref<ResourceType[]>([])
  const formats = ref<ResourceFormat[]>([])
  const originalOnly = ref(false)
  const query = ref('')
  const items = ref<ListedResource[]>([])
  const total = ref(0)
  const searching = ref(false)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const outcomes = ref<AddOutcome[]>([])
  let unsubscribe: (() => void) | null = null
  let generation = 0

  async function hydrate(): Promise<void> {
    const t = useTransport()
    unsubscribe ??= t.on('library:changed', () => {
      void refreshTree()
    })
    await Promise.all([refreshTree(), refresh()])
  }

  async function refreshTree(): Promise<void> {
    try {
      tree.value = await useTransport().invoke('library:tree', {})
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /** Lists again under the current query and filters; a slower earlier answer never overwrites a newer one. */
  async function refresh(): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    const filter = {
      ...(types.value.length ? { types: types.value } : {}),
      ...(formats.value.length ? { formats: formats.value } : {}),
      ...(originalOnly.value ? { original: true } : {}),
      ...(chapter.value ? { chapter: chapter.value } : {})
    }
    try {
      const t = useTransport()
      if (query.value.trim() !== '') {
        const r = await t.invoke('library:search', { q: query.value, ...filter, limit: PAGE })
        if (mine !== generation) return
        // A query of only punctuation searches for nothing: say so by showing the chapter list instead.
        if (r.terms.length > 0) {
          searching.value = true
          items.value = r.items
          total.value = r.total
          return
        }
      }
      const r = await t.invoke('library:browse', { ...filter, limit: PAGE })
      if (mine !== generation) return
      searching.value = false
      items.value = r.items
      total.value = r.total
    } catch (err) {
      if (mine === generation) error.value = AppError.from(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function selectChapter(key: string | null, filter: ChapterFilter | null): Promise<void> {
    chapterKey.value = key
    chapter.value = filter
    return refresh()
  }

  function setQuery(q: string): Promise<void> {
    query.value = q
    return refresh()
  }

  function toggle<T>(list: T[], v: T): T[] {
    return list.includes(v) ? list.filter((x) => x !== v) : [...list, v]
  }
  function toggleType(v: ResourceType): Promise<void> {
    types.value = toggle(types.value, v)
    return refresh()
  }
  function toggleFormat(v: ResourceFormat): Promise<void> {
    formats.value = toggle(formats.value, v)
    return refresh()
  }
  function setOriginalOnly(v: boolean): Promise<void> {
    originalOnly.value = v
    return refresh()
  }

  /**
   * Adds files one by one: each is streamed to the host over HTTP (a 300 MB video never goes through a
   * JSON call), then hashed and read by the services. One refused file does not stop the rest.
   */
  async function addFiles(
    files: readonly File[],
    upload: (f: File) => Promise<string> = (f) => uploadFile(f, 'library')
  ): Promise<AddOutcome[]> {
    const t = useTransport()
    const result: AddOutcome[] = []
    for (const f of files) {
      try {
        const path = await upload(f)
        const r = await t.invoke('library:add', { path, ...(chapterFromSelection() ?? {}) })
        result.push({ fileName: f.name, status: r.duplicate ? 'duplicate' : 'added' })
      } catch (err) {
        result.push({ fileName: f.name, status: 'failed', message: AppError.from(err).message })
      }
    }
    outcomes.value = result
    await Promise.all([refreshTree(), refresh()])
    return result
  }

  /** A file added while a chapter is selected is filed on that chapter. */
  function chapterFromSelection(): { chapter: LibraryResource['chapter'] } | null {
    const key = chapterKey.value
    if (!key || !tree.value) return null
    const path: LibraryResource['chapter'] = {}
    let node = tree.value.nodes.find((n) => n.key === key)
    while (node) {
      path[node.level] = { id: node.id, name: node.name }
      const parent = node.parentKey
      node = parent ? tree.value.nodes.find((n) => n.key === parent) : undefined
    }
    return { chapter: path }
  }

  async function remove(id: string): Promise<boolean> {
    try {
      await useTransport().invoke('library:remove', { id })
      await Promise.all([refreshTree(), refresh()])
      return true
    } catch (err) {
      error.value = AppError.from(err)
      return false
    }
  }

  /** Changes a resource's details (title, type, chapter, tags, 【原创】, 公开课 level). */
  async function update(id: string, patch: LibraryUpdate['patch']): Promise<boolean> {
    try {
      await useTransport().invoke('library:update', { id, patch })
      await Promise.all([refreshTree(), refresh()])
      return true
    } catch (err) {
      error.value = AppError.from(err)
      return false
    }
  }

  /** Queues the resource for upload to the platform under its shared title. */
  async function share(id: string): Promise<boolean> {
    try {
      await useTransport().invoke('library:share', { id, public: true })
      await refresh()
      return true
    } catch (err) {
      error.value = AppError.from(err)
      return false
    }
  }

  function reset(): void {
    unsubscribe?.()
    unsubscribe = null
    tree.value = null
    chapter.value = null
    chapterKey.value = null
    types.value = []
    formats.value = []
    originalOnly.value = false
    query.value = ''
    items.value = []
    total.value = 0
    searching.value = false
    error.value = null
    outcomes.value = []
  }

  return {
    tree,
    chapter,
    chapterKey,
    types,
    formats,
    originalOnly,
    query,
    items,
    total,
    searching,
    loading,
    error,
    outcomes,
    hydrate,
    refresh,
    refreshTree,
    selectChapter,
    setQuery,
    toggleType,
    toggleFormat,
    setOriginalOnly,
    addFiles,
    remove,
    update,
    share,
    reset
  }
})
