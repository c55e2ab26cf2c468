/**
 * The marker in front of each list paragraph: its bullet character, or its number counted the way
 * PowerPoint counts (consecutive paragraphs of one numbering style at one level; a deeper level does
 * not break the count, a paragraph without numbering at the same or a shallower level does).
 */
import type { Numbering, Paragraph } from '../../src-shared/courseware/element'

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i']
]
const CHINESE = '零一二三四五六七八九'

function roman(n: number): string {
  let out = ''
  for (const [v, s] of ROMAN) while (n >= v) [n, out] = [n - v, out + s]
  return out
}

function alpha(n: number): string {
  let out = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out
  return out
}

function chinese(n: number): string {
  if (n < 10) return CHINESE[n]!
  if (n < 100) return `${n >= 20 ? CHINESE[Math.floor(n / 10)] : ''}十${n % 10 ? CHINESE[n % 10] : ''}`
  return String(n)
}

export function formatNumber(n: number, style: Numbering['style']): string {
  switch (style) {
    case 'alphaLc':
      return alpha(n)
    case 'alphaUc':
      return alpha(n).toUpperCase()
    case 'romanLc':
      return roman(n)
    case 'romanUc':
      return roman(n).toUpperCase()
    case 'circled':
      // ① is U+2460; PowerPoint draws 1–20 circled.
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : String(n)
    case 'chinese':
      return chinese(n)
    default:
      return String(n)
  }
}

function punctuate(text: string, n: Numbering): string {
  if (n.style === 'circled') return text
  if (n.style === 'chinese' && n.punct === 'period') return `${text}．`
  switch (n.punct) {
    case 'period':
      return `${text}.`
    case 'parenR':
      return `${text})`
    case 'parenBoth':
      return `(${text})`
    default:
      return text
  }
}

const DEFAULT_NUMBERING: Numbering = { style: 'arabic', punct: 'period', startAt: 1 }

/** One marker per paragraph ('' where there is none). */
export function listMarkers(paragraphs: readonly Paragraph[]): string[] {
  // Per level: the numbering style being counted and the next number.
  const counters = new Map<number, { key: string; next: number }>()
  return paragraphs.map((p) => {
    for (const level of [...counters.keys()]) if (level > p.level) counters.delete(level)
    if (p.list === 'bullet') {
      counters.delete(p.level)
      return p.bullet ?? '•'
    }
    if (p.list !== 'number') {
      counters.delete(p.level)
      return ''
    }
    const n = p.numbering ?? DEFAULT_NUMBERING
    const key = `${n.style}/${n.punct}/${n.startAt}`
    let c = counters.get(p.level)
    if (!c || c.key !== key) counters.set(p.level, (c = { key, next: n.startAt }))
    return punctuate(formatNumber(c.next++, n.style), n)
  })
}
