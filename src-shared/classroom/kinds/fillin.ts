import { z } from 'zod'
import { Pictures, Prompt, ShortText, TimeLimit } from './common'
import type { KindModule } from './kind-module'
import { normaliseText } from '../wire'

const spec = z.object({
  kind: z.literal('fillin'),
  prompt: Prompt,
  pictures: Pictures,
  /** One entry per blank; each blank accepts any of its answers (after normaliseText). */
  blanks: z
    .array(z.object({ accepted: z.array(z.string().min(1).max(200)).max(20) }))
    .min(1)
    .max(10),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('fillin'), texts: z.array(ShortText).min(1).max(10) }).strict()

export const fillin = {
  kind: 'fillin',
  label: { zh: '填空题', en: 'Fill in the blank' },
  spec,
  answer,
  badShape: {
    zh: '这是填空题，请在空里写答案（每空最多 200 字）',
    en: 'This is a fill-in question; write in the blanks (200 characters each at most)'
  },
  upload: null,
  ranking: null,
  student: (s) => ({ blanks: s.blanks.length }),
  misfit(s, a) {
    const n = s.blanks.length
    if (a.texts.length !== n) return { zh: `请填写全部 ${n} 个空`, en: `Fill in all ${n} blanks` }
    return a.texts.some((t) => normaliseText(t) === '') ? { zh: '还有空没有填写', en: 'A blank is still empty' } : null
  },
  mark(s, a) {
    if (s.blanks.every((b) => b.accepted.length === 0)) return null
    return s.blanks.every((b, i) => {
      const given = normaliseText(a.texts[i] ?? '')
      return b.accepted.some((acc) => normaliseText(acc) === given)
    })
  },
  key: (s) => ({ accepted: s.blanks.map((b) => b.accepted) }),
  keyFromBars: () => null,
  bars: () => [],
  tally: () => undefined,
  describe: (a) => a.texts.join(' | '),
  keyText: (s) =>
    s.blanks.some((b) => b.accepted.length > 0) ? s.blanks.map((b) => b.accepted.join('/')).join(' | ') : null,
  platform: 'fill'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
