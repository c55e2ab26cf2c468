/**
 * How one slide of ours is scored against LibreOffice's page of the same slide (bench/fidelity.ts):
 * text recall (LibreOffice's words that our rendered slide shows) and SSIM of the two pictures.
 * Pure functions, so the scoring itself is unit-tested (fidelity-score.test.ts).
 */
import { ssim } from 'ssim.js'

/** Scripts written without spaces between words (each character one token), else runs of letters and digits. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`
const TOKEN = new RegExp(String.raw`[${CJK}]|[[\p{L}\p{N}\p{M}]--[${CJK}]]+`, 'gv')

/**
 * The tokens of a text: every CJK character alone; every other run of letters and digits one word,
 * case-folded. Punctuation, bullets and spaces are not tokens (they separate words). NFKC first,
 * so full-width Latin letters and digits count as the same words as half-width ones.
 */
export function tokens(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase().matchAll(TOKEN)].map((m) => m[0])
}

export interface Recall {
  /** Share of the reference's tokens found in ours, or null when the reference has none. */
  recall: number | null
  /** How many tokens the reference has. */
  total: number
  /** How many of them ours has (as a multiset: a word twice needs it twice). */
  kept: number
  /** A few of the reference's tokens that ours lacks, for the report. */
  missing: string[]
}

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1)
  return m
}

/**
 * Text recall of `ours` against `reference`: the share of the reference's tokens (see tokens())
 * that ours also has, counted as a multiset, so a word the reference shows three times and ours
 * once keeps one of three. Order and position are not compared; SSIM judges the layout. A word the
 * reference broke across two lines without a hyphen (LibreOffice does, in a narrow box) reads as two
 * tokens there: two neighbours that ours lacks but whose join ours has count as kept, and so does
 * one word of the reference that ours shows as two (see below).
 */
export function textRecall(reference: string, ours: string): Recall {
  const ref = tokens(reference)
  if (ref.length === 0) return { recall: null, total: 0, kept: 0, missing: [] }
  const have = counts(tokens(ours))
  const found = ref.map((t) => {
    const n = have.get(t) ?? 0
    if (n > 0) have.set(t, n - 1)
    return n > 0
  })
  for (let i = 0; i + 1 < ref.length; i++) {
    if (found[i] || found[i + 1]) continue
    const joined = ref[i]! + ref[i + 1]!
    const n = have.get(joined) ?? 0
    if (n === 0) continue
    have.set(joined, n - 1)
    found[i] = found[i + 1] = true
  }
  // And the other way: LibreOffice's PDF has no character for a tab, so "tabs<TAB>more" reads as one
  // word there and two in ours.
  ref.forEach((t, i) => {
    if (found[i]) return
    for (let k = 1; k < t.length; k++) {
      const [a, b] = [t.slice(0, k), t.slice(k)]
      if ((have.get(a) ?? 0) > 0 && (have.get(b) ?? 0) > (a === b ? 1 : 0)) {
        have.set(a, have.get(a)! - 1)
        have.set(b, have.get(b)! - 1)
        found[i] = true
        return
      }
    }
  })
  const missing: string[] = []
  ref.forEach((t, i) => {
    if (!found[i] && missing.length < 12 && !missing.includes(t)) missing.push(t)
  })
  const kept = found.filter(Boolean).length
  return { recall: kept / ref.length, total: ref.length, kept, missing }
}

/** Pools slides' recalls into one (a deck's): tokens kept over tokens in all of them. */
export function pooledRecall(parts: readonly Pick<Recall, 'total' | 'kept'>[]): number | null {
  const total = parts.reduce((s, p) => s + p.total, 0)
  return total === 0 ? null : parts.reduce((s, p) => s + p.kept, 0) / total
}

/**
 * SSIM of two greyscale pictures of the same size (one byte per pixel), by ssim.js with its
 * defaults (the 'weber' algorithm, 11-pixel window, downsampled as Wang et al.'s reference code
 * does). ssim.js takes RGBA, so each grey value is spread over R, G and B; its own grey
 * conversion then gives back the same value.
 */
export function ssimGrey(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  if (a.length !== width * height || b.length !== width * height)
    throw new Error(`ssimGrey: ${a.length} and ${b.length} bytes for ${width}x${height}`)
  return ssim(rgba(a, width, height), rgba(b, width, height)).mssim
}

function rgba(grey: Uint8Array, width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i]!
    data[i * 4] = v
    data[i * 4 + 1] = v
    data[i * 4 + 2] = v
    data[i * 4 + 3] = 255
  }
  return { data, width, height }
}
