import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule } from './kind-module'

/**
 * 小黑板: each student draws the answer on the tablet with the board's own ink, and sends the
 * drawing as a picture (PNG) by the same upload as a photo, so its size limit, its quotas, its
 * 413 and the board's gallery are the photo's.
 */
const spec = z.object({
  kind: z.literal('drawing'),
  prompt: Prompt,
  pictures: Pictures,
  timeLimitSec: TimeLimit
})
/** Set by the server after an HTTP upload; a socket may not send it. */
const answer = z.object({ kind: z.literal('drawing'), photoId: z.string().max(80) }).strict()

export const drawing = {
  kind: 'drawing',
  label: { zh: '小黑板', en: 'Drawing board' },
  spec,
  answer,
  badShape: { zh: '这道题请在小黑板上画出答案', en: 'Draw your answer on the drawing board' },
  ranking: null,
  upload: (photoId) => ({ kind: 'drawing', photoId }),
  student: () => ({}),
  misfit: () => null,
  mark: () => null,
  key: () => ({}),
  keyFromBars: () => null,
  bars: () => [],
  tally(sink, a, from) {
    sink.photo(from.studentId, a.photoId)
  },
  describe: (a) => `小黑板 ${a.photoId}`,
  keyText: () => null,
  platform: 'open'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
