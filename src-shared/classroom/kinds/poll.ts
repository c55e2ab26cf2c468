import { z } from 'zod'
import { Pictures, Choices, Options, Prompt, TimeLimit } from './common'
import { NO_OPTION, inRange, optionBars, sortedLetters, type KindModule } from './kind-module'
import { ONCE_EACH } from './multiple'

const spec = z.object({
  kind: z.literal('poll'),
  prompt: Prompt,
  pictures: Pictures,
  options: Options,
  multi: z.boolean().default(false),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('poll'), choices: Choices }).strict()

export const poll = {
  kind: 'poll',
  label: { zh: '投票', en: 'Poll' },
  spec,
  answer,
  badShape: { zh: '这是投票，请选择选项', en: 'This is a poll; choose an option' },
  upload: null,
  ranking: null,
  student: (s) => ({ options: s.options, multi: s.multi }),
  misfit(s, a) {
    if (!a.choices.every((c) => inRange(c, s.options.length))) return NO_OPTION
    if (new Set(a.choices).size !== a.choices.length) return ONCE_EACH
    return !s.multi && a.choices.length !== 1
      ? { zh: '这次投票只能选一项', en: 'This poll takes one choice only' }
      : null
  },
  mark: () => null,
  key: () => ({}),
  keyFromBars: () => null,
  bars: (s) => optionBars(s.options),
  tally(sink, a) {
    for (const c of a.choices) sink.counts[c] = (sink.counts[c] ?? 0) + 1
  },
  describe: (a) => sortedLetters(a.choices),
  keyText: () => null,
  platform: 'vote'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
