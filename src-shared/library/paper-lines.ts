/**
 * What one line of a test paper is: a section heading (一、选择题), the start of a question (1． / 第6题：
 * / （1）), options (A． B、 （C） ①), an answer or explanation marker (【答案】 答案： 【解析】), or the
 * heading of the answer block at the end (参考答案). Pure string work for paper-text.ts.
 */

/** The kind a section heading names; 'choice' is 选择题 without saying single or multiple. */
export type SectionKind = 'single' | 'multiple' | 'choice' | 'fillin' | 'truefalse' | 'open' | null

export interface SectionHeading {
  /** The heading as the teacher wrote it, without the points note: "二、填空题". */
  readonly label: string
  /** 1 for 一, 2 for 二…; lets the answer block's 二、填空题 find the paper's. */
  readonly ordinal: number
  readonly kind: SectionKind
  /** What follows the title and its points note on the same line (answers, in an answer block). */
  readonly after: string
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function chineseNumber(s: string): number {
  if (s === '十') return 10
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0)
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? 0) * 10 + (CN_DIGITS[s[2]!] ?? 0)
  return CN_DIGITS[s] ?? 0
}

const SECTION = /^(?:第\s*)?([一二三四五六七八九十]{1,3})\s*(?:部分|大题)?\s*[、.．:：\s]\s*(.*)$/
// Kinds by the words headings use; the longer, more specific words are tried first.
const SECTION_WORDS: readonly [RegExp, Exclude<SectionKind, null>][] = [
  [/多项选择|多选/, 'multiple'],
  [/单项选择|单选/, 'single'],
  [/选择/, 'choice'],
  [/判断|是非|对错/, 'truefalse'],
  [/填空/, 'fillin'],
  [/解答|计算|应用|简答|作图|证明|阅读|作文|写作|问答|操作|探究|综合|实验|论述|翻译|默写|口算/, 'open']
]

export function sectionHeading(line: string): SectionHeading | null {
  const m = SECTION.exec(line)
  if (!m) return null
  const ordinal = chineseNumber(m[1]!)
  if (ordinal === 0) return null
  const rest = m[2]!.trim()
  // The title is the words before a points note or, in an answer block, the first answer (一、1．B).
  const title = /^[^\s（(【，,。:：0-9０-９]*/.exec(rest)![0]
  const kind = SECTION_WORDS.find(([re]) => re.test(title))?.[1] ?? null
  const after = rest
    .slice(title.length)
    .replace(/^\s*[（(][^）)]*[）)]/, '')
    .replace(/^[\s:：，,。]+/, '')
  return { label: `${m[1]}、${title}`.replace(/、$/, ''), ordinal, kind, after }
}

/** A heading without a number that still names a kind on a line of its own: "选择题（每题 3 分）". */
export function bareSectionKind(line: string): SectionKind {
  const m = /^(单项选择题|多项选择题|选择题|填空题|判断题|解答题|计算题|应用题)\s*(?:[（(].*)?$/.exec(line)
  if (!m) return null
  return SECTION_WORDS.find(([re]) => re.test(m[1]!))?.[1] ?? null
}

const ANSWER_BLOCK =
  /^[【[]?\s*(?:参考答案|答案与解析|答案及解析|参考答案与解析|参考答案及解析|参考答案及评分标准|参考答案与评分标准|试题答案|答案与提示)\s*[】\]]?\s*[:：]?\s*(.*)$/

/** The heading of the answer block at the end; the rest of its line, if any, is answers. */
export function answerBlockHeading(line: string): { rest: string } | null {
  const m = ANSWER_BLOCK.exec(line)
  return m ? { rest: m[1]!.trim() } : null
}

export type NumberStyle = 'plain' | 'paren'

export interface NumberStart {
  readonly number: number
  readonly style: NumberStyle
  readonly rest: string
  /** Written so that it could be a decimal ("2.5"): a question only when it is the number expected next. */
  readonly couldBeDecimal: boolean
}

const fold = (s: string): string => s.normalize('NFKC')

// 第6题 / 第 6 题： / 6． / 6、 / 6) / 6： / 6. ; a half-width "." followed by a digit may be a decimal.
const PLAIN_NUMBER = /^(?:第\s*([0-9０-９]{1,3})\s*题\s*[.．、:：]?|([0-9０-９]{1,3})\s*([.．、)）:：]))\s*(.*)$/
const PAREN_NUMBER = /^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*(.*)$/

export function numberStart(line: string): NumberStart | null {
  const p = PLAIN_NUMBER.exec(line)
  if (p) {
    const rest = p[4]!
    const byWord = p[1] !== undefined
    const mark = p[3] ?? ''
    return {
      number: Number(fold(p[1] ?? p[2]!)),
      style: 'plain',
      rest,
      couldBeDecimal: !byWord && mark === '.' && /^[0-9]/.test(line.slice(line.indexOf('.') + 1))
    }
  }
  const q = PAREN_NUMBER.exec(line)
  if (q) return { number: Number(fold(q[1]!)), style: 'paren', rest: q[2]!, couldBeDecimal: false }
  return null
}

