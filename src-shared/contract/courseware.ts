/**
 * Prepare (备课): courseware documents, import, export, autosave recovery and media.
 * The renderer edits a deck locally and sends it whole with `courseware:update` (autosaved every
 * 30 s) and `courseware:save`; media travels separately, over HTTP by content hash
 * (`/media`, src-main/hosts/media-files.ts).
 */
import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { Aspect, Curriculum, Deck, ImportReport, Approximation, Manifest, Id } from '../courseware'

export const DocumentView = z.object({
  docId: Id,
  /** Where it is saved; null until the first save (new, imported or templated decks). */
  path: z.string().nullable(),
  manifest: Manifest,
  deck: Deck,
  dirty: z.boolean(),
  /** Opened from an autosave copy after a crash. */
  recovered: z.boolean()
})
export type DocumentView = z.infer<typeof DocumentView>

export const RecentDocument = z.object({
  path: z.string(),
  deckId: z.string(),
  title: z.string(),
  slideCount: z.number().int(),
  manifest: Manifest,
  modifiedAt: z.string(),
  openedAt: z.string(),
  /** False when the file has been moved or deleted since. */
  exists: z.boolean()
})
export type RecentDocument = z.infer<typeof RecentDocument>

export const RecoveryEntry = z.object({
  deckId: z.string(),
  path: z.string().nullable(),
  title: z.string(),
  autosavedAt: z.string()
})
export type RecoveryEntry = z.infer<typeof RecoveryEntry>

export const TemplateInfo = z.object({ id: z.string(), title: z.string(), description: z.string() })
export type TemplateInfo = z.infer<typeof TemplateInfo>

const filePath = z.string().min(1).max(4096)
const docRef = z.object({ docId: Id }).strict()
export const MetaPatch = Manifest.pick({ title: true, curriculum: true, author: true, original: true })
  .partial()
  .strict()
export type MetaPatch = z.infer<typeof MetaPatch>

/**
 * A name for a file the service writes (a deck's first save, an export): a title, never a path.
 * The service makes it a safe file name in its own folder (`<data>/decks/`, `<data>/exports/`);
 * the deck's title is used when it is left out.
 */
const FileTitle = z.string().trim().min(1).max(200)

export const CreateDocument = z
  .object({
    title: z.string().min(1).max(500),
    aspect: Aspect.optional(),
    curriculum: Curriculum.optional(),
    original: z.boolean().optional(),
    /** A template id from courseware:templates. */
    template: z.string().max(100).optional()
  })
  .strict()
export type CreateDocument = z.infer<typeof CreateDocument>

export const SaveDocument = z
  .object({
    docId: Id,
    /** Only for a deck without a file yet: the name to save it under in `<data>/decks/`. */
    name: FileTitle.optional(),
    manifest: MetaPatch.optional(),
    /** 另存为: always a new file in `<data>/decks/` (named `name`, else the title); the deck is that file from then on. */
    saveAs: z.boolean().optional()
  })
  .strict()
export type SaveDocument = z.infer<typeof SaveDocument>

export const ImportDocument = z
  .object({
    path: filePath,
    /** Word only: also split the lesson plan into slides at this heading level. */
    splitHeadingLevel: z.number().int().min(1).max(6).optional(),
    /** Echoed in courseware:progress events so the caller can match its progress bar. */
    taskId: z.string().max(100).optional()
  })
  .strict()
export type ImportDocument = z.infer<typeof ImportDocument>

/**
 * PowerPoint, or PDF (slides, or A4 pages with the notes). PDF is written by the Electron host's
 * printer; the browser host has none and prints from the print view instead (the browser's own
 * “Save as PDF”), so there this call answers UNAVAILABLE.
 */
export const ExportDocument = z.discriminatedUnion('format', [
  z.object({ docId: Id, format: z.literal('pptx'), name: FileTitle.optional() }).strict(),
  z.object({ docId: Id, format: z.literal('pdf'), withNotes: z.boolean(), name: FileTitle.optional() }).strict()
])
export type ExportDocument = z.infer<typeof ExportDocument>

export const ExportResult = z.object({
  path: z.string(),
  /** The file's name in `<data>/exports/`, to download it from `/exports/<fileName>`. */
  fileName: z.string(),
  approximations: z.array(Approximation)
})
export type ExportResult = z.infer<typeof ExportResult>

export const CoursewareProgress = z.object({
  taskId: z.string(),
  file: z.string(),
  phase: z.enum(['import', 'export']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  finished: z.boolean()
})
export type CoursewareProgress = z.infer<typeof CoursewareProgress>

export const coursewareCalls = {
  create: defineCall('courseware:create', CreateDocument, DocumentView),
  templates: defineCall('courseware:templates', z.object({}).strict(), z.array(TemplateInfo)),
  /** 存为学校模板: the open deck becomes a template named `title`, listed by courseware:templates from then on. */
  saveTemplate: defineCall(
    'courseware:save-template',
    z.object({ docId: Id, title: FileTitle }).strict(),
    TemplateInfo
  ),
  open: defineCall('courseware:open', z.object({ path: filePath }).strict(), DocumentView),
  /** An .edux the teacher picked or dropped (uploaded to `<data>/incoming/`): opened as a copy not yet saved anywhere. */
  openCopy: defineCall('courseware:open-copy', z.object({ path: filePath }).strict(), DocumentView),
  /** Files the system asked to open (double-click, command line) that the window has not taken yet. */
  takeOpenRequests: defineCall('courseware:take-open-requests', z.object({}).strict(), z.array(z.string())),
  get: defineCall('courseware:get', docRef, DocumentView),
  update: defineCall(
    'courseware:update',
    z.object({ docId: Id, deck: Deck }).strict(),
    z.object({ docId: Id, dirty: z.boolean() })
  ),
  save: defineCall('courseware:save', SaveDocument, z.object({ docId: Id, path: z.string(), manifest: Manifest })),
  close: defineCall('courseware:close', docRef, z.object({ closed: z.literal(true) })),
  list: defineCall(
    'courseware:list',
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(RecentDocument)
  ),
  recoverList: defineCall('courseware:recover-list', z.object({}).strict(), z.array(RecoveryEntry)),
  recover: defineCall('courseware:recover', z.object({ deckId: Id }).strict(), DocumentView),
  discardRecovery: defineCall(
    'courseware:discard-recovery',
    z.object({ deckId: Id }).strict(),
    z.object({ discarded: z.literal(true) })
  ),
  import: defineCall('courseware:import', ImportDocument, z.object({ document: DocumentView, report: ImportReport })),
  export: defineCall('courseware:export', ExportDocument, ExportResult)
} as const

export const coursewareEvents = {
  progress: defineEvent('courseware:progress', CoursewareProgress),
  /** The system asked to open a file; the window takes it with courseware:take-open-requests. */
  openRequested: defineEvent('courseware:open-requested', z.object({ path: z.string() }))
} as const
