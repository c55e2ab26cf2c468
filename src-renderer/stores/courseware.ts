/**
 * The open courseware document and the Prepare page's lists (recent files, templates, crash
 * recovery). The deck itself is edited in the editor store; this store sends it to the service
 * (debounced, so the service's 30-second autosave always has the latest) and saves, imports and
 * exports through the contract. It never builds a path on the teacher's machine: the service
 * decides where a first save and an export go, from the deck's title.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { DocumentView, RecentDocument, RecoveryEntry, TemplateInfo } from '../../src-shared/contract/courseware'
import type { ImportReport } from '../../src-shared/courseware/import-report'
import type { Manifest } from '../../src-shared/courseware/manifest'
import type { Aspect } from '../../src-shared/courseware/primitives'
import { AppError } from '../../src-shared/errors'
import { useTransport } from '../transport'
import { uploadForImport, uploadMedia, exportUrl } from '../transport/media'
import { printRoute } from '../../src-shared/print'
import { useEditorStore } from './editor'
import { isOpenable } from '../../src-shared/files/openable'

export interface Progress {
  /** The file's name (the page says what is happening to it, in the teacher's language). */
  label: string
  done: number
  total: number
  /** Counting pages (a PDF drawn here) rather than parts. */
  pages?: boolean
}

const PUSH_DELAY_MS = 1500

/** How a PDF export ends: a file to download (Electron prints it), or the print view to open (browser). */
export type PdfExport = { readonly download: string } | { readonly printView: string }