export interface OptionPiece {
  /** A–F, or the circled number's place (① is A) so answers written either way compare. */
  readonly id: string
  readonly circled: boolean
  readonly text: string
}

const LETTERS = 'ABCDEF'
const CIRCLED = '①②③④⑤⑥'
const LETTER_MARK = '\\s*[.．、:：)）]'

/** The letter at the start of a line as an option marker (A． A、 （A） A)), or null. */
function letterAt(s: string): { letter: string; length: number } | null {
  const m = /^(?:[（(]\s*([A-Fa-fＡ-Ｆａ-ｆ])\s*[）)]|([A-Fa-fＡ-Ｆａ-ｆ])\s*[.．、:：)）])\s*/.exec(s)
  if (!m) return null
  return { letter: fold(m[1] ?? m[2]!).toUpperCase(), length: m[0].length }
}

/**
 * Splits a line of options; the first may be any letter (options one a line), the caller checks order. Letter options split only at the letter expected next (B after A), so a
 * "B." inside an option's text ("A.0.5B") never starts a new one out of order.
 */
export function optionPieces(line: string): OptionPiece[] | null {
  if (CIRCLED.includes(line[0]!)) {
    const out: OptionPiece[] = []
    let at = 0
    let next = CIRCLED.indexOf(line[0]!)
    while (at < line.length) {
      const k = CIRCLED.indexOf(line[at]!)
      if (k !== next) return out.length ? out : null
      const end = line.indexOf(CIRCLED[next + 1] ?? '\u0000', at + 1)
      const stop = end === -1 ? line.length : end
      out.push({
        id: LETTERS[k]!,
        circled: true,
        text: line
          .slice(at + 1, stop)
          .replace(/^[.．、\s]+/, '')
          .trim()
      })
      at = stop
      next++
    }
    return out
  }
  const first = letterAt(line)
  if (!first) return null
  const out: OptionPiece[] = []
  let letter = first.letter
  let start = first.length
  for (;;) {
    const nextLetter = LETTERS[LETTERS.indexOf(letter) + 1]
    let cut = -1
    let cutLength = 0
    if (nextLetter) {
      const re = new RegExp(`(?:[（(]\\s*${nextLetter}\\s*[）)]|${nextLetter}${LETTER_MARK})\\s*`, 'g')
      re.lastIndex = start
      const m = re.exec(fold(line))
      // A letter glued to a Latin letter before it is a word ("AB." ), not a new option.
      if (m && !/[A-Za-z]/.test(fold(line)[m.index - 1] ?? '')) {
        cut = m.index
        cutLength = m[0].length
      }
    }
    out.push({ id: letter, circled: false, text: line.slice(start, cut === -1 ? line.length : cut).trim() })
    if (cut === -1) break
    letter = nextLetter!
    start = cut + cutLength
  }
  return out
}

export type MarkerKind = 'answer' | 'explanation' | 'difficulty'

export interface MarkedPart {
  readonly marker: MarkerKind | null
  readonly text: string
}

// 【答案】B【解析】… on one line, or a line that starts with 答案： / 解析：.
const BRACKET_MARKER = /【\s*(答案|解析|分析|详解|点睛|点评|解答|难度)\s*】\s*[:：]?/g
const LEAD_MARKER = /^(答\s*案|解\s*析|分\s*析|详\s*解|难\s*度)\s*[:：]\s*/

function markerOf(word: string): MarkerKind {
  const w = word.replace(/\s/g, '')
  if (w === '答案') return 'answer'
  if (w === '难度') return 'difficulty'
  return 'explanation'
}

/** Cuts a line at its markers: text before the first one has marker null. */
export function markedParts(line: string): MarkedPart[] {
  const lead = LEAD_MARKER.exec(line)
  if (lead) {
    // The lead marker takes the unmarked text that follows it, up to the next marker.
    const rest = markedParts(line.slice(lead[0].length))
    const own = rest[0]?.marker === null ? rest.shift()!.text : ''
    return [{ marker: markerOf(lead[1]!), text: own }, ...rest]
  }
  const parts: MarkedPart[] = []
  let last = 0
  let marker: MarkerKind | null = null
  for (const m of line.matchAll(BRACKET_MARKER)) {
    const text = line.slice(last, m.index).trim()
    if (marker !== null || text !== '') parts.push({ marker, text })
    marker = markerOf(m[1]!)
    last = m.index + m[0].length
  }
  const tail = line.slice(last).trim()
  if (marker !== null || tail !== '') parts.push({ marker, text: tail })
  return parts
}
