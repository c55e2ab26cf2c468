/**
 * A chapter path (学段/学科/版本/册/章节) as the ten columns library_resources and question_bank
 * both store it in: one place for the column list, writing, and reading back.
 */
import { CHAPTER_LEVELS, type ChapterPath } from '../../../src-shared/library/resource'

export interface ChapterColumns {
  stage_id: string | null
  stage_name: string | null
  subject_id: string | null
  subject_name: string | null
  edition_id: string | null
  edition_name: string | null
  volume_id: string | null
  volume_name: string | null
  chapter_id: string | null
  chapter_name: string | null
}

/** The column names in the order chapterValues() gives the values. */
export const CHAPTER_COLUMN_NAMES: readonly (keyof ChapterColumns)[] = CHAPTER_LEVELS.flatMap(
  (l) => [`${l}_id`, `${l}_name`] as const
)

export function chapterValues(c: ChapterPath): (string | null)[] {
  return CHAPTER_LEVELS.flatMap((l) => [c[l]?.id ?? null, c[l]?.name ?? null])
}

export function chapterFromColumns(r: ChapterColumns): ChapterPath {
  const chapter: ChapterPath = {}
  for (const l of CHAPTER_LEVELS) {
    const id = r[`${l}_id`]
    if (id !== null) chapter[l] = { id, name: r[`${l}_name`] ?? id }
  }
  return chapter
}
