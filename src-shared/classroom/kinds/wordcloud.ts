import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule } from './kind-module'
import { normaliseText } from '../wire'

const spec = z.object({
  kind: z.literal('wordcloud'),
  prompt: Prompt,
  pictures: Pictures,
  /** Words one student may give. */
  maxWords: z.number().int().min(1).max(5).default(3),
  timeLimitSec: TimeLimit
})
const answer = z.object({ kind: z.literal('wordcloud'), words: z.array(z.string().max(30)).min(1).max(5) }).strict()

const wordsOf = (a: z.output<typeof answer>): string[] => a.words.map(normaliseText).filter((w) => w !== '')

export const wordcloud = {
  kind: 'wordcloud',
  label: { zh: '词云', en: 'Word cloud' },
  spec,
  answer,
  badShape: {
    zh: '这是词云，请写 1 到 5 个词（每个最多 30 字）',
    en: 'This is a word cloud; write 1 to 5 words (30 characters each at most)'
  },
  upload: null,
  ranking: null,
  student: (s) => ({ maxWords: s.maxWords }),
  misfit(s, a) {
    const words = wordsOf(a)
    if (words.length === 0) return { zh: '请至少写一个词', en: 'Write at least one word' }
    return words.length > s.maxWords
      ? { zh: `最多写 ${s.maxWords} 个词`, en: `Write at most ${s.maxWords} words` }
      : null
  },
  mark: () => null,
  key: () => ({}),
  keyFromBars: () => null,
  bars: () => [],
  tally(sink, a) {
    for (const w of new Set(wordsOf(a))) sink.words.set(w, (sink.words.get(w) ?? 0) + 1)
  },
  describe: (a) => a.words.join('、'),
  keyText: () => null,
  platform: 'open'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
