/** SQL for library resources and their two search indexes. Every write keeps the indexes in step. */
import type { Database } from 'better-sqlite3'
import {
  bigramTokens,
  normaliseSearchText,
  sharedTitleOf,
  type ChapterPath,
  type LibraryResource,
  type OpenLessonLevel,
  type ResourceFormat,
  type ResourceType,
  type SyncState,
  type TextState
} from '../../../src-shared/library'
import type { ChapterFilter } from '../../../src-shared/contract/library'
import { CHAPTER_COLUMN_NAMES, chapterFromColumns, chapterValues, type ChapterColumns } from './chapter-columns'

export interface ResourceRow extends ChapterColumns {
  seq: number
  id: string
  title: string
  type: ResourceType
  format: ResourceFormat
  tags: string
  original: 0 | 1
  open_level: OpenLessonLevel | null
  file: string
  file_name: string
  thumbnail: string | null
  size: number
  sha256: string
  text_state: TextState
  text_error: string | null
  sync_state: SyncState
  remote_id: string | null
  shared_at: string | null
  created_at: string
  updated_at: string
}

/**
 * Every column of a resource (its text lives in library_bodies), on alias `r`.
 * The sync state of a shared resource is read from its outbox row, so the sync worker's
 * progress shows here without the worker knowing about the library.
 */
export const ROW_COLUMNS = `r.seq, r.id, r.title, r.type, r.format, r.stage_id, r.stage_name, r.subject_id, r.subject_name,
  r.edition_id, r.edition_name, r.volume_id, r.volume_name, r.chapter_id, r.chapter_name, r.tags, r.original,
  r.open_level, r.file, r.file_name, r.thumbnail, r.size, r.sha256, r.text_state, r.text_error,
  COALESCE((SELECT CASE o.state WHEN 'sent' THEN 'synced' WHEN 'failed' THEN 'failed' ELSE 'queued' END
            FROM outbox o WHERE o.kind = 'resource-upload' AND o.entity_id = r.id ORDER BY o.id DESC LIMIT 1),
           r.sync_state) AS sync_state,
  r.remote_id, r.shared_at, r.created_at, r.updated_at`

export interface NewResource {
  id: string
  title: string
  type: ResourceType
  format: ResourceFormat
  chapter: ChapterPath
  tags: string[]
  original: boolean
  openLessonLevel: OpenLessonLevel | null
  file: string
  fileName: string
  thumbnail: string | null
  size: number
  sha256: string
  body: string
  textState: TextState
  textNote: string | null
  syncState: SyncState
  /** The platform's id for a resource that came down from it. */
  remoteId?: string | null
  at: string
}

