import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('truefalse'),
  prompt: Prompt,
  pictures: Pictures,
  correct: z.boolean().optional(),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('truefalse'), value: z.boolean() }).strict()

/** The bars are [对, 错]; the key is the bar of the right one. */
const bar = (v: boolean): number => (v ? 0 : 1)

export const truefalse = {
  kind: 'truefalse',
  label: { zh: '判断题', en: 'True/false' },
  spec,
  answer,
  badShape: { zh: '这是判断题，请选“对”或“错”', en: 'This is a true/false question; choose true or false' },
  upload: null,
  ranking: null,
  student: () => ({ options: ['对', '错'] }),
  misfit: () => null,
  mark: (s, a) => (s.correct === undefined ? null : a.value === s.correct),
  keyFromBars: (s, bars) =>
    bars.length === 1 && (bars[0] === 0 || bars[0] === 1) ? { ...s, correct: bars[0] === 0 } : null,
  key: (s) => (s.correct === undefined ? {} : { options: [bar(s.correct)], value: s.correct }),
  bars: () => ['对', '错'],
  tally(sink, a) {
    sink.counts[bar(a.value)]! += 1
  },
  describe: (a) => (a.value ? '对' : '错'),
  keyText: (s) => (s.correct === undefined ? null : s.correct ? '对' : '错'),
  platform: 'judge'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
