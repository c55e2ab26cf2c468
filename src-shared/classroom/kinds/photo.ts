import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('photo'),
  prompt: Prompt,
  pictures: Pictures,
  timeLimitSec: TimeLimit
})
/** Set by the server after an HTTP upload; a socket may not send it. */
const answer = z.object({ kind: z.literal('photo'), photoId: z.string().max(80) }).strict()

export const photo = {
  kind: 'photo',
  label: { zh: '拍照作答', en: 'Photo answer' },
  spec,
  answer,
  badShape: { zh: '这道题请拍照作答', en: 'Answer this question with a photo' },
  ranking: null,
  upload: (photoId) => ({ kind: 'photo', photoId }),
  student: () => ({}),
  misfit: () => null,
  mark: () => null,
  key: () => ({}),
  keyFromBars: () => null,
  bars: () => [],
  tally(sink, a, from) {
    sink.photo(from.studentId, a.photoId)
  },
  describe: (a) => `照片 ${a.photoId}`,
  keyText: () => null,
  platform: 'open'
} satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
