/**
 * Reads questions from the plain text of a Word file by the convention in
 * docs/question-bank-import.md: a numbered stem, options A–F, an 答案： line, then optional
 * 解析： and 难度： lines. Pure, so it is tested without Word and reused by any importer.
 */
import type { z } from 'zod'
import type { Question } from '../courseware/question'

export type QuestionInput = z.input<typeof Question>

export interface ParsedQuestion {
  /** The number printed in the file, for messages. */
  readonly number: number
  readonly question: QuestionInput
  readonly difficulty: number | null
}

export interface ParseProblem {
  readonly number: number | null
  /** 1-based line of the text where the question starts. */
  readonly line: number
  readonly message: string
  readonly messageEn: string
}

export interface ParseResult {
  readonly questions: ParsedQuestion[]
  readonly problems: ParseProblem[]
}

// Full-width digits and letters (１．Ａ．) are common in Word files typed with a Chinese IME; the
// teacher's own text is kept as typed, only the markers are folded.
const NUMBER = /^(?:第\s*)?([0-9０-９]{1,4})\s*题?\s*[.．、)）:：](?![0-9０-９])\s*(.*)$/
const OPTION_START = /^([A-Fa-fＡ-Ｆａ-ｆ])\s*[.．、:：)）]\s*/
const OPTION_SPLIT = /(?:^|\s+)([A-Fa-fＡ-Ｆａ-ｆ])\s*[.．、:：)）]\s*/g
const ANSWER = /^(?:【\s*)?答\s*案(?:\s*】)?\s*[:：]?\s*(.*)$/
const EXPLANATION = /^(?:【\s*)?解\s*析(?:\s*】)?\s*[:：]?\s*(.*)$/
const DIFFICULTY = /^(?:【\s*)?难\s*度(?:\s*】)?\s*[:：]?\s*(.*)$/

const TRUE_WORDS = new Set(['对', '正确', '√', '✓', 't', 'true', '是', 'y', 'yes'])
const FALSE_WORDS = new Set(['错', '错误', '×', '✗', 'x', 'f', 'false', '否', 'n', 'no'])
const DIFFICULTY_WORDS: Record<string, number> = { 容易: 1, 易: 1, 较易: 2, 中等: 3, 中: 3, 较难: 4, 难: 4, 困难: 5 }

interface Draft {
  number: number
  line: number
  stem: string[]
  options: { letter: string; text: string }[]
  answer: string | null
  explanation: string[]
  difficulty: string | null
  /** Which part the next plain line continues. */
  mode: 'stem' | 'options' | 'explanation' | 'after'
}

export function parseQuestionText(text: string): ParseResult {
  const questions: ParsedQuestion[] = []
  const problems: ParseProblem[] = []
  let draft: Draft | null = null

  const finish = (): void => {
    if (draft) {
      const r = build(draft)
      if ('problem' in r) problems.push(r.problem)
      else questions.push(r)
    }
    draft = null
  }

  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  lines.forEach((rawLine, i) => {
    const line = rawLine.trim()
    if (line === '') return
    const num = NUMBER.exec(line)
    // "2.5 + 3" is not question 2: a number must not run on into digits (the (?!\d) above).
    if (num) {
      finish()
      draft = {
        number: Number(num[1]!.normalize('NFKC')),
        line: i + 1,
        stem: [],
        options: [],
        answer: null,
        explanation: [],
        difficulty: null,
        mode: 'stem'
      }
      if (num[2]) draft.stem.push(num[2])
      return
    }
    const d = draft as Draft | null
    if (!d) return // text before the first numbered question (a title, instructions) is not a question
    const ans = ANSWER.exec(line)
    if (ans) {
      d.answer = ans[1]!.trim()
      d.mode = 'after'
      return
    }
    const exp = EXPLANATION.exec(line)
    if (exp) {
      if (exp[1]) d.explanation.push(exp[1])
      d.mode = 'explanation'
      return
    }
    const dif = DIFFICULTY.exec(line)
    if (dif) {
      d.difficulty = dif[1]!.trim()
      d.mode = 'after'
      return
    }
    if ((d.mode === 'stem' || d.mode === 'options') && OPTION_START.test(line)) {
      for (const o of splitOptions(line)) d.options.push(o)
      d.mode = 'options'
      return
    }
    if (d.mode === 'stem') d.stem.push(line)
    else if (d.mode === 'options' && d.options.length > 0) {
      const last = d.options[d.options.length - 1]!
      last.text = `${last.text} ${line}`.trim()
    } else if (d.mode === 'explanation') d.explanation.push(line)
  })
  finish()
  return { questions, problems }
}