export const useCoursewareStore = defineStore('courseware', () => {
  const doc = shallowRef<DocumentView | null>(null)
  const recent = ref<RecentDocument[]>([])
  const templates = ref<TemplateInfo[]>([])
  const recovery = ref<RecoveryEntry[]>([])
  const report = shallowRef<ImportReport | null>(null)
  const progress = ref<Progress | null>(null)
  const saving = ref(false)
  const error = shallowRef<AppError | null>(null)
  const lastSavedAt = ref<string | null>(null)
  /** Files the system asked to open (a double-clicked .edux) while another deck was open. */
  const requested = ref<string[]>([])
  const editor = useEditorStore()
  let pushTimer: ReturnType<typeof setTimeout> | null = null
  let offProgress: (() => void) | null = null
  let offOpenRequest: (() => void) | null = null
  let host: Promise<'electron' | 'browser'> | null = null

  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = AppError.from(err)
      return null
    } finally {
      progress.value = null
    }
  }

  async function hydrate(): Promise<void> {
    const t = useTransport()
    offProgress ??= t.on('courseware:progress', (p) => {
      if (progress.value && !p.finished) progress.value = { label: progress.value.label, done: p.done, total: p.total }
    })
    offOpenRequest ??= t.on('courseware:open-requested', () => void takeOpenRequests())
    await run(async () => {
      const [r, tpl, rec] = await Promise.all([
        t.invoke('courseware:list', {}),
        t.invoke('courseware:templates', {}),
        t.invoke('courseware:recover-list', {})
      ])
      recent.value = r
      templates.value = tpl
      recovery.value = rec
    })
    await takeOpenRequests()
  }

  /** `unsaved`: what was loaded is in no file yet, so closing asks (recovered, imported). */
  function adopt(view: DocumentView, unsaved = view.dirty): void {
    doc.value = view
    editor.load(view.deck, { unsaved })
  }

  /** The files the system asked to open: the first opens now unless a deck is open; the rest wait. */
  async function takeOpenRequests(): Promise<void> {
    const paths = await useTransport()
      .invoke('courseware:take-open-requests', {})
      .catch(() => [] as string[])
    requested.value = [...requested.value, ...paths.filter((p) => !requested.value.includes(p))]
    const next = requested.value[0]
    if (next && !doc.value) {
      requested.value = requested.value.slice(1)
      await open(next)
    }
  }

  async function create(title: string, aspect: Aspect, template?: string): Promise<void> {
    const view = await run(() =>
      useTransport().invoke('courseware:create', { title, aspect, ...(template ? { template } : {}) })
    )
    // A new deck holds nothing to lose yet: closing it at once does not ask.
    if (view) adopt(view, false)
  }

  async function open(path: string): Promise<void> {
    progress.value = { label: path.split(/[\\/]/).pop() ?? path, done: 0, total: 0 }
    const view = await run(() => useTransport().invoke('courseware:open', { path }))
    if (view) adopt(view)
  }

  /**
   * A file picked or dropped in the window: an .edux is opened (as a copy: the page cannot name the
   * teacher's file), PowerPoint, Word and PDF are imported; anything else is refused by name.
   */
  async function openFile(file: File, splitHeadingLevel?: number): Promise<void> {
    if (!isOpenable(file.name)) {
      error.value = new AppError(
        'FILE_INVALID',
        `不能打开“${file.name}”：只能打开 ClassDeck 课件（.edux）、PowerPoint（.pptx、.pptm）、Word（.docx）和 PDF 文件。`,
        `Cannot open "${file.name}": only ClassDeck (.edux), PowerPoint (.pptx, .pptm), Word (.docx) and PDF files can be opened.`,
        { file: file.name }
      )
      return
    }
    if (!/\.edux$/i.test(file.name)) return importFile(file, splitHeadingLevel)
    progress.value = { label: file.name, done: 0, total: 0 }
    const view = await run(async () =>
      useTransport().invoke('courseware:open-copy', { path: await uploadForImport(file) })
    )
    if (view) adopt(view)
  }

  async function importFile(file: File, splitHeadingLevel?: number): Promise<void> {
    const taskId = `import-${Date.now()}`
    progress.value = { label: file.name, done: 0, total: 0 }
    const res = await run(async () => {
      // PDF pages are drawn by pdf.js in this window (it needs a canvas), not by the service.
      if (/\.pdf$/i.test(file.name)) {
        const { importPdf } = await import('../features/prepare/pdf-import')
        const onProgress = (done: number, total: number) =>
          (progress.value = { label: file.name, done, total, pages: true })
        return importPdf(file, { transport: useTransport(), upload: uploadMedia, onProgress })
      }
      const path = await uploadForImport(file)
      return useTransport().invoke('courseware:import', {
        path,
        taskId,
        ...(splitHeadingLevel ? { splitHeadingLevel } : {})
      })
    })
    if (res) {
      // An import is in no file yet: closing it asks, as closing unsaved work does.
      adopt(res.document, true)
      report.value = res.report
    }
  }

  /** Sends the edited deck to the service now (it validates it and keeps it for autosave). */
  async function push(): Promise<boolean> {
    if (pushTimer) clearTimeout(pushTimer)
    pushTimer = null
    const d = doc.value
    const deck = editor.deck
    if (!d || !deck) return false
    const res = await run(() => useTransport().invoke('courseware:update', { docId: d.docId, deck }))
    return res !== null
  }

  watch(
    () => editor.version,
    () => {
      if (!doc.value || editor.version === 0) return
      if (pushTimer) clearTimeout(pushTimer)
      pushTimer = setTimeout(() => void push(), PUSH_DELAY_MS)
    }
  )

  /** Title, chapter, author and 【原创】 live in the manifest; they are written with the next save, which happens now. */
  async function saveMeta(
    meta: Partial<Pick<Manifest, 'title' | 'curriculum' | 'author' | 'original'>>
  ): Promise<boolean> {
    const d = doc.value
    if (!d) return false
    if (meta.title && editor.deck && meta.title !== editor.deck.title) {
      const title = meta.title
      editor.apply((deck) => ({ ...deck, title }), '课件标题')
    }
    doc.value = { ...d, manifest: { ...d.manifest, ...meta } }
    return save(meta)
  }

  async function save(
    meta?: Partial<Pick<Manifest, 'title' | 'curriculum' | 'author' | 'original'>>,
    as?: { name?: string }
  ): Promise<boolean> {
    const d = doc.value
    if (!d || saving.value) return false
    saving.value = true
    const sent = editor.deck
    try {
      if (!(await push())) return false
      const res = await run(() =>
        useTransport().invoke('courseware:save', {
          docId: d.docId,
          ...(meta ? { manifest: meta } : {}),
          ...(as ? { saveAs: true, ...(as.name ? { name: as.name } : {}) } : {})
        })
      )
      if (!res) return false
      doc.value = { ...d, path: res.path, manifest: res.manifest, dirty: false, recovered: false }
      editor.markSaved(sent)
      lastSavedAt.value = res.manifest.modifiedAt
      return true
    } finally {
      saving.value = false
    }
  }

  /** Which host serves this window; asked once (it cannot change while the page lives). */
  async function hostKind(): Promise<'electron' | 'browser'> {
    host ??= useTransport()
      .invoke('system:info', {})
      .then((i) => i.host)
    try {
      return await host
    } catch (err) {
      host = null
      throw err
    }
  }

  /** Exports a PPTX into the data folder's exports and returns the URL to download it from. */
  async function exportPptx(): Promise<string | null> {
    const d = doc.value
    if (!d || !(await push())) return null
    progress.value = { label: `${editor.deck?.title ?? d.manifest.title}.pptx`, done: 0, total: 0 }
    const res = await run(() => useTransport().invoke('courseware:export', { docId: d.docId, format: 'pptx' }))
    return res ? exportUrl(res.fileName) : null
  }

  /**
   * PDF, after the latest deck is pushed: Electron's printer writes the file into the exports
   * (its download URL comes back); a browser host has no printer, so the caller opens the print
   * view, which opens the browser's print dialog (“Save as PDF”).
   */
  async function exportPdf(withNotes: boolean): Promise<PdfExport | null> {
    const d = doc.value
    if (!d || !(await push())) return null
    const kind = await run(hostKind)
    if (!kind) return null
    if (kind === 'browser') return { printView: printRoute(d.docId, { notes: withNotes, auto: true }) }
    progress.value = { label: `${editor.deck?.title ?? d.manifest.title}.pdf`, done: 0, total: 0 }
    const res = await run(() =>
      useTransport().invoke('courseware:export', { docId: d.docId, format: 'pdf', withNotes })
    )
    return res ? { download: exportUrl(res.fileName) } : null
  }

  /** 存为学校模板: the deck as it is now, offered as a template for new decks from then on. */
  async function saveAsTemplate(title: string): Promise<boolean> {
    const d = doc.value
    if (!d || !(await push())) return false
    const info = await run(() =>
      useTransport().invoke('courseware:save-template', { docId: d.docId, title: title.trim() })
    )
    if (!info) return false
    templates.value = [...templates.value, info]
    return true
  }

  /** 另存为: a new file under `name` (the title when empty); the deck goes on in that file. */
  function saveAs(name: string): Promise<boolean> {
    const n = name.trim()
    return save(undefined, n ? { name: n } : {})
  }

  async function recover(deckId: string): Promise<void> {
    const view = await run(() => useTransport().invoke('courseware:recover', { deckId }))
    if (view) {
      // What a crash left is not in the file: it stays unsaved until saved, and closing asks.
      adopt(view, true)
      recovery.value = recovery.value.filter((r) => r.deckId !== deckId)
    }
  }

  async function discardRecovery(deckId: string): Promise<void> {
    await run(() => useTransport().invoke('courseware:discard-recovery', { deckId }))
    recovery.value = recovery.value.filter((r) => r.deckId !== deckId)
  }

  async function close(): Promise<void> {
    const d = doc.value
    if (pushTimer) clearTimeout(pushTimer)
    pushTimer = null
    doc.value = null
    editor.reset()
    report.value = null
    if (d) await run(() => useTransport().invoke('courseware:close', { docId: d.docId }))
    await hydrate()
  }

  function reset(): void {
    offProgress?.()
    offProgress = null
    offOpenRequest?.()
    offOpenRequest = null
    requested.value = []
    host = null
    doc.value = null
  }

  return {
    doc,
    recent,
    templates,
    recovery,
    report,
    progress,
    saving,
    error,
    lastSavedAt,
    requested,
    hydrate,
    create,
    open,
    openFile,
    takeOpenRequests,
    importFile,
    push,
    save,
    saveAs,
    saveAsTemplate,
    saveMeta,
    exportPptx,
    exportPdf,
    recover,
    discardRecovery,
    close,
    reset
  }
})
