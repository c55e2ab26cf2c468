/**
 * Bullets and automatic numbers of DrawingML paragraphs (a:buChar, a:buAutoNum) → the paragraph's
 * `bullet` and `numbering`. Symbol fonts (Wingdings, Symbol) put a glyph on an ordinary letter: "§" in
 * Wingdings is a small square; the Unicode shape stands in for it so no machine needs Wingdings.
 */
import type { Numbering } from '../../../../src-shared/courseware'
import { attr, numAttr, type XNode } from '../xml'

const WINGDINGS: Record<string, string> = {
  l: '●',
  n: '■',
  q: '❑',
  u: '◆',
  v: '❖',
  o: '○',
  p: '□',
  '§': '▪',
  Ø: '➢',
  Ü: '➢',
  ü: '✓',
  þ: '☑',
  è: '➔',
  à: '➔',
  Ÿ: '•',
  ª: '▫',
  ð: '⇨'
}
const SYMBOL: Record<string, string> = { '·': '•', '-': '–', '®': '→', '¾': '—' }

export function bulletChar(char: string, font: string | undefined): string {
  let c = [...char][0] ?? '•'
  // Symbol fonts are also addressed at U+F020–U+F0FF, the letter plus 0xF000.
  const code = c.codePointAt(0) ?? 0
  if (code >= 0xf020 && code <= 0xf0ff && font) c = String.fromCodePoint(code - 0xf000)
  if (font && /wingdings|webdings/i.test(font)) return WINGDINGS[c] ?? '•'
  if (font && /^symbol$/i.test(font)) return SYMBOL[c] ?? c
  // Private-use code points draw as boxes without the symbol font they were picked from.
  return /[\uE000-\uF8FF]/.test(c) ? '•' : c
}

const STYLE: [RegExp, Numbering['style']][] = [
  [/^arabic/, 'arabic'],
  [/^alphaLc/, 'alphaLc'],
  [/^alphaUc/, 'alphaUc'],
  [/^romanLc/, 'romanLc'],
  [/^romanUc/, 'romanUc'],
  [/^circleNum/, 'circled'],
  [/^ea1Chs|^ea1JpnChs|^ea1Cht/, 'chinese']
]

/** A buAutoNum type (arabicPeriod, alphaLcParenR, circleNumDbPlain, ea1ChsPeriod…) as our numbering. */
export function numberingOf(n: XNode): Numbering {
  const type = attr(n, 'type') ?? 'arabicPeriod'
  const style = STYLE.find(([re]) => re.test(type))?.[1] ?? 'arabic'
  const punct: Numbering['punct'] = type.endsWith('ParenBoth')
    ? 'parenBoth'
    : type.endsWith('ParenR')
      ? 'parenR'
      : type.endsWith('Period')
        ? 'period'
        : 'plain'
  const startAt = Math.max(0, Math.min(100_000, Math.round(numAttr(n, 'startAt') ?? 1)))
  return { style, punct, startAt }
}
