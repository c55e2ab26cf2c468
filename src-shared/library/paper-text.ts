/**
 * Reads the questions of a test paper as teachers lay it out (docs/question-bank-import.md): sections by
 * kind (一、选择题 二、填空题 三、判断题), numbered questions, options A–F or ①–⑥, answers inline
 * (【答案】B【解析】… / 答案：B) or in a 参考答案 block at the end keyed by section and number. Every
 * question that cannot be read is reported with its section and number; none is merged or dropped.
 * Pure, so it is tested without Word and reused by any importer.
 */
import type { z } from 'zod'
import { FillInQuestion, TrueFalseQuestion, type Question } from '../courseware/question'
import {
  answerBlockHeading,
  bareSectionKind,
  markedParts,
  numberStart,
  optionPieces,
  sectionHeading,
  type NumberStyle,
  type OptionPiece,
  type SectionKind
} from './paper-lines'

export type QuestionInput = z.input<typeof Question>

export interface ParsedQuestion {
  /** The number printed in the paper. */
  readonly number: number
  /** "二、填空题 第 3 题" / "Question 3 of 二、填空题", for messages about this question. */
  readonly label: string
  readonly labelEn: string
  readonly question: QuestionInput
  readonly difficulty: number | null
}

export interface ParseProblem {
  readonly number: number | null
  /** 1-based line of the text where the question starts (0 when it is not one line). */
  readonly line: number
  readonly message: string
  readonly messageEn: string
}

export interface ParseResult {
  readonly questions: ParsedQuestion[]
  readonly problems: ParseProblem[]
}

// Read from the schema so this file follows the kinds' spelling wherever it is defined.
const TRUEFALSE = TrueFalseQuestion.shape.kind.value
const FILLIN = FillInQuestion.shape.kind.value

const TRUE_WORDS = new Set(['对', '正确', '√', '✓', '✔', 't', 'true', '是', 'y', 'yes'])
const FALSE_WORDS = new Set(['错', '错误', '×', '✗', '✘', 'x', 'f', 'false', '否', 'n', 'no'])
const DIFFICULTY_WORDS: Record<string, number> = { 容易: 1, 易: 1, 较易: 2, 中等: 3, 中: 3, 较难: 4, 难: 4, 困难: 5 }

interface Section {
  /** '' for questions before any section heading. */
  readonly label: string
  /** 0 for questions before any section heading. */
  readonly ordinal: number
  readonly kind: SectionKind
  style: NumberStyle | null
  last: number
}

interface Draft {
  readonly number: number
  readonly line: number
  readonly section: Section
  stem: string[]
  options: OptionPiece[]
  /** Lines of ① options, given back to the stem if letter options follow (①② were statements). */
  circledLines: string[]
  answer: string | null
  awaitingAnswer: boolean
  explanation: string[]
  difficulty: string | null
  mode: 'stem' | 'options' | 'explanation' | 'after'
}

interface BlockEntry {
  answer: string
  explanation: string[]
  difficulty: string | null
  used: boolean
  readonly number: number
  readonly label: string
}

