/**
 * The library (资源库) and question bank (题库): add files, file them on the catalogue, browse,
 * search full text, share; keep questions apart from decks and import them from Word.
 */
import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { COURSEWARE_KINDS, type QuestionKind } from '../courseware/question'
import {
  BankQuestion,
  ChapterPath,
  Difficulty,
  LibraryResource,
  OpenLessonLevel,
  ResourceFormat,
  ResourceType,
  Tags
} from '../library'

const Id = z.string().min(1).max(120)
/** A local file path as the Electron host hands it over (drag-and-drop or the file picker). */
const FilePath = z.string().min(1).max(4096)
/** A Word file of questions inline as base64; it must fit one call frame (MAX_FRAME_BYTES). Files go over HTTP. */
const MAX_BASE64 = 6 * 1024 * 1024

const ResourceMetaInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    type: ResourceType.optional(),
    chapter: ChapterPath.optional(),
    tags: Tags.optional(),
    original: z.boolean().optional(),
    openLessonLevel: OpenLessonLevel.nullable().optional()
  })
  .strict()
export type ResourceMetaInput = z.infer<typeof ResourceMetaInput>

export const LibraryAdd = ResourceMetaInput.extend({ path: FilePath }).strict()
export type LibraryAdd = z.infer<typeof LibraryAdd>

export const LibraryAddResult = z.object({
  resource: LibraryResource,
  /** True when the same content was already in the library: nothing new was stored. */
  duplicate: z.boolean()
})
export type LibraryAddResult = z.infer<typeof LibraryAddResult>

/** A platform resource (from sync:search-resources) to download, verify and file in the library. */
export const LibraryAddFromPlatform = z.object({ resourceId: z.string().min(1).max(64) }).strict()
export type LibraryAddFromPlatform = z.infer<typeof LibraryAddFromPlatform>

/** A place on the tree: every id given must match (a volume's id selects the whole volume). */
export const ChapterFilter = z
  .object({
    stageId: Id.optional(),
    subjectId: Id.optional(),
    editionId: Id.optional(),
    volumeId: Id.optional(),
    chapterId: Id.optional(),
    /** Only resources not yet filed on any chapter. */
    unfiled: z.boolean().optional()
  })
  .strict()
export type ChapterFilter = z.infer<typeof ChapterFilter>

const ResourceFilter = {
  types: z.array(ResourceType).max(7).optional(),
  formats: z.array(ResourceFormat).max(8).optional(),
  original: z.boolean().optional(),
  openLessonLevel: OpenLessonLevel.optional(),
  chapter: ChapterFilter.optional()
}
const Page = {
  limit: z.number().int().min(1).max(200).default(30),
  offset: z.number().int().nonnegative().max(1_000_000).default(0)
}

export const LibrarySearch = z.object({ q: z.string().max(1000), ...ResourceFilter, ...Page }).strict()
export type LibrarySearch = z.input<typeof LibrarySearch>
export const LibraryBrowse = z
  .object({ ...ResourceFilter, ...Page, sort: z.enum(['updated', 'title', 'created']).default('updated') })
  .strict()
export type LibraryBrowse = z.input<typeof LibraryBrowse>

export const SearchHit = LibraryResource.extend({
  /** The query matched the title (such hits come first). */
  titleMatch: z.boolean(),
  /** A short passage of the text inside the file around the first match, if the body matched. */
  snippet: z.string().nullable()
})
export type SearchHit = z.infer<typeof SearchHit>

export const LibrarySearchResult = z.object({
  items: z.array(SearchHit),
  total: z.number().int().nonnegative(),
  /** The terms searched for after normalising; empty when the query held nothing searchable. */
  terms: z.array(z.string())
})
export type LibrarySearchResult = z.infer<typeof LibrarySearchResult>

export const LibraryPage = z.object({ items: z.array(LibraryResource), total: z.number().int().nonnegative() })
export type LibraryPage = z.infer<typeof LibraryPage>

export const TreeNode = z.object({
  /** Ids from the stage down to this node joined by '/': unique and stable. */
  key: z.string(),
  parentKey: z.string().nullable(),
  level: z.enum(['stage', 'subject', 'edition', 'volume', 'chapter']),
  id: z.string(),
  name: z.string(),
  /** Resources on this node and everything under it. */
  count: z.number().int().nonnegative()
})
export type TreeNode = z.infer<typeof TreeNode>
export const LibraryTree = z.object({
  nodes: z.array(TreeNode),
  unfiled: z.number().int().nonnegative(),
  total: z.number().int().nonnegative()
})
export type LibraryTree = z.infer<typeof LibraryTree>

