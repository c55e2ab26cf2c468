/**
 * Open courseware documents: create, open, edit (the renderer sends the whole deck), save atomically,
 * autosave to a recovery copy, offer recovery after a crash, import and export.
 *
 * Calls arrive already validated against the contract (rpc/handler-table dispatch), so the
 * methods take the contract's parsed types; what this service parses itself comes from files and
 * the database. It also decides where files go: a first save into `<data>/decks/`, exports into
 * `<data>/exports/`, named from the title the teacher gave (the renderer never builds a path).
 */
import { mkdirSync, existsSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../../src-shared/errors'
import type {
  CoursewareProgress,
  CreateDocument,
  DocumentView,
  ExportDocument,
  ExportResult,
  MetaPatch,
  RecentDocument,
  RecoveryEntry,
  TemplateInfo
} from '../../../src-shared/contract/courseware'
import { MAX_FILE_NAME_BYTES, safeFileName } from '../../../src-shared/files/safe-file-name'
import {
  Deck,
  Manifest,
  createDeck,
  createManifest,
  deckMedia,
  EDUX_FORMAT_VERSION,
  SLIDE_SIZE,
  createId,
  type ImportReport,
  type MediaRef
} from '../../../src-shared/courseware'
import { runImport, type RunImportOptions } from '../importers/run-import'
import { exportPptx } from '../exporters/pptx-export'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'
import { writeFileAtomic, isAtomicTemp } from './atomic-write'
import { decodeEdux, encodeEdux } from './edux-file'
import { MediaStore } from './media-store'

export interface OpenDocument {
  readonly docId: string
  path: string | null
  manifest: Manifest
  deck: Deck
  dirty: boolean
  /** Set when opened from a recovery copy; cleared once saved. */
  recovered: boolean
}

export interface CoursewareServiceDeps {
  storage: StorageService
  dataDir: string
  now?: () => Date
  generator?: string
  /** Autosave period; 0 turns the timer off (tests call autosaveNow()). */
  autosaveMs?: number
  /** Folder of template JSON files; defaults to resources/templates in the checkout. */
  templatesDir?: string
  /** Passed to every import (time and memory bounds, the worker script in a packaged build). */
  importOptions?: Pick<RunImportOptions, 'timeoutMs' | 'maxHeapMb' | 'workerFile'>
  /**
   * The host's PDF printer (Electron's printToPDF of the print view; hosts/electron/print-pdf.ts).
   * The browser host has none: there the print view opens the browser's own print dialog.
   */
  printPdf?: PdfPrinter
}

/** The deck, open in this service, as PDF bytes: slides one to a page, or A4 pages with the notes. */
export type PdfPrinter = (docId: string, opts: { withNotes: boolean }) => Promise<Uint8Array>

/** resources/templates beside the checkout (walks up from this file; works under tsx, vitest and a bundle in dist/). */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'templates')
    if (existsSync(candidate)) return candidate
    dir = dirname(dir)
  }
  return join(process.cwd(), 'resources', 'templates')
}

export class CoursewareService {
  readonly #storage: StorageService
  readonly #now: () => Date
  readonly #generator: string
  readonly #recoveryDir: string
  readonly media: MediaStore
  readonly #docs = new Map<string, OpenDocument>()
  readonly #timer: NodeJS.Timeout | undefined
  #autosaving: Promise<void> | null = null
  readonly #onProgress = new Emitter<CoursewareProgress>()
  readonly onProgress = this.#onProgress.event
  readonly #onOpenRequest = new Emitter<{ path: string }>()
  readonly onOpenRequest = this.#onOpenRequest.event
  readonly #openRequests: string[] = []
  readonly #templatesDir: string
  readonly #importOptions: CoursewareServiceDeps['importOptions']
  readonly #printPdf: PdfPrinter | undefined
  readonly #decksDir: string
  readonly #schoolTemplatesDir: string
  readonly #exportsDir: string

