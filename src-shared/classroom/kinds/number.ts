import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule, Reason } from './kind-module'

/** Numbers a lesson uses; a bound keeps a typed 1e308 from turning into Infinity in arithmetic. */
const Num = z.number().finite().min(-1e12).max(1e12)

const spec = z.object({
  kind: z.literal('number'),
  prompt: Prompt,
  pictures: Pictures,
  /** The right value; absent = no key (nothing is marked). */
  correct: Num.optional(),
  /** An answer within ± this of `correct` is right (0 = exactly). */
  tolerance: z.number().finite().min(0).max(1e12).default(0),
  /** Shown after the input on the tablet (cm, 千克, %), and with the key. */
  unit: z.string().max(10).default(''),
  /** The range an answer must fall in: outside it the answer is refused, not stored. */
  min: Num.optional(),
  max: Num.optional(),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('number'), value: Num }).strict()

type Spec = z.output<typeof spec>

/** 12.5, not 12.500000000000002: what the teacher typed reads back the same. */
const show = (n: number): string => String(Number(n.toPrecision(12)))

function outOfRange(s: Spec): Reason {
  const u = s.unit
  if (s.min !== undefined && s.max !== undefined)
    return {
      zh: `答案应在 ${show(s.min)}${u} 到 ${show(s.max)}${u} 之间`,
      en: `The answer must be between ${show(s.min)} and ${show(s.max)}${u}`
    }
  if (s.min !== undefined)
    return { zh: `答案不能小于 ${show(s.min)}${u}`, en: `The answer cannot be less than ${show(s.min)}${u}` }
  return { zh: `答案不能大于 ${show(s.max!)}${u}`, en: `The answer cannot be more than ${show(s.max!)}${u}` }
}

export const number = {
  kind: 'number',
  label: { zh: '数值题', en: 'Number' },
  spec,
  refine(s, issue) {
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) issue('max', '最大值不能小于最小值')
    if (
      s.correct !== undefined &&
      ((s.min !== undefined && s.correct < s.min) || (s.max !== undefined && s.correct > s.max))
    )
      issue('correct', '正确答案不在允许的范围内')
  },
  answer,
  badShape: { zh: '这是数值题，请填写一个数', en: 'This is a number question; enter a number' },
  upload: null,
  ranking: null,
  student: (s) => ({
    ...(s.unit ? { unit: s.unit } : {}),
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {})
  }),
  misfit: (s, a) =>
    (s.min !== undefined && a.value < s.min) || (s.max !== undefined && a.value > s.max) ? outOfRange(s) : null,
  mark(s, a) {
    if (s.correct === undefined) return null
    // 0.1 + 0.2 typed as 0.3 is right: a hair of slack for binary fractions, scaled to the key.
    const slack = 1e-9 * Math.max(1, Math.abs(s.correct))
    return Math.abs(a.value - s.correct) <= s.tolerance + slack
  },
  keyFromBars: () => null,
  key: (s) => (s.correct === undefined ? {} : { number: { value: s.correct, tolerance: s.tolerance } }),
  bars: () => [],
  tally: () => undefined,
  describe: (a) => show(a.value),
  keyText: (s) =>
    s.correct === undefined ? null : `${show(s.correct)}${s.unit}${s.tolerance ? `（±${show(s.tolerance)}）` : ''}`,
  platform: 'fill'
} satisfies KindModule<Spec, z.output<typeof answer>>
