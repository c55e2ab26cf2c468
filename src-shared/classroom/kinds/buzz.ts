import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('buzz'),
  prompt: Prompt,
  pictures: Pictures,
  /** The first N to buzz win. */
  winners: z.number().int().min(1).max(50).default(1),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('buzz') }).strict()

export const buzz = {
  kind: 'buzz',
  label: { zh: '抢答', en: 'Buzz in' },
  spec,
  answer,
  badShape: { zh: '这是抢答，请点“抢答”按钮', en: 'This is a buzz-in; press the buzz button' },
  upload: null,
  ranking: (s) => ({ winners: s.winners }),
  student: () => ({}),
  misfit: () => null,
  mark: () => null,
  key: () => ({}),
  keyFromBars: () => null,
  bars: () => [],
  tally(sink, _a, from, s) {
    sink.buzz(from.studentId, from.receivedAt, s.winners)
  },
  describe: () => '抢答',
  keyText: () => null,
  platform: 'open'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
