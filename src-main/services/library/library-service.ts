/**
 * The library (资源库): every file a teacher keeps, stored once by content hash, filed on the
 * textbook catalogue and searchable by the text inside it. Sharing queues the file for the
 * platform through the outbox under the title the platform requires (【原创】…).
 */
import { randomUUID } from 'node:crypto'
import { basename, extname } from 'node:path'
import { rm } from 'node:fs/promises'
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type {
  LibraryAdd,
  LibraryAddFromPlatform,
  LibraryBrowse,
  LibraryShare,
  LibrarySearch,
  LibraryUpdate,
  LibraryAddResult,
  LibraryChange,
  LibraryDownloadProgress,
  LibraryPage,
  LibrarySearchResult,
  LibraryTree,
  ResourceMetaInput,
  TreeNode
} from '../../../src-shared/contract/library'
import {
  CHAPTER_LEVELS,
  bareTitle,
  defaultTypeFor,
  formatOfFileName,
  parseSearchQuery,
  type LibraryResource
} from '../../../src-shared/library'
import { ResourceUploadJob } from '../../../src-shared/contract/sync'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import { enqueueOutbox } from '../sync/outbox-repo'
import { Emitter } from '../../util/emitter'
import { LibraryFileStore, type StoredFile } from './file-store'
import { defaultExtractors, extractText, type TextExtractor } from './text-extract'
import * as repo from './library-repo'
import { searchRows, snippetOf } from './library-search'
import { chapterPathOf, openLessonLevelOf, type PlatformSource } from './platform-source'

export interface LibraryServiceDeps {
  readonly storage: StorageService
  readonly clock: () => Date
  /** Folder the library's files are stored in (e.g. `<dataDir>/library`). */
  readonly dir: string
  /**
   * Text readers by file extension, on top of the built-in .edux and .docx ones. The composition
   * root adds the Prepare importers' PowerPoint reader here when it exists.
   */
  readonly extractors?: Readonly<Record<string, TextExtractor>>
  readonly newId?: () => string
  /** Downloads from the platform (the sync service); without it library:add-from-platform is refused. */
  readonly platform?: PlatformSource
}

export interface ResourceDetail extends LibraryResource {
  /** Why the text could not be read, when textState is 'failed' or 'not-extracted'. */
  readonly textNote: string | null
  /** Characters of text indexed from inside the file. */
  readonly bodyLength: number
  readonly absolutePath: string
  readonly sharedAt: string | null
}

/** Where a new resource came from, when not from this computer. */
interface Origin {
  readonly remoteId: string
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

export class LibraryService {
  readonly files: LibraryFileStore
  readonly #storage: StorageService
  readonly #clock: () => Date
  readonly #extractors: Readonly<Record<string, TextExtractor>>
  readonly #newId: () => string
  readonly #onDidChange = new Emitter<LibraryChange>()
  readonly onDidChange = this.#onDidChange.event
  readonly #onDownloadProgress = new Emitter<LibraryDownloadProgress>()
  readonly onDownloadProgress = this.#onDownloadProgress.event
  readonly #platform: PlatformSource | null
  /** One download per platform resource at a time: two would write the same partial file. */
  readonly #downloading = new Map<string, Promise<LibraryAddResult>>()
  /** The tree changes only when resources do; it is kept until then. */
  #tree: LibraryTree | null = null

