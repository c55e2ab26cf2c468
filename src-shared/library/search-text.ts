/**
 * Text normalisation for the library's search index, shared by indexing and querying so the two
 * always agree. SQLite's trigram tokenizer needs at least three characters; Chinese words are
 * often two (勾股, 函数), so a second index holds every character pair (bigram) and answers the
 * one- and two-character terms.
 */

/** NFKC folds full-width letters and digits (ＡＢＣ１ → abc1); case stops mattering. */
export function normaliseSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

const SEPARATOR = /[\s\p{P}\p{S}]+/u
const EDGE_PUNCT = /^\p{P}+|\p{P}+$/gu
const ONLY_MARKS = /^[\p{P}\p{S}\s]*$/u

/**
 * Space-separated character pairs of each run of letters/digits, plus each run's last character
 * alone, so a one-character query is a prefix query over these tokens. Pairs repeat once only.
 */
export function bigramTokens(text: string): string {
  const out = new Set<string>()
  for (const segment of normaliseSearchText(text).split(SEPARATOR)) {
    const chars = [...segment]
    if (chars.length === 0) continue
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
    out.add(chars[chars.length - 1]!)
  }
  return [...out].join(' ')
}

export interface SearchTerm {
  /** Normalised text of the term. */
  readonly text: string
  /** 'trigram' for three characters or more; 'short' for one or two (answered by the bigram index). */
  readonly index: 'trigram' | 'short'
}

export const MAX_QUERY_TERMS = 8
export const MAX_QUERY_CHARS = 200

/**
 * The terms of what a teacher typed: split on spaces, punctuation at the edges dropped,
 * punctuation-only terms ignored. An empty list means "nothing to search for" (not an error).
 */
export function parseSearchQuery(q: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  const seen = new Set<string>()
  for (const raw of normaliseSearchText(q.slice(0, MAX_QUERY_CHARS)).split(/\s+/)) {
    if (ONLY_MARKS.test(raw)) continue
    let text = raw.replace(EDGE_PUNCT, '')
    if ([...text].length < 3) text = text.split(SEPARATOR).join('') // the bigram index holds no marks
    if (text === '' || seen.has(text)) continue
    seen.add(text)
    terms.push({ text, index: [...text].length >= 3 ? 'trigram' : 'short' })
    if (terms.length === MAX_QUERY_TERMS) break
  }
  return terms
}

/** A term as an FTS5 string: always a quoted phrase, so no user input is read as query syntax. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/** The FTS5 query for a short term against the bigram index: the pair itself, or any pair starting with the one character. */
export function bigramQuery(term: SearchTerm): string {
  return [...term.text].length === 1 ? `${ftsPhrase(term.text)}*` : ftsPhrase(term.text)
}