  constructor(deps: CoursewareServiceDeps) {
    this.#storage = deps.storage
    this.#now = deps.now ?? (() => new Date())
    this.#generator = deps.generator ?? 'ClassDeck'
    this.#recoveryDir = join(deps.dataDir, 'recovery')
    mkdirSync(this.#recoveryDir, { recursive: true })
    this.media = new MediaStore(join(deps.dataDir, 'media'))
    this.#templatesDir = deps.templatesDir ?? defaultTemplatesDir()
    this.#importOptions = deps.importOptions
    this.#printPdf = deps.printPdf
    this.#decksDir = join(deps.dataDir, 'decks')
    this.#schoolTemplatesDir = join(deps.dataDir, 'templates')
    this.#exportsDir = join(deps.dataDir, 'exports')
    this.#cleanTemps()
    const ms = deps.autosaveMs ?? 30_000
    if (ms > 0) {
      this.#timer = setInterval(() => void this.autosaveNow().catch(() => undefined), ms)
      this.#timer.unref()
    }
  }

  create(input: CreateDocument): DocumentView {
    const deck = input.template
      ? this.#fromTemplate(input.template, input.title, input.aspect)
      : createDeck(input.title, input.aspect ?? '16:9')
    const manifest = createManifest(deck, this.#now(), this.#generator, {
      curriculum: input.curriculum ?? {},
      original: input.original ?? true
    })
    return this.#adopt({ docId: deck.id, path: null, manifest, deck, dirty: true, recovered: false })
  }

