import { z } from 'zod'
import { Pictures, Choices, Options, Prompt, TimeLimit } from './common'
import { NO_OPTION, inRange, optionBars, sortedLetters, type KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('multiple'),
  prompt: Prompt,
  pictures: Pictures,
  options: Options,
  /** Indexes of every right option; absent = no key. */
  correct: Choices.optional(),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('multiple'), choices: Choices }).strict()

export const ONCE_EACH = { zh: '同一个选项只能选一次', en: 'Each option can be chosen only once' }

export const multiple = {
  kind: 'multiple',
  label: { zh: '多选题', en: 'Multiple choice' },
  spec,
  refine(s, issue) {
    for (const k of s.correct ?? []) if (k >= s.options.length) issue('correct', `没有第 ${k + 1} 个选项`)
  },
  answer,
  badShape: { zh: '这是多选题，请至少选一个选项', en: 'This is a multiple-choice question; pick at least one option' },
  upload: null,
  ranking: null,
  student: (s) => ({ options: s.options, multi: true }),
  misfit(s, a) {
    if (!a.choices.every((c) => inRange(c, s.options.length))) return NO_OPTION
    return new Set(a.choices).size === a.choices.length ? null : ONCE_EACH
  },
  mark(s, a) {
    if (s.correct === undefined) return null
    const want = new Set(s.correct)
    const got = new Set(a.choices)
    return want.size === got.size && [...want].every((v) => got.has(v))
  },
  keyFromBars: (s, bars) =>
    bars.length > 0 && bars.every((b) => inRange(b, s.options.length))
      ? { ...s, correct: [...new Set(bars)].sort((x, y) => x - y) }
      : null,
  key: (s) => (s.correct === undefined ? {} : { options: [...new Set(s.correct)].sort((x, y) => x - y) }),
  bars: (s) => optionBars(s.options),
  tally(sink, a) {
    for (const c of a.choices) sink.counts[c] = (sink.counts[c] ?? 0) + 1
  },
  describe: (a) => sortedLetters(a.choices),
  keyText: (s) => (s.correct && s.correct.length > 0 ? sortedLetters(s.correct) : null),
  platform: 'multiple'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