export const LibraryUpdate = z
  .object({
    id: Id,
    patch: ResourceMetaInput.extend({ thumbnail: z.string().max(500).nullable().optional() }).strict()
  })
  .strict()
export type LibraryUpdate = z.infer<typeof LibraryUpdate>

export const LibraryShare = z.object({ id: Id, public: z.boolean().default(true) }).strict()

const IdRef = z.object({ id: Id }).strict()

// ---- question bank --------------------------------------------------------------------------
export const BankFilter = z
  .object({
    chapter: ChapterFilter.optional(),
    kinds: z
      .array(z.enum(COURSEWARE_KINDS as [QuestionKind, ...QuestionKind[]]))
      .max(COURSEWARE_KINDS.length)
      .optional(),
    difficulty: z.array(Difficulty).max(5).optional(),
    /** Words in the stem (a plain substring match; the bank is small). */
    q: z.string().max(200).optional(),
    ...Page
  })
  .strict()
export type BankFilter = z.input<typeof BankFilter>

export const BankPage = z.object({ items: z.array(BankQuestion), total: z.number().int().nonnegative() })
export type BankPage = z.infer<typeof BankPage>

const ImportDefaults = {
  chapter: ChapterPath.optional(),
  difficulty: Difficulty.optional(),
  tags: Tags.optional()
}
export const BankImportWord = z.union([
  z.object({ path: FilePath, ...ImportDefaults }).strict(),
  z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(MAX_BASE64), ...ImportDefaults }).strict()
])
export type BankImportWord = z.infer<typeof BankImportWord>

export const BankImportProblem = z.object({
  number: z.number().int().nullable(),
  line: z.number().int(),
  message: z.string(),
  messageEn: z.string()
})
export const BankImportResult = z.object({
  added: z.array(BankQuestion),
  /** Questions the file held that could not be read, each with what to fix. */
  problems: z.array(BankImportProblem)
})
export type BankImportResult = z.infer<typeof BankImportResult>

export const libraryCalls = {
  add: defineCall('library:add', LibraryAdd, LibraryAddResult),
  /**
   * Downloads a platform resource, verifies its sha256, and files it under the platform's type and
   * chapter (sync state 'downloaded'). All or nothing: a file that fails its check, or cannot be
   * filed, leaves neither a library entry nor a file behind.
   */
  addFromPlatform: defineCall('library:add-from-platform', LibraryAddFromPlatform, LibraryAddResult),
  search: defineCall('library:search', LibrarySearch, LibrarySearchResult),
  browse: defineCall('library:browse', LibraryBrowse, LibraryPage),
  tree: defineCall('library:tree', z.object({}).strict(), LibraryTree),
  update: defineCall('library:update', LibraryUpdate, LibraryResource),
  remove: defineCall('library:remove', IdRef, z.object({ removed: z.literal(true) })),
  /** Queue for upload to the platform under its shared title (【原创】…). */
  share: defineCall('library:share', LibraryShare, LibraryResource)
} as const

export const questionBankCalls = {
  list: defineCall('question-bank:list', BankFilter, BankPage),
  remove: defineCall('question-bank:remove', IdRef, z.object({ removed: z.literal(true) })),
  importWord: defineCall('question-bank:import-word', BankImportWord, BankImportResult)
} as const

export const LibraryChange = z.object({
  id: z.string(),
  change: z.enum(['added', 'updated', 'removed', 'shared'])
})
export type LibraryChange = z.infer<typeof LibraryChange>

export const LibraryDownloadProgress = z.object({
  resourceId: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative()
})
export type LibraryDownloadProgress = z.infer<typeof LibraryDownloadProgress>

export const libraryEvents = {
  changed: defineEvent('library:changed', LibraryChange),
  /** Bytes of a library:add-from-platform download so far (a few times a second at most). */
  downloadProgress: defineEvent('library:download-progress', LibraryDownloadProgress)
} as const

export const questionBankEvents = {
  changed: defineEvent(
    'question-bank:changed',
    z.object({ ids: z.array(z.string()), change: z.enum(['added', 'removed']) })
  )
} as const