export function insertResource(db: Database, r: NewResource): number {
  const info = db
    .prepare(
      `INSERT INTO library_resources(id, title, title_norm, type, format,
         stage_id, stage_name, subject_id, subject_name, edition_id, edition_name, volume_id, volume_name, chapter_id, chapter_name,
         tags, tags_norm, original, open_level, file, file_name, thumbnail, size, sha256, text_state, text_error,
         sync_state, remote_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      r.id,
      r.title,
      normaliseSearchText(r.title),
      r.type,
      r.format,
      ...chapterValues(r.chapter),
      JSON.stringify(r.tags),
      normaliseSearchText(r.tags.join(' ')),
      r.original ? 1 : 0,
      r.openLessonLevel,
      r.file,
      r.fileName,
      r.thumbnail,
      r.size,
      r.sha256,
      r.textState,
      r.textNote,
      r.syncState,
      r.remoteId ?? null,
      r.at,
      r.at
    )
  const seq = Number(info.lastInsertRowid)
  if (r.body !== '') db.prepare('INSERT INTO library_bodies(seq, body) VALUES (?, ?)').run(seq, r.body)
  indexResource(db, seq, r.title, r.tags, r.body)
  return seq
}

/** (Re)writes a resource's entries in both indexes. */
export function indexResource(db: Database, seq: number, title: string, tags: readonly string[], body: string): void {
  unindexResource(db, seq)
  const t = normaliseSearchText(title)
  const g = normaliseSearchText(tags.join(' '))
  const b = normaliseSearchText(body)
  db.prepare('INSERT INTO library_fts_tri(rowid, title, tags, body) VALUES (?, ?, ?, ?)').run(seq, t, g, b)
  db.prepare('INSERT INTO library_fts_bi(rowid, title, tags, body) VALUES (?, ?, ?, ?)').run(
    seq,
    bigramTokens(t),
    bigramTokens(g),
    bigramTokens(b)
  )
}

export function unindexResource(db: Database, seq: number): void {
  db.prepare('DELETE FROM library_fts_tri WHERE rowid = ?').run(seq)
  db.prepare('DELETE FROM library_fts_bi WHERE rowid = ?').run(seq)
}

export function getRow(db: Database, id: string): ResourceRow | undefined {
  return db.prepare(`SELECT ${ROW_COLUMNS} FROM library_resources r WHERE r.id = ?`).get(id) as ResourceRow | undefined
}

export function getRowBySha(db: Database, sha256: string): ResourceRow | undefined {
  return db.prepare(`SELECT ${ROW_COLUMNS} FROM library_resources r WHERE r.sha256 = ?`).get(sha256) as
    ResourceRow | undefined
}

export function bodyOf(db: Database, id: string): string {
  const r = db
    .prepare('SELECT b.body FROM library_resources r JOIN library_bodies b ON b.seq = r.seq WHERE r.id = ?')
    .get(id) as { body: string } | undefined
  return r?.body ?? ''
}

export interface ResourcePatch {
  title?: string
  type?: ResourceType
  chapter?: ChapterPath
  tags?: string[]
  original?: boolean
  openLessonLevel?: OpenLessonLevel | null
  thumbnail?: string | null
}

export function updateResource(db: Database, row: ResourceRow, p: ResourcePatch, at: string): void {
  const sets: string[] = []
  const args: unknown[] = []
  const set = (col: string, v: unknown): void => {
    sets.push(`${col} = ?`)
    args.push(v)
  }
  if (p.title !== undefined) {
    set('title', p.title)
    set('title_norm', normaliseSearchText(p.title))
  }
  if (p.type !== undefined) set('type', p.type)
  if (p.chapter !== undefined) {
    const values = chapterValues(p.chapter)
    CHAPTER_COLUMN_NAMES.forEach((col, i) => set(col, values[i]))
  }
  if (p.tags !== undefined) {
    set('tags', JSON.stringify(p.tags))
    set('tags_norm', normaliseSearchText(p.tags.join(' ')))
  }
  if (p.original !== undefined) set('original', p.original ? 1 : 0)
  if (p.openLessonLevel !== undefined) set('open_level', p.openLessonLevel)
  if (p.thumbnail !== undefined) set('thumbnail', p.thumbnail)
  set('updated_at', at)
  db.prepare(`UPDATE library_resources SET ${sets.join(', ')} WHERE seq = ?`).run(...args, row.seq)
  if (p.title !== undefined || p.tags !== undefined) {
    indexResource(db, row.seq, p.title ?? row.title, p.tags ?? (JSON.parse(row.tags) as string[]), bodyOf(db, row.id))
  }
}

export function markShared(db: Database, seq: number, sharedTitle: string, at: string): void {
  db.prepare(
    "UPDATE library_resources SET sync_state = 'queued', shared_at = ?, shared_title = ?, updated_at = ? WHERE seq = ?"
  ).run(at, sharedTitle, at, seq)
}

export function deleteResource(db: Database, row: ResourceRow): void {
  unindexResource(db, row.seq)
  db.prepare('DELETE FROM library_bodies WHERE seq = ?').run(row.seq)
  db.prepare('DELETE FROM library_resources WHERE seq = ?').run(row.seq)
}

export function toResource(r: ResourceRow): LibraryResource {
  const chapter = chapterFromColumns(r)
  return {
    id: r.id,
    title: r.title,
    sharedTitle: sharedTitleOf(r.title, r.original === 1, r.open_level),
    type: r.type,
    format: r.format,
    chapter,
    tags: JSON.parse(r.tags) as string[],
    original: r.original === 1,
    openLessonLevel: r.open_level,
    file: r.file,
    fileName: r.file_name,
    thumbnail: r.thumbnail,
    size: r.size,
    sha256: r.sha256,
    textState: r.text_state,
    syncState: r.sync_state,
    remoteId: r.remote_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export interface FilterSpec {
  types?: ResourceType[] | undefined
  formats?: ResourceFormat[] | undefined
  original?: boolean | undefined
  openLessonLevel?: OpenLessonLevel | undefined
  chapter?: ChapterFilter | undefined
}

/** WHERE fragments (joined with AND) and their arguments for the common filters, on alias `r`. */
export function filterSql(f: FilterSpec): { where: string[]; args: unknown[] } {
  const where: string[] = []
  const args: unknown[] = []
  if (f.types?.length) {
    where.push(`r.type IN (${f.types.map(() => '?').join(',')})`)
    args.push(...f.types)
  }
  if (f.formats?.length) {
    where.push(`r.format IN (${f.formats.map(() => '?').join(',')})`)
    args.push(...f.formats)
  }
  if (f.original !== undefined) {
    where.push('r.original = ?')
    args.push(f.original ? 1 : 0)
  }
  if (f.openLessonLevel !== undefined) {
    where.push('r.open_level = ?')
    args.push(f.openLessonLevel)
  }
  const c = f.chapter
  if (c) {
    if (c.unfiled)
      where.push(
        'r.stage_id IS NULL AND r.subject_id IS NULL AND r.edition_id IS NULL AND r.volume_id IS NULL AND r.chapter_id IS NULL'
      )
    for (const [key, col] of [
      ['stageId', 'stage_id'],
      ['subjectId', 'subject_id'],
      ['editionId', 'edition_id'],
      ['volumeId', 'volume_id'],
      ['chapterId', 'chapter_id']
    ] as const) {
      const v = c[key]
      if (v !== undefined) {
        where.push(`r.${col} = ?`)
        args.push(v)
      }
    }
  }
  return { where, args }
}