function splitOptions(line: string): { letter: string; text: string }[] {
  const marks = [...line.matchAll(OPTION_SPLIT)]
  return marks.map((m, k) => {
    const start = m.index + m[0].length
    const end = k + 1 < marks.length ? marks[k + 1]!.index : line.length
    return { letter: m[1]!.normalize('NFKC').toUpperCase(), text: line.slice(start, end).trim() }
  })
}

function build(d: Draft): ParsedQuestion | { problem: ParseProblem } {
  const problem = (message: string, messageEn: string): { problem: ParseProblem } => ({
    problem: { number: d.number, line: d.line, message, messageEn }
  })
  const prompt = d.stem.join('\n').trim()
  if (prompt === '') return problem(`第 ${d.number} 题没有题干。`, `Question ${d.number} has no stem.`)
  if (d.answer === null || d.answer === '') {
    return problem(
      `第 ${d.number} 题缺少“答案：”一行，已跳过。请在选项后加一行，例如“答案：B”。`,
      `Question ${d.number} has no "答案：" line and was skipped. Add a line such as "答案：B" after the options.`
    )
  }
  const explanation = d.explanation.join('\n').trim()
  const difficulty = parseDifficulty(d.difficulty)
  const letters = d.options.map((o) => o.letter)
  if (new Set(letters).size !== letters.length) {
    return problem(
      `第 ${d.number} 题的选项字母重复（${letters.join('')}）。`,
      `Question ${d.number} repeats an option letter (${letters.join('')}).`
    )
  }
  if (d.options.some((o) => o.text === '')) {
    return problem(`第 ${d.number} 题有空白选项。`, `Question ${d.number} has an empty option.`)
  }

  if (d.options.length >= 2) {
    const keys = [
      ...d.answer
        .normalize('NFKC')
        .toUpperCase()
        .replace(/[\s,，、;；]/g, '')
    ]
    const unknown = keys.filter((k) => !letters.includes(k))
    if (keys.length === 0 || unknown.length > 0) {
      return problem(
        `第 ${d.number} 题的答案“${d.answer}”不是它的选项（${letters.join('、')}）。`,
        `The answer "${d.answer}" of question ${d.number} is not one of its options (${letters.join(', ')}).`
      )
    }
    const options = d.options.map((o) => ({ id: o.letter, text: o.text }))
    const unique = [...new Set(keys)]
    const question: QuestionInput =
      unique.length === 1
        ? { kind: 'single', prompt, explanation, options, answer: unique[0]! }
        : { kind: 'multiple', prompt, explanation, options, answers: unique }
    return { number: d.number, question, difficulty }
  }
  if (d.options.length === 1) {
    return problem(
      `第 ${d.number} 题只有一个选项，至少需要两个。`,
      `Question ${d.number} has only one option; at least two are needed.`
    )
  }
  const word = d.answer.normalize('NFKC').toLowerCase()
  if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) {
    return {
      number: d.number,
      question: { kind: 'truefalse', prompt, explanation, answer: TRUE_WORDS.has(word) },
      difficulty
    }
  }
  // No options: a fill-in question. Alternatives are separated by ｜ or ；, never by "/" (1/2 is an answer).
  const accepted = d.answer
    .split(/[|｜;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return { number: d.number, question: { kind: 'fillin', prompt, explanation, accepted }, difficulty }
}

function parseDifficulty(raw: string | null): number | null {
  if (raw === null) return null
  const n = Number(raw.normalize('NFKC'))
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n
  return DIFFICULTY_WORDS[raw] ?? null
}