export function parsePaperText(text: string): ParseResult {
  const drafts: Draft[] = []
  const sections: Section[] = []
  let section: Section = { label: '', ordinal: 0, kind: null, style: null, last: 0 }
  let draft: Draft | null = null
  let inBlock = false
  const block = new AnswerBlock()

  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  lines.forEach((raw, i) => {
    const line = raw.replace(/\u3000/g, ' ').trim()
    if (line === '') return
    if (inBlock) return block.read(line, sections)
    const head = answerBlockHeading(line)
    if (head) {
      draft = null
      inBlock = true
      if (head.rest) block.read(head.rest, sections)
      return
    }
    const heading = sectionHeading(line)
    const bare = heading ? null : bareSectionKind(line)
    if (heading || bare) {
      section = heading
        ? { label: heading.label, ordinal: heading.ordinal, kind: heading.kind, style: null, last: 0 }
        : { label: line.replace(/[（(].*$/, ''), ordinal: sections.length + 1, kind: bare, style: null, last: 0 }
      sections.push(section)
      draft = null
      return
    }
    const d = draft as Draft | null
    const num = numberStart(line)
    if (num && startsQuestion(num, section, d)) {
      section.style ??= num.style
      section.last = num.number
      draft = {
        number: num.number,
        line: i + 1,
        section,
        stem: [],
        options: [],
        circledLines: [],
        answer: null,
        awaitingAnswer: false,
        explanation: [],
        difficulty: null,
        mode: 'stem'
      }
      drafts.push(draft)
      if (num.rest) readLine(draft, num.rest)
      return
    }
    // Text before the first question of a section (a title, 姓名：____, a points note) is not a question.
    if (d) readLine(d, line)
  })

  const questions: ParsedQuestion[] = []
  const problems: ParseProblem[] = []
  for (const d of drafts) {
    // Taken even when the question has its own answer, so the block's copy is not reported as stray.
    const blockCopy = block.take(d.section.ordinal, d.number)
    const fromBlock = d.answer === null ? blockCopy : null
    const r = build(d, fromBlock)
    if ('problem' in r) problems.push(r.problem)
    else questions.push(r)
  }
  for (const e of block.unused()) {
    problems.push({
      number: null,
      line: 0,
      message: `参考答案里有${e.label}的答案，但试卷里没有找到这道题。`,
      messageEn: `The answer block has an answer for ${e.label}, but the paper has no such question.`
    })
  }
  return { questions, problems }
}

function startsQuestion(
  num: NonNullable<ReturnType<typeof numberStart>>,
  section: Section,
  draft: Draft | null
): boolean {
  const expected = num.number === section.last + 1 || section.last === 0
  // （1） numbers questions only in a section numbered that way; after 1． it is a part of a question.
  if (num.style === 'paren') return section.style !== 'plain'
  if (num.couldBeDecimal) {
    // "2.5 × 4" under "1. 计算：" is the sum the stem introduces; "2.3个1/5是" after a question is question 2.
    const leadIn = draft !== null && draft.mode === 'stem' && /[:：]$/.test(draft.stem.at(-1) ?? '')
    return draft === null || draft.section !== section || (expected && !leadIn)
  }
  // An explanation may list its own points (1．… 2．…): only the next question's number ends it.
  if (draft?.mode === 'explanation' && draft.section === section && !expected) return false
  return true
}

function readLine(d: Draft, line: string): void {
  for (const part of markedParts(line)) {
    if (part.marker === 'answer') {
      d.answer = part.text === '' ? null : part.text
      d.awaitingAnswer = part.text === ''
      d.mode = 'after'
    } else if (part.marker === 'explanation') {
      if (part.text) d.explanation.push(part.text)
      d.mode = 'explanation'
    } else if (part.marker === 'difficulty') {
      d.difficulty = part.text
    } else readPlain(d, part.text)
  }
}

function readPlain(d: Draft, text: string): void {
  if (d.awaitingAnswer) {
    d.answer = text
    d.awaitingAnswer = false
    return
  }
  if (d.mode === 'stem' || d.mode === 'options') {
    const pieces = optionPieces(text)
    const circled = pieces?.[0]?.circled ?? false
    // The next option in order (A, or the one after the last of the same marking); "C．" after A is text.
    const sameMarks = d.options.filter((o) => o.circled === circled)
    const expected = sameMarks.length === 0 ? 'A' : String.fromCharCode(sameMarks.at(-1)!.id.charCodeAt(0) + 1)
    if (pieces && pieces.length > 0 && pieces[0]!.id === expected) {
      const hasLetters = d.options.some((o) => !o.circled)
      if (circled && hasLetters) return continueOption(d, text)
      if (!circled && d.circledLines.length > 0) {
        // ①② listed statements the options choose among: they belong to the stem.
        d.stem.push(...d.circledLines)
        d.circledLines = []
        d.options = []
      }
      if (circled) d.circledLines.push(text)
      d.options.push(...pieces)
      d.mode = 'options'
      return
    }
  }
  if (d.mode === 'stem') d.stem.push(text)
  else if (d.mode === 'options') continueOption(d, text)
  else d.explanation.push(text)
}

function continueOption(d: Draft, text: string): void {
  const last = d.options.pop()!
  d.options.push({ ...last, text: `${last.text} ${text}`.trim() })
}

class AnswerBlock {
  readonly #entries = new Map<string, BlockEntry[]>()
  #ordinal: number | null = null
  #label = ''
  #current: BlockEntry | null = null

  read(line: string, sections: readonly Section[]): void {
    const heading = sectionHeading(line)
    const bare = heading ? null : bareSectionKind(line)
    if (heading || bare) {
      this.#ordinal = heading ? heading.ordinal : (sections.find((s) => s.kind === bare)?.ordinal ?? null)
      this.#label = heading ? heading.label : line.replace(/[（(].*$/, '')
      this.#current = null
      if (heading?.after) this.read(heading.after, sections)
      return
    }
    // 1～5 BCADB: a run of choice answers, one letter each.
    const ranges = [...line.matchAll(/(\d{1,3})\s*[-~～—–至到]+\s*(\d{1,3})\s*[.．、:：]?\s*([A-Fa-f]+)/g)]
    if (
      ranges.length > 0 &&
      ranges
        .map((m) => m[0])
        .join('')
        .replace(/\s/g, '') === line.replace(/\s/g, '')
    ) {
      for (const m of ranges) {
        const from = Number(m[1])
        const letters = [...m[3]!]
        if (Number(m[2]) - from + 1 !== letters.length) continue
        letters.forEach((l, k) => this.#add(from + k, l.toUpperCase()))
      }
      return
    }
    const first = numberStart(line)
    if (!first) return this.#continue(line)
    // Several answers on a line (1．B 2．C 3．A); a cut is made only at the number expected next, so a
    // fill-in answer such as 2.5 is not read as question 2.
    // A cut is made at the number expected next, or at any later number whose mark cannot be a decimal
    // point, so a fill-in answer such as 2.5 is not read as question 2.
    const cuts = /(?:^|\s|(?<=[A-Fa-f√×✓✗]))(?:[（(](\d{1,3})[）)]|(\d{1,3})\s*([.．、:：)）]))\s*/g
    let n = first.number
    let rest = first.rest
    for (;;) {
      let next: RegExpExecArray | null = null
      cuts.lastIndex = 0
      for (let m = cuts.exec(rest); m; m = cuts.exec(rest)) {
        const k = Number(m[1] ?? m[2])
        const decimal = m[3] === '.' && !/\s$/.test(m[0]) && /[0-9]/.test(rest[m.index + m[0].length] ?? '')
        if (k === n + 1 || (k > n && !decimal)) {
          next = m
          break
        }
      }
      this.#addMarked(n, next ? rest.slice(0, next.index) : rest)
      if (!next) break
      rest = rest.slice(next.index + next[0].length)
      n = Number(next[1] ?? next[2])
    }
  }

  #addMarked(number: number, text: string): void {
    const parts = markedParts(text)
    const answer = parts.find((p) => p.marker === null || p.marker === 'answer')?.text ?? ''
    const e = this.#add(number, answer.trim())
    for (const p of parts) {
      if (p.marker === 'explanation' && p.text) e.explanation.push(p.text)
      if (p.marker === 'difficulty') e.difficulty = p.text
    }
  }

  #add(number: number, answer: string): BlockEntry {
    const key = `${this.#ordinal ?? 0}:${number}`
    const label = this.#label ? `${this.#label} 第 ${number} 题` : `第 ${number} 题`
    const e: BlockEntry = { answer, explanation: [], difficulty: null, used: false, number, label }
    const list = this.#entries.get(key) ?? []
    list.push(e)
    this.#entries.set(key, list)
    this.#current = e
    return e
  }

  #continue(line: string): void {
    const e = this.#current
    if (!e) return
    for (const p of markedParts(line)) {
      if (p.marker === 'explanation' && p.text) e.explanation.push(p.text)
      else if (p.marker === 'difficulty') e.difficulty = p.text
      else if (p.text && e.answer === '') e.answer = p.text
      else if (p.text) e.explanation.push(p.text)
    }
  }

  /**
   * The answer to question `number` of section `ordinal`: the block's own section first, then an answer
   * keyed by number alone (a block without headings), each taken once, in the paper's order.
   */
  take(ordinal: number, number: number): BlockEntry | null {
    const unused = (key: string): BlockEntry | undefined => this.#entries.get(key)?.find((e) => !e.used)
    const found =
      unused(`${ordinal}:${number}`) ??
      unused(`0:${number}`) ??
      [...this.#entries.values()].flat().find((e) => !e.used && e.number === number)
    if (!found) return null
    found.used = true
    return found
  }

  unused(): BlockEntry[] {
    return [...this.#entries.values()].flat().filter((e) => !e.used)
  }
}

function build(d: Draft, fromBlock: BlockEntry | null): ParsedQuestion | { problem: ParseProblem } {
  const label = d.section.label ? `${d.section.label} 第 ${d.number} 题` : `第 ${d.number} 题`
  const labelEn = d.section.label ? `question ${d.number} of ${d.section.label}` : `question ${d.number}`
  const problem = (zh: string, en: string): { problem: ParseProblem } => ({
    problem: { number: d.number, line: d.line, message: `${label}：${zh}`, messageEn: `${cap(labelEn)}: ${en}` }
  })
  const kind = d.section.kind
  let prompt = d.stem.join('\n').trim()
  let answer = (d.answer ?? fromBlock?.answer ?? '').trim()
  const explanation = [...d.explanation, ...(fromBlock?.explanation ?? [])].join('\n').trim()
  const difficulty = parseDifficulty(d.difficulty ?? fromBlock?.difficulty ?? null)

  if (kind === 'truefalse' && answer === '' && d.options.length === 0) {
    // An answer key written into the brackets: 3/4 比 2/3 大。（ √ ）
    const m = /[（(]\s*([√×✓✗✔✘])\s*[）)]\s*$/.exec(prompt)
    if (m) {
      answer = m[1]!
      prompt = prompt.slice(0, m.index) + '（  ）'
    }
  }
  if (prompt === '') return problem('没有题干，已跳过。', 'it has no stem and was skipped.')
  if (kind === 'open') {
    return problem(
      '解答题暂不能放进题库（题库只收选择、填空、判断题），已跳过。',
      'worked-answer questions cannot go into the bank yet (it holds choice, fill-in and true/false questions); skipped.'
    )
  }
  if (answer === '') {
    return problem(
      `没有找到答案，已跳过。请在题后加一行“【答案】…”，或在卷末“参考答案”里写出第 ${d.number} 题的答案。`,
      `no answer was found; skipped. Add a line "【答案】…" after it, or give question ${d.number} in the 参考答案 block at the end.`
    )
  }
  const base = { prompt, explanation }
  const options = d.options
  if (options.length >= 2) {
    const ids = options.map((o) => o.id)
    if (new Set(ids).size !== ids.length) {
      return problem(`选项重复（${ids.join('')}），已跳过。`, `it repeats an option (${ids.join('')}); skipped.`)
    }
    if (options.some((o) => o.text === '')) return problem('有空白选项，已跳过。', 'it has an empty option; skipped.')
    const keys = [...new Set(answerKeys(answer))]
    const unknown = keys.filter((k) => !ids.includes(k))
    if (keys.length === 0 || unknown.length > 0) {
      return problem(
        `答案“${answer}”不是它的选项（${ids.join('、')}），已跳过。`,
        `the answer "${answer}" is not one of its options (${ids.join(', ')}); skipped.`
      )
    }
    const opts = options.map((o) => ({ id: o.id, text: o.text }))
    const question: QuestionInput =
      keys.length === 1 && kind !== 'multiple'
        ? { kind: 'single', ...base, options: opts, answer: keys[0]! }
        : { kind: 'multiple', ...base, options: opts, answers: keys }
    return { number: d.number, label, labelEn, question, difficulty }
  }
  if (options.length === 1) {
    return problem('只有一个选项，至少需要两个，已跳过。', 'it has only one option; at least two are needed. Skipped.')
  }
  if (kind === 'single' || kind === 'multiple' || kind === 'choice') {
    return problem('是选择题，但没有找到选项，已跳过。', 'it is a choice question but no options were found; skipped.')
  }
  const word = answer
    .normalize('NFKC')
    .replace(/^[（(]\s*|\s*[）)]$/g, '')
    .toLowerCase()
  const isTrue = TRUE_WORDS.has(word)
  if (isTrue || FALSE_WORDS.has(word)) {
    return {
      number: d.number,
      label,
      labelEn,
      question: { kind: TRUEFALSE, ...base, answer: isTrue },
      difficulty
    }
  }
  if (kind === 'truefalse') {
    return problem(
      `判断题的答案“${answer}”应为 √ 或 ×（对/错、正确/错误、T/F），已跳过。`,
      `the answer "${answer}" of a true/false question should be √ or × (对/错, 正确/错误, T/F); skipped.`
    )
  }
  if (kind === null && /^[A-Fa-f]{1,6}$/.test(word) && !/[a-z]{2}/.test(answer)) {
    return problem(
      `答案“${answer}”是选项字母，但这道题没有找到选项，已跳过。`,
      `the answer "${answer}" is an option letter, but no options were found; skipped.`
    )
  }
  // A fill-in question. Alternatives are separated by ｜ or ；, never by "/" (1/2 is an answer).
  const accepted = answer
    .split(/[|｜;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return { number: d.number, label, labelEn, question: { kind: FILLIN, ...base, accepted }, difficulty }
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1)

/** "A、C" / "AC" / "（B）" / "①③" → the option ids they name. */
function answerKeys(answer: string): string[] {
  return [
    ...answer
      // Circled numbers first: NFKC would fold ① into 1.
      .replace(/[①②③④⑤⑥]/g, (c) => 'ABCDEF'['①②③④⑤⑥'.indexOf(c)]!)
      .normalize('NFKC')
      .toUpperCase()
      .replace(/[\s,，、;；()（）和与及]/g, '')
  ]
}

function parseDifficulty(raw: string | null): number | null {
  if (raw === null) return null
  const n = Number(raw.normalize('NFKC'))
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n
  return DIFFICULTY_WORDS[raw.trim()] ?? null
}
