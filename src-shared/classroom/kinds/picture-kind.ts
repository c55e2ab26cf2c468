/**
 * Kinds answered with a picture the device uploads (photo, 小黑板): the same spec, answer, upload,
 * tally (the board's gallery) and nothing to mark; only their names and the wording differ.
 */
import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import type { KindModule, Reason } from './kind-module'

export function pictureKind<K extends string>(
  kind: K,
  label: Reason,
  badShape: Reason,
  /** The answer as tables and CSV show it, before the picture's id. */
  noun: string
) {
  const spec = z.object({ kind: z.literal(kind), prompt: Prompt, pictures: Pictures, timeLimitSec: TimeLimit })
  /** Set by the server after an HTTP upload; a socket may not send it. */
  const answer = z.object({ kind: z.literal(kind), photoId: z.string().max(80) }).strict()
  return {
    kind,
    label,
    spec,
    answer,
    badShape,
    ranking: null,
    upload: (photoId: string) => ({ kind, photoId }),
    student: () => ({}),
    misfit: () => null,
    mark: () => null,
    key: () => ({}),
    keyFromBars: () => null,
    bars: () => [],
    tally(sink, a, from) {
      sink.photo(from.studentId, a.photoId)
    },
    describe: (a) => `${noun} ${a.photoId}`,
    keyText: () => null,
    platform: 'open'
  } satisfies KindModule<z.output<typeof spec>, z.output<typeof answer>>
}
