/**
 * A library resource (资源): what a teacher has, hung on the textbook catalogue. The type names are
 * the platform's own (教案 课件 微课 素材 试卷 习题) plus 其他 for what fits none of them.
 */
import { z } from 'zod'
import { Curriculum } from '../courseware/manifest'

export const ResourceType = z.enum(['教案', '课件', '微课', '素材', '试卷', '习题', '其他'])
export type ResourceType = z.infer<typeof ResourceType>

export const ResourceFormat = z.enum(['word', 'ppt', 'pdf', 'edux', 'video', 'audio', 'image', 'other'])
export type ResourceFormat = z.infer<typeof ResourceFormat>

/** 公开课 level; shown as 【校级公开课】 etc. in front of a shared title. */
export const OpenLessonLevel = z.enum(['校级', '区县级', '市级'])
export type OpenLessonLevel = z.infer<typeof OpenLessonLevel>

/** Whether the text inside the file is in the search index, and if not, why. */
export const TextState = z.enum([
  'extracted', // body holds the file's text
  'not-extracted', // a text-bearing format whose importer is not available: only title and tags are searchable
  'failed', // the importer refused the file (details in text_error)
  'none' // the format carries no text (video, audio, image)
])
export type TextState = z.infer<typeof TextState>

export const SyncState = z.enum(['local', 'queued', 'synced', 'failed', 'downloaded'])
export type SyncState = z.infer<typeof SyncState>

/** Where a resource hangs: 学段 / 学科 / 版本 / 册 / 章节, the same path a deck's manifest carries. */
export const ChapterPath = Curriculum
export type ChapterPath = z.infer<typeof ChapterPath>
export const CHAPTER_LEVELS = ['stage', 'subject', 'edition', 'volume', 'chapter'] as const
export type ChapterLevel = (typeof CHAPTER_LEVELS)[number]

const Tag = z.string().trim().min(1).max(40)
export const Tags = z.array(Tag).max(30)

export const LibraryResource = z.object({
  id: z.string(),
  title: z.string(),
  /** The title as the platform shows it when shared: 【原创】 and 【…公开课】 in front. */
  sharedTitle: z.string(),
  type: ResourceType,
  format: ResourceFormat,
  chapter: ChapterPath,
  tags: z.array(z.string()),
  original: z.boolean(),
  openLessonLevel: OpenLessonLevel.nullable(),
  /** Path of the stored file relative to the library folder (content-addressed). */
  file: z.string(),
  fileName: z.string(),
  thumbnail: z.string().nullable(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  textState: TextState,
  syncState: SyncState,
  remoteId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type LibraryResource = z.infer<typeof LibraryResource>

const FORMAT_BY_EXT: Record<string, ResourceFormat> = {
  doc: 'word',
  docx: 'word',
  ppt: 'ppt',
  pptx: 'ppt',
  pdf: 'pdf',
  edux: 'edux',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  m4v: 'video',
  avi: 'video',
  flv: 'video',
  mkv: 'video',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  ogg: 'audio',
  aac: 'audio',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  svg: 'image'
}

export function formatOfFileName(name: string): ResourceFormat {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  return FORMAT_BY_EXT[ext] ?? 'other'
}

/** A sensible type for a new file before the teacher chooses: courseware, micro-lecture, material … */
export function defaultTypeFor(format: ResourceFormat): ResourceType {
  switch (format) {
    case 'ppt':
    case 'edux':
      return '课件'
    case 'word':
      return '教案'
    case 'video':
      return '微课'
    case 'image':
    case 'audio':
      return '素材'
    default:
      return '其他'
  }
}

const PREFIX_ORIGINAL = '【原创】'
const prefixOfLevel = (l: OpenLessonLevel): string => `【${l}公开课】`

/** Strips any prefixes the teacher typed themselves, so they are never doubled. */
export function bareTitle(title: string): string {
  let t = title.trim()
  for (;;) {
    const m = /^【(原创|校级公开课|区县级公开课|市级公开课|省级公开课)】\s*/.exec(t)
    if (!m) return t
    t = t.slice(m[0].length)
  }
}

/** 【原创】【校级公开课】勾股定理 — the order the platforms' notices use. */
export function sharedTitleOf(title: string, original: boolean, level: OpenLessonLevel | null): string {
  return `${original ? PREFIX_ORIGINAL : ''}${level ? prefixOfLevel(level) : ''}${bareTitle(title)}`
}
