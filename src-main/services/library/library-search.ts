/**
 * Full-text search over titles, tags and the text inside files. Terms of three characters or
 * more go to the trigram index, shorter ones to the bigram index; every term must match.
 * Hits whose title holds the terms come first, then tag hits, then the most recently changed.
 */
import type { Database } from 'better-sqlite3'
import { bigramQuery, ftsPhrase, normaliseSearchText, type SearchTerm } from '../../../src-shared/library'
import { ROW_COLUMNS, filterSql, type FilterSpec, type ResourceRow } from './library-repo'

export interface SearchRow extends ResourceRow {
  title_hits: number
  tag_hits: number
}

export function searchRows(
  db: Database,
  terms: readonly SearchTerm[],
  filter: FilterSpec,
  limit: number,
  offset: number
): { rows: SearchRow[]; total: number } {
  if (terms.length === 0) return { rows: [], total: 0 }
  const long = terms.filter((t) => t.index === 'trigram')
  const short = terms.filter((t) => t.index === 'short')
  const sources: string[] = []
  const args: unknown[] = []
  if (long.length) {
    sources.push('SELECT rowid FROM library_fts_tri WHERE library_fts_tri MATCH ?')
    args.push(long.map((t) => ftsPhrase(t.text)).join(' AND '))
  }
  if (short.length) {
    sources.push('SELECT rowid FROM library_fts_bi WHERE library_fts_bi MATCH ?')
    args.push(short.map(bigramQuery).join(' AND '))
  }
  const titleHits = terms.map(() => '(instr(r.title_norm, ?) > 0)').join(' + ')
  const tagHits = terms.map(() => '(instr(r.tags_norm, ?) > 0)').join(' + ')
  const f = filterSql(filter)
  const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : ''
  // Rank and page on the narrow columns first; read whole rows only for the page.
  const sql = `
    WITH hits(seq) AS (${sources.join(' INTERSECT ')})
    SELECT r.seq AS seq, ${titleHits} AS title_hits, ${tagHits} AS tag_hits, count(*) OVER () AS total
    FROM hits JOIN library_resources r ON r.seq = hits.seq
    ${where}
    ORDER BY title_hits DESC, tag_hits DESC, r.updated_at DESC, r.seq DESC
    LIMIT ? OFFSET ?`
  const texts = terms.map((t) => t.text)
  const ranked = db.prepare(sql).all(...args, ...texts, ...texts, ...f.args, limit, offset) as {
    seq: number
    title_hits: number
    tag_hits: number
    total: number
  }[]
  if (ranked.length > 0) {
    const rows = db
      .prepare(`SELECT ${ROW_COLUMNS} FROM library_resources r WHERE r.seq IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ranked.map((x) => x.seq))) as ResourceRow[]
    const bySeq = new Map(rows.map((row) => [row.seq, row]))
    return {
      rows: ranked.flatMap((x) => {
        const row = bySeq.get(x.seq)
        return row ? [{ ...row, title_hits: x.title_hits, tag_hits: x.tag_hits }] : []
      }),
      total: ranked[0]!.total
    }
  }
  if (offset === 0) return { rows: [], total: 0 }
  // Past the last page: count without paging so the caller still learns the total.
  const count = db
    .prepare(
      `WITH hits(seq) AS (${sources.join(' INTERSECT ')}) SELECT count(*) AS n FROM hits JOIN library_resources r ON r.seq = hits.seq ${where}`
    )
    .get(...args, ...f.args) as { n: number }
  return { rows: [], total: count.n }
}

/** A passage of the body around the first term it contains, or null if none is in the body. */
export function snippetOf(body: string, terms: readonly SearchTerm[], before = 24, after = 56): string | null {
  if (body === '') return null
  const norm = normaliseSearchText(body)
  let at = -1
  let len = 0
  for (const t of terms) {
    const i = norm.indexOf(t.text)
    if (i >= 0 && (at < 0 || i < at)) {
      at = i
      len = t.text.length
    }
  }
  if (at < 0) return null
  // Show the teacher's own text where normalising kept every position (nearly always); else the normalised text.
  const src = norm.length === body.length ? body : norm
  const start = Math.max(0, at - before)
  const end = Math.min(src.length, at + len + after)
  const text = src.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${text}${end < src.length ? '…' : ''}`
}