  constructor(deps: LibraryServiceDeps) {
    this.#storage = deps.storage
    this.#clock = deps.clock
    this.files = new LibraryFileStore(deps.dir)
    this.#extractors = { ...defaultExtractors, ...deps.extractors }
    this.#newId = deps.newId ?? randomUUID
    this.#platform = deps.platform ?? null
    this.#onDidChange.event(() => {
      this.#tree = null
    })
  }

  get #db(): Database {
    return this.#storage.db
  }

  /** Adds a file from disk (drag-and-drop or the file picker). The same content twice is kept once. */
  async add(input: LibraryAdd): Promise<LibraryAddResult> {
    const { path, ...meta } = input
    const stored = await this.files.putFile(path)
    return this.#file(stored, basename(path), meta)
  }

  /**
   * Files a video this computer recorded (a 微课 of the board) without copying it: `path` is
   * renamed into the store under the hash its writer computed; `thumbnailPath` is a JPEG of one frame.
   */
  async addRecorded(
    file: { path: string; sha256: string; size: number; fileName: string; thumbnailPath: string | null },
    meta: ResourceMetaInput
  ): Promise<LibraryAddResult> {
    const stored = await this.files.adopt(file.path, file.sha256, file.size)
    const thumb = file.thumbnailPath ? await this.files.putFile(file.thumbnailPath) : null
    const added = await this.#file(stored, file.fileName, meta)
    if (!thumb || added.duplicate) return added
    return { resource: this.update({ id: added.resource.id, patch: { thumbnail: thumb.rel } }), duplicate: false }
  }

  /**
   * Downloads a platform resource (sha256-checked by the sync service) and files it under the
   * platform's type and chapter with sync state 'downloaded'. All or nothing: a file that fails
   * its check is deleted by the download; one that cannot be filed is removed here, and the
   * download folder never keeps a copy.
   */
  addFromPlatform({ resourceId }: LibraryAddFromPlatform): Promise<LibraryAddResult> {
    const running = this.#downloading.get(resourceId)
    if (running) return running
    const p = this.#addFromPlatform(resourceId).finally(() => this.#downloading.delete(resourceId))
    this.#downloading.set(resourceId, p)
    return p
  }

  async #addFromPlatform(resourceId: string): Promise<LibraryAddResult> {
    const platform = this.#platform
    if (!platform) {
      throw new AppError(
        'UNAVAILABLE',
        '这个 ClassDeck 没有连接教育平台，无法下载平台资源。请在设置中填写平台地址。',
        'This ClassDeck is not connected to a platform, so platform resources cannot be downloaded. Set the platform address in Settings.',
        { resourceId }
      )
    }
    let last = 0
    const progress = (done: number, total: number): void => {
      // A few events a second are enough for a progress bar; the last one always goes out.
      const now = Date.now()
      if (done < total && now - last < 100) return
      last = now
      this.#onDownloadProgress.fire({ resourceId, done, total })
    }
    const { resource, path, sha256 } = await platform.downloadResource(resourceId, progress)
    let stored: StoredFile | null = null
    try {
      stored = await this.files.putFile(path)
      if (stored.sha256 !== sha256) {
        throw new AppError(
          'FILE_INVALID',
          `“${resource.title}”在存入资源库时内容发生了变化，已放弃。请重新下载。`,
          `"${resource.title}" changed while it was being stored, so it was not added. Download it again.`,
          { resourceId, expected: sha256, actual: stored.sha256 }
        )
      }
      const chapter = await this.#chapterOf(platform, resource.chapterId)
      const meta: ResourceMetaInput = {
        title: resource.title,
        type: resource.type,
        ...(chapter ? { chapter } : {}),
        tags: resource.ownerName ? [resource.ownerName] : [],
        // 【原创】 is the author's claim; the teacher who downloads it is not the author.
        original: false,
        openLessonLevel: openLessonLevelOf(resource.title)
      }
      return await this.#file(stored, resource.fileName, meta, { remoteId: resource.id })
    } catch (e) {
      // A stored copy no library entry refers to is not kept (the same content filed before stays).
      if (stored && !repo.getRowBySha(this.#db, stored.sha256)) await this.files.remove(stored.rel)
      throw e
    } finally {
      await rm(path, { force: true })
    }
  }

  /** The resource's place on the library's tree, from the cached catalogue (refreshed once if it is not there). */
  async #chapterOf(platform: PlatformSource, nodeId: string): Promise<LibraryResource['chapter'] | null> {
    for (const refresh of [false, true]) {
      try {
        const path = chapterPathOf((await platform.catalogue(refresh)).catalogue.nodes, nodeId)
        if (path) return path
      } catch {
        // Without a catalogue the resource is still filed, just not on a chapter; the teacher can place it.
      }
    }
    return null
  }

  async #file(
    stored: StoredFile,
    fileName: string,
    meta: ResourceMetaInput,
    origin?: Origin
  ): Promise<LibraryAddResult> {
    const existing = repo.getRowBySha(this.#db, stored.sha256)
    if (existing) return { resource: repo.toResource(existing), duplicate: true }

    const format = formatOfFileName(fileName)
    const text = await extractText(this.files.absolute(stored.rel), fileName, format, this.#extractors)
    const id = this.#newId()
    const at = this.#clock().toISOString()
    const fallbackTitle = basename(fileName, extname(fileName)).trim() || fileName
    const title = bareTitle(meta.title ?? text.title ?? fallbackTitle) || fallbackTitle
    const result = this.#storage.transaction((db): LibraryAddResult => {
      // Checked again inside the write: two adds of the same file may race.
      const raced = repo.getRowBySha(db, stored.sha256)
      if (raced) return { resource: repo.toResource(raced), duplicate: true }
      repo.insertResource(db, {
        id,
        title,
        type: meta.type ?? defaultTypeFor(format),
        format,
        chapter: meta.chapter ?? text.chapter ?? {},
        tags: dedupeTags(meta.tags ?? []),
        original: meta.original ?? text.original ?? false,
        openLessonLevel: meta.openLessonLevel ?? null,
        file: stored.rel,
        fileName,
        thumbnail: format === 'image' ? stored.rel : null,
        size: stored.size,
        sha256: stored.sha256,
        body: text.body,
        textState: text.state,
        textNote: text.note,
        syncState: origin ? 'downloaded' : 'local',
        remoteId: origin?.remoteId ?? null,
        at
      })
      return { resource: repo.toResource(repo.getRow(db, id)!), duplicate: false }
    })
    if (!result.duplicate) this.#onDidChange.fire({ id, change: 'added' })
    return result
  }

  /** Input as the contract parsed it: limit and offset filled in. */
  search(input: z.output<typeof LibrarySearch>): LibrarySearchResult {
    const { q, limit, offset, ...filter } = input
    const terms = parseSearchQuery(q)
    const { rows, total } = searchRows(this.#db, terms, filter, limit, offset)
    const items = rows.map((r) => ({
      ...repo.toResource(r),
      titleMatch: r.title_hits > 0,
      snippet: snippetOf(repo.bodyOf(this.#db, r.id), terms)
    }))
    return { items, total, terms: terms.map((t) => t.text) }
  }

  browse(input: z.output<typeof LibraryBrowse>): LibraryPage {
    const { limit, offset, sort, ...filter } = input
    const f = repo.filterSql(filter)
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : ''
    const order =
      sort === 'title'
        ? 'r.title_norm, r.seq'
        : sort === 'created'
          ? 'r.created_at DESC, r.seq DESC'
          : 'r.updated_at DESC, r.seq DESC'
    const rows = this.#db
      .prepare(`SELECT ${repo.ROW_COLUMNS} FROM library_resources r ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...f.args, limit, offset) as repo.ResourceRow[]
    const { n } = this.#db.prepare(`SELECT count(*) AS n FROM library_resources r ${where}`).get(...f.args) as {
      n: number
    }
    return { items: rows.map(repo.toResource), total: n }
  }

  /** The catalogue as far as the library uses it, with how many resources hang under each node. */
  tree(): LibraryTree {
    if (this.#tree) return this.#tree
    const groups = this.#db
      .prepare(
        `SELECT stage_id, max(stage_name) AS stage_name, subject_id, max(subject_name) AS subject_name,
                edition_id, max(edition_name) AS edition_name, volume_id, max(volume_name) AS volume_name,
                chapter_id, max(chapter_name) AS chapter_name, count(*) AS n
         FROM library_resources GROUP BY stage_id, subject_id, edition_id, volume_id, chapter_id`
      )
      .all() as (Record<string, string | null> & { n: number })[]
    const nodes = new Map<string, TreeNode>()
    let unfiled = 0
    let total = 0
    for (const g of groups) {
      total += g.n
      let parentKey: string | null = null
      let filed = false
      for (const level of CHAPTER_LEVELS) {
        const id = g[`${level}_id`]
        if (id === null || id === undefined) continue
        filed = true
        const key: string = `${parentKey ? `${parentKey}/` : ''}${level}:${id}`
        const node = nodes.get(key)
        if (node) node.count += g.n
        else nodes.set(key, { key, parentKey, level, id, name: g[`${level}_name`] ?? id, count: g.n })
        parentKey = key
      }
      if (!filed) unfiled += g.n
    }
    const sorted = [...nodes.values()].sort((a, b) => collator.compare(a.name, b.name))
    this.#tree = { nodes: sorted, unfiled, total }
    return this.#tree
  }

  /** A resource with what only the main process knows (its stored path, why its text could not be read). */
  get(id: string): ResourceDetail {
    const row = this.#row(id)
    return {
      ...repo.toResource(row),
      textNote: row.text_error,
      bodyLength: repo.bodyOf(this.#db, id).length,
      absolutePath: this.files.absolute(row.file),
      sharedAt: row.shared_at
    }
  }

  update({ id, patch }: LibraryUpdate): LibraryResource {
    const at = this.#clock().toISOString()
    const resource = this.#storage.transaction((db) => {
      const row = this.#row(id, db)
      const p: repo.ResourcePatch = { ...patch }
      if (patch.title !== undefined) p.title = bareTitle(patch.title) || patch.title
      if (patch.tags !== undefined) p.tags = dedupeTags(patch.tags)
      repo.updateResource(db, row, p, at)
      return repo.toResource(repo.getRow(db, id)!)
    })
    this.#onDidChange.fire({ id, change: 'updated' })
    return resource
  }

  async remove(id: string): Promise<{ removed: true }> {
    const row = this.#storage.transaction((db) => {
      const r = this.#row(id, db)
      repo.deleteResource(db, r)
      return r
    })
    // sha256 is unique, so no other resource refers to this file.
    await this.files.remove(row.file)
    this.#onDidChange.fire({ id, change: 'removed' })
    return { removed: true }
  }

  /**
   * Queues the resource for upload under its shared title, in the same transaction that marks it.
   * Its sync state then follows the outbox row (queued → synced or failed).
   */
  share(input: z.output<typeof LibraryShare>): LibraryResource {
    const { id } = input
    const now = this.#clock()
    const resource = this.#storage.transaction((db) => {
      const row = this.#row(id, db)
      const r = repo.toResource(row)
      if (r.type === '其他') {
        throw new AppError(
          'VALIDATION',
          `“${r.title}”的类型是“其他”，平台不接收。请先选择教案、课件、微课、素材、试卷或习题，再共享。`,
          `"${r.title}" has type 其他 (other), which the platform does not accept. Choose a type first, then share.`,
          { id }
        )
      }
      const chapterId = r.chapter.chapter?.id
      if (!chapterId) {
        throw new AppError(
          'VALIDATION',
          `“${r.title}”还没有挂到章节上。平台要求每个资源对应教材章节，请先选择章节，再共享。`,
          `"${r.title}" is not filed on a chapter yet. The platform needs a chapter for every resource; choose one, then share.`,
          { id }
        )
      }
      const title = r.sharedTitle.slice(0, 200)
      // The sync worker's own job schema; it uploads the stored copy in resumable parts.
      const payload = ResourceUploadJob.parse({
        title,
        type: r.type,
        chapterId,
        original: r.original,
        public: input.public,
        filePath: this.files.absolute(r.file),
        fileName: r.fileName
      })
      enqueueOutbox(
        db,
        { kind: 'resource-upload', entityId: id, payload, idempotencyKey: `resource-upload:${id}:${r.sha256}` },
        now
      )
      repo.markShared(db, row.seq, title, now.toISOString())
      return repo.toResource(repo.getRow(db, id)!)
    })
    this.#onDidChange.fire({ id, change: 'shared' })
    return resource
  }

  dispose(): void {
    this.#onDidChange.dispose()
    this.#onDownloadProgress.dispose()
  }

  #row(id: string, db: Database = this.#db): repo.ResourceRow {
    const row = repo.getRow(db, id)
    if (!row) {
      throw new AppError(
        'NOT_FOUND',
        `资源库里没有这个资源（${id}），它可能已被删除。请刷新列表。`,
        `The resource ${id} is not in the library; it may have been removed. Refresh the list.`,
        { id }
      )
    }
    return row
  }
}

function dedupeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]
}
