import { z } from 'zod'
import { Pictures, Choice, Options, Prompt, TimeLimit } from './common'
import { NO_OPTION, inRange, letter, optionBars, type KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('single'),
  prompt: Prompt,
  pictures: Pictures,
  options: Options,
  /** Index of the correct option; absent = no key (nothing is marked). */
  correct: Choice.optional(),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('single'), choice: Choice }).strict()

export const single = {
  kind: 'single',
  label: { zh: '单选题', en: 'Single choice' },
  spec,
  refine(s, issue) {
    if (s.correct !== undefined && s.correct >= s.options.length) issue('correct', `没有第 ${s.correct + 1} 个选项`)
  },
  answer,
  badShape: { zh: '这是单选题，请选一个选项', en: 'This is a single-choice question; pick one option' },
  upload: null,
  ranking: null,
  student: (s) => ({ options: s.options, multi: false }),
  misfit: (s, a) => (inRange(a.choice, s.options.length) ? null : NO_OPTION),
  mark: (s, a) => (s.correct === undefined ? null : a.choice === s.correct),
  key: (s) => (s.correct === undefined ? {} : { options: [s.correct] }),
  keyFromBars: (s, bars) =>
    bars.length === 1 && inRange(bars[0]!, s.options.length) ? { ...s, correct: bars[0]! } : null,
  bars: (s) => optionBars(s.options),
  tally(sink, a) {
    sink.counts[a.choice] = (sink.counts[a.choice] ?? 0) + 1
  },
  describe: (a) => letter(a.choice),
  keyText: (s) => (s.correct === undefined ? null : letter(s.correct)),
  platform: 'single'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