  async open(path: string): Promise<DocumentView> {
    const file = resolve(path)
    const already = [...this.#docs.values()].find((d) => d.path === file)
    if (already) return view(already)
    const bytes = await readBytes(file)
    const content = decodeEdux(basename(file), bytes)
    await this.media.putAll(content.media)
    const doc: OpenDocument = {
      docId: content.deck.id,
      path: file,
      manifest: content.manifest,
      deck: content.deck,
      dirty: false,
      recovered: false
    }
    // An older format is upgraded in memory and written in the current one on the next save; it is
    // an unsaved change only when the upgrade changed the deck, not merely its version number.
    if (content.migrated) doc.dirty = true
    this.#touchRecent(file, doc.manifest, doc.deck)
    return this.#adopt(doc)
  }

  /**
   * Open an .edux the teacher picked or dropped in the window: it arrived as an upload (the page
   * cannot name a file on the teacher's disk), so it opens as a copy with no file of its own yet;
   * the first save puts it in `<data>/decks/`. The uploaded bytes are only read.
   */
  async openCopy(path: string, name = basename(path)): Promise<DocumentView> {
    const content = decodeEdux(name, await readBytes(resolve(path)))
    await this.media.putAll(content.media)
    return this.#adopt({
      docId: content.deck.id,
      path: null,
      manifest: content.manifest,
      deck: content.deck,
      dirty: content.migrated,
      recovered: false
    })
  }

  /**
   * Files the operating system asked us to open (a double-clicked .edux, the command line, macOS
   * open-file) before or while the window runs: kept until the window takes them.
   */
  requestOpen(path: string): void {
    const file = resolve(path)
    if (!this.#openRequests.includes(file)) this.#openRequests.push(file)
    this.#onOpenRequest.fire({ path: file })
  }

  takeOpenRequests(): string[] {
    return this.#openRequests.splice(0)
  }

  get(docId: string): DocumentView {
    return view(this.#doc(docId))
  }

  /** The editor's latest deck; it is autosaved, not written to the file until save. */
  update(docId: string, deck: Deck): DocumentView {
    const doc = this.#doc(docId)
    if (deck.id !== doc.deck.id) {
      throw new AppError(
        'CONFLICT',
        '课件编号不一致，无法更新。请重新打开该课件。',
        'The deck id does not match this document; reopen it.',
        { docId }
      )
    }
    doc.deck = deck
    doc.dirty = true
    return view(doc)
  }

  /**
   * Save where the deck came from; a deck without a file yet goes to `<data>/decks/<name>.edux`
   * (the title when no name is given), beside any file already there rather than over it.
   * Refuses to overwrite a file written by a newer ClassDeck. With `saveAs` it always writes a new
   * file there and the document is that file from then on.
   */
  async save(
    docId: string,
    opts: { name?: string; manifest?: MetaPatch; saveAs?: boolean } = {}
  ): Promise<DocumentView> {
    const doc = this.#doc(docId)
    const title = opts.manifest?.title ?? doc.deck.title
    // 另存为: a new file in `<data>/decks/`; the file it came from stays as it was.
    const target = (opts.saveAs ? null : doc.path) ?? unusedPath(this.#decksDir, opts.name ?? title, '.edux')
    if (existsSync(target)) await refuseIfNewer(target)
    const deck: Deck = { ...doc.deck, title }
    const manifest: Manifest = {
      ...doc.manifest,
      ...opts.manifest,
      formatVersion: EDUX_FORMAT_VERSION,
      generator: this.#generator,
      title,
      aspect: deck.aspect,
      slideCount: deck.slides.length,
      modifiedAt: this.#now().toISOString()
    }
    const media = await this.media.getAll(deckMedia(deck))
    await writeFileAtomic(target, encodeEdux({ manifest, deck, media }))
    doc.path = target
    doc.deck = deck
    doc.manifest = manifest
    doc.dirty = false
    doc.recovered = false
    this.#dropRecovery(deck.id)
    this.#touchRecent(target, manifest, deck)
    return view(doc)
  }

  /** Forget an open document. Its recovery copy goes too: the teacher chose to close it. */
  close(docId: string): void {
    this.#doc(docId)
    this.#docs.delete(docId)
    this.#dropRecovery(docId)
  }

  listRecent(limit = 50): RecentDocument[] {
    const rows = this.#storage.db
      .prepare(
        'SELECT path, deck_id, title, slide_count, manifest, modified_at, opened_at FROM courseware_documents ORDER BY opened_at DESC LIMIT ?'
      )
      .all(limit) as {
      path: string
      deck_id: string
      title: string
      slide_count: number
      manifest: string
      modified_at: string
      opened_at: string
    }[]
    const out: RecentDocument[] = []
    for (const r of rows) {
      const m = Manifest.safeParse(safeJson(r.manifest))
      if (!m.success) continue
      out.push({
        path: r.path,
        deckId: r.deck_id,
        title: r.title,
        slideCount: r.slide_count,
        manifest: m.data,
        modifiedAt: r.modified_at,
        openedAt: r.opened_at,
        exists: existsSync(r.path)
      })
    }
    return out
  }

  /** Write every unsaved document to its recovery copy. Runs every 30 s; one run at a time. */
  async autosaveNow(): Promise<void> {
    if (this.#autosaving) return this.#autosaving
    this.#autosaving = (async () => {
      for (const doc of [...this.#docs.values()]) {
        if (!doc.dirty) continue
        const deck = doc.deck
        const at = this.#now().toISOString()
        const manifest: Manifest = {
          ...doc.manifest,
          title: deck.title,
          aspect: deck.aspect,
          slideCount: deck.slides.length,
          modifiedAt: at,
          formatVersion: EDUX_FORMAT_VERSION
        }
        const file = join(this.#recoveryDir, safeFileName(deck.id, { extension: '.edux' }))
        const media = await this.media.getAll(deckMedia(deck))
        await writeFileAtomic(file, encodeEdux({ manifest, deck, media }))
        if (!this.#docs.has(doc.docId) || doc.deck !== deck) continue // closed or edited meanwhile: next round
        this.#storage.db
          .prepare(
            `INSERT INTO courseware_recovery(deck_id, path, title, recovery_file, autosaved_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(deck_id) DO UPDATE SET path = excluded.path, title = excluded.title, recovery_file = excluded.recovery_file, autosaved_at = excluded.autosaved_at`
          )
          .run(deck.id, doc.path, deck.title, file, at)
      }
    })().finally(() => {
      this.#autosaving = null
    })
    return this.#autosaving
  }

  /** Recovery copies left by a session that ended without saving (what to offer on start). */
  listRecovery(): RecoveryEntry[] {
    const rows = this.#storage.db
      .prepare(
        'SELECT deck_id, path, title, recovery_file, autosaved_at FROM courseware_recovery ORDER BY autosaved_at DESC'
      )
      .all() as {
      deck_id: string
      path: string | null
      title: string
      recovery_file: string
      autosaved_at: string
    }[]
    // One entry per deck, and per file: copies of one file (a deck saved under another name and
    // opened beside it) offer only their newest autosave, never two banners for one file.
    const files = new Set<string>()
    return rows
      .filter((r) => existsSync(r.recovery_file) && !this.#docs.has(r.deck_id))
      .filter((r) => (r.path ? !files.has(r.path) && !!files.add(r.path) : true))
      .map((r) => ({ deckId: r.deck_id, path: r.path, title: r.title, autosavedAt: r.autosaved_at }))
  }

  /** Open a recovery copy as an unsaved document bound to its original path. */
  async recover(deckId: string): Promise<DocumentView> {
    const row = this.#storage.db
      .prepare('SELECT path, recovery_file FROM courseware_recovery WHERE deck_id = ?')
      .get(deckId) as { path: string | null; recovery_file: string } | undefined
    if (!row || !existsSync(row.recovery_file)) {
      throw new AppError('NOT_FOUND', '没有找到这个课件的自动恢复副本。', 'No recovery copy was found for this deck.', {
        deckId
      })
    }
    const content = decodeEdux(basename(row.recovery_file), await readBytes(row.recovery_file))
    await this.media.putAll(content.media)
    return this.#adopt({
      docId: content.deck.id,
      path: row.path,
      manifest: content.manifest,
      deck: content.deck,
      dirty: true,
      recovered: true
    })
  }

  discardRecovery(deckId: string): void {
    this.#dropRecovery(deckId)
  }

  /** The templates that ship with ClassDeck, then the school's own (saved from decks, `school-…`). */
  listTemplates(): TemplateInfo[] {
    const read = (dir: string): TemplateInfo[] =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((n) => n.endsWith('.json'))
            .sort()
            .flatMap((n) => {
              const t = safeJson(readFileSync(join(dir, n), 'utf8')) as Partial<TemplateInfo> | null
              return t && typeof t.id === 'string' && typeof t.title === 'string'
                ? [{ id: t.id, title: t.title, description: String(t.description ?? '') }]
                : []
            })
        : []
    return [...read(this.#templatesDir), ...read(this.#schoolTemplatesDir)]
  }

  /**
   * 存为学校模板: the deck as it is now (title, slides, notes, media by hash) becomes a template in
   * `<data>/templates/`, offered beside the built-in ones for every new deck on this computer.
   */
  saveAsTemplate(docId: string, title: string): TemplateInfo {
    const doc = this.#doc(docId)
    const id = `school-${randomUUID().slice(0, 8)}`
    const info: TemplateInfo = {
      id,
      title,
      description: `由“${doc.deck.title}”保存的学校模板，${doc.deck.slides.length} 页。`
    }
    mkdirSync(this.#schoolTemplatesDir, { recursive: true })
    const deck: Deck = { ...doc.deck, id: `template-${id}`, title }
    writeFileSync(join(this.#schoolTemplatesDir, `${id}.json`), JSON.stringify({ ...info, deck }))
    return info
  }

  #fromTemplate(id: string, title: string, aspect?: Deck['aspect']): Deck {
    const name = `${id.replace(/[^a-z0-9-]/gi, '')}.json`
    const file = [join(this.#schoolTemplatesDir, name), join(this.#templatesDir, name)].find((f) => existsSync(f))
    const raw = file ? (safeJson(readFileSync(file, 'utf8')) as { deck?: unknown } | null) : null
    const found = Deck.safeParse(raw?.deck)
    if (!found.success)
      throw new AppError('NOT_FOUND', `找不到模板“${id}”。`, `Template "${id}" was not found.`, { id })
    // The aspect the teacher chose, not the template's: its slides are laid out again to that width.
    const parsed = aspect && aspect !== found.data.aspect ? { data: refitAspect(found.data, aspect) } : found
    // Fresh ids, so two decks made from one template never collide; in-deck links follow.
    const ids = new Map(parsed.data.slides.map((s) => [s.id, createId()]))
    const text = JSON.stringify({ ...parsed.data, id: createId(), title }).replace(
      /"(targetSlideId|linkSlideId|id)":"([^"]+)"/g,
      (m, k: string, v: string) => (ids.has(v) ? `"${k}":"${ids.get(v)}"` : m)
    )
    return Deck.parse(JSON.parse(text))
  }

  /** Import a PowerPoint or Word file in a worker, as a new unsaved document (nothing is stored until saved). */
  async importFile(
    path: string,
    opts: { splitHeadingLevel?: number; taskId?: string } = {}
  ): Promise<{ document: DocumentView; report: ImportReport }> {
    const file = resolve(path)
    const taskId = opts.taskId ?? randomUUID()
    const progress = (done: number, total: number, finished = false) =>
      this.#onProgress.fire({ taskId, file: basename(file), phase: 'import', done, total, finished })
    progress(0, 1)
    try {
      const result = await runImport(file, {
        ...this.#importOptions,
        ...(opts.splitHeadingLevel ? { splitHeadingLevel: opts.splitHeadingLevel } : {}),
        onProgress: (d, t) => progress(d, t)
      })
      await this.media.putAll(result.media)
      const manifest = createManifest(result.deck, this.#now(), this.#generator, { original: false })
      const document = this.#adopt({
        docId: result.deck.id,
        path: null,
        manifest,
        deck: result.deck,
        dirty: true,
        recovered: false
      })
      return { document, report: result.report }
    } finally {
      progress(1, 1, true)
    }
  }

  /**
   * Export an open document into `<data>/exports/<name>.pptx|.pdf` (the title when no name is
   * given), written atomically; a second export of the same name replaces the first. PDF needs
   * the host's printer.
   */
  async export(opts: ExportDocument): Promise<ExportResult> {
    const docId = opts.docId
    const doc = this.#doc(docId)
    const withNotes = opts.format === 'pdf' && opts.withNotes
    const printPdf = opts.format === 'pdf' ? this.#printer(docId) : null
    const title = opts.name ?? (withNotes ? `${doc.deck.title}（含备注）` : doc.deck.title)
    const fileName = safeFileName(title, { fallback: '课件', extension: opts.format === 'pdf' ? '.pdf' : '.pptx' })
    const target = join(this.#exportsDir, fileName)
    const taskId = randomUUID()
    this.#onProgress.fire({ taskId, file: fileName, phase: 'export', done: 0, total: 1, finished: false })
    try {
      if (printPdf) {
        await writeFileAtomic(target, await printPdf(docId, { withNotes }))
        return { path: target, fileName, approximations: [] }
      }
      const media = await this.media.getAll(deckMedia(doc.deck))
      const { bytes, approximations } = await exportPptx(
        doc.deck,
        media,
        doc.manifest.author ? { author: doc.manifest.author.name } : {}
      )
      await writeFileAtomic(target, bytes)
      return { path: target, fileName, approximations }
    } finally {
      this.#onProgress.fire({ taskId, file: fileName, phase: 'export', done: 1, total: 1, finished: true })
    }
  }

  #printer(docId: string): PdfPrinter {
    if (this.#printPdf) return this.#printPdf
    throw new AppError(
      'UNAVAILABLE',
      '这里不能直接写出 PDF：请在打印预览中选择“另存为 PDF”。',
      'PDF files cannot be written here; choose “Save as PDF” in the print preview.',
      { docId }
    )
  }

  async putMedia(bytes: Uint8Array, ext: MediaRef['ext']): Promise<MediaRef> {
    return this.media.put(bytes, ext)
  }

  dispose(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#docs.clear()
    this.#onProgress.dispose()
    this.#onOpenRequest.dispose()
  }

  /** Adopt a document whose media is already in the store (used by import). */
  adopt(doc: Omit<OpenDocument, 'docId'>): DocumentView {
    return this.#adopt({ ...doc, docId: doc.deck.id })
  }

  #adopt(doc: OpenDocument): DocumentView {
    if (this.#docs.has(doc.docId)) {
      throw new AppError('CONFLICT', '同一个课件已经打开。', 'This deck is already open.', { docId: doc.docId })
    }
    this.#docs.set(doc.docId, doc)
    return view(doc)
  }

  #doc(docId: string): OpenDocument {
    const d = this.#docs.get(docId)
    if (!d)
      throw new AppError('NOT_FOUND', '这个课件没有打开，请重新打开它。', 'This deck is not open; open it again.', {
        docId
      })
    return d
  }

  #dropRecovery(deckId: string): void {
    const row = this.#storage.db
      .prepare('SELECT recovery_file FROM courseware_recovery WHERE deck_id = ?')
      .get(deckId) as { recovery_file: string } | undefined
    if (row) rmSync(row.recovery_file, { force: true })
    this.#storage.db.prepare('DELETE FROM courseware_recovery WHERE deck_id = ?').run(deckId)
  }

  #touchRecent(path: string, manifest: Manifest, deck: Deck): void {
    this.#storage.db
      .prepare(
        `INSERT INTO courseware_documents(path, deck_id, title, slide_count, manifest, modified_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(path) DO UPDATE SET deck_id = excluded.deck_id, title = excluded.title, slide_count = excluded.slide_count,
           manifest = excluded.manifest, modified_at = excluded.modified_at, opened_at = excluded.opened_at`
      )
      .run(
        path,
        deck.id,
        deck.title,
        deck.slides.length,
        JSON.stringify(manifest),
        manifest.modifiedAt,
        this.#now().toISOString()
      )
  }

  #cleanTemps(): void {
    for (const name of readdirSync(this.#recoveryDir))
      if (isAtomicTemp(name)) rmSync(join(this.#recoveryDir, name), { force: true })
  }
}

/**
 * A deck laid out for the other aspect: slides are as tall (720 units) but 1280 or 960 wide, so
 * every element's left edge and width scale by the ratio of the widths; text keeps its size.
 */
export function refitAspect(deck: Deck, aspect: Deck['aspect']): Deck {
  const k = SLIDE_SIZE[aspect].width / SLIDE_SIZE[deck.aspect].width
  const r = (n: number) => Math.round(n * k * 100) / 100
  return {
    ...deck,
    aspect,
    slides: deck.slides.map((s) => ({
      ...s,
      elements: s.elements.map((e) => ({ ...e, x: r(e.x), w: r(e.w) }))
    }))
  }
}

function view(d: OpenDocument): DocumentView {
  return { docId: d.docId, path: d.path, manifest: d.manifest, deck: d.deck, dirty: d.dirty, recovered: d.recovered }
}

/** `<dir>/<name><ext>`, or `<name> (2)<ext>`… when a file of that name is already there. */
function unusedPath(dir: string, name: string, extension: `.${string}`): string {
  // Room for the counter, so a name cut to the byte limit still gets its " (2)".
  const maxBytes = MAX_FILE_NAME_BYTES - 8
  const first = join(dir, safeFileName(name, { fallback: '课件', extension, maxBytes }))
  if (!existsSync(first)) return first
  const stem = first.slice(0, -extension.length)
  for (let n = 2; ; n++) {
    const file = `${stem} (${n})${extension}`
    if (!existsSync(file)) return file
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new AppError(
        'NOT_FOUND',
        `找不到文件“${file}”。它可能已被移动或删除。`,
        `File "${file}" was not found; it may have been moved or deleted.`,
        { file }
      )
    throw new AppError(
      'UNAVAILABLE',
      `无法读取“${file}”（${code ?? (e as Error).message}）。请检查权限后重试。`,
      `Cannot read "${file}" (${code ?? (e as Error).message}); check permissions and try again.`,
      { file, code }
    )
  }
}

/** A save must never replace a file that a newer ClassDeck wrote: we could not keep what we cannot read. */
async function refuseIfNewer(target: string): Promise<void> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(target))
  } catch {
    return
  }
  try {
    decodeEdux(basename(target), bytes, { verifyMedia: false })
  } catch (e) {
    if (e instanceof AppError && e.code === 'FILE_TOO_NEW') {
      throw new AppError(
        'FILE_TOO_NEW',
        `不能覆盖“${basename(target)}”：它由更新版本的 ClassDeck 保存。请另存为新文件。`,
        `Will not overwrite "${basename(target)}": a newer ClassDeck saved it. Save under a new name.`,
        e.details
      )
    }
    // Anything else (damaged, not an .edux) is replaced by a whole, valid file.
  }
}
