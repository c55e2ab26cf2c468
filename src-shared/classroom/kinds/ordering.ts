import { z } from 'zod'
import { Pictures, Prompt, TimeLimit } from './common'
import { letter, type KindModule } from './kind-module'

const spec = z.object({
  kind: z.literal('ordering'),
  prompt: Prompt,
  pictures: Pictures,
  /** The items in their right order; tablets get them shuffled. */
  items: z.array(z.string().min(1).max(200)).min(2).max(10),
  timeLimitSec: TimeLimit
})
/** `order`: the indexes of the items as the tablet was shown them (`options`), first to last. */
const answer = z
  .object({ kind: z.literal('ordering'), order: z.array(z.number().int().min(0).max(9)).min(2).max(10) })
  .strict()

type Spec = z.output<typeof spec>

/**
 * shown[i] = the right position of the i-th item the tablet shows. The same for every tablet and
 * every launch of the same items (a hash of them seeds it), so a retry or a rejoin sees the same
 * list; never the right order itself, which would give the answer away.
 */
export function shownOrder(items: readonly string[]): number[] {
  let h = 2166136261
  for (const ch of items.join('\u0000')) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0
  const idx = items.map((_, i) => i)
  for (let i = idx.length - 1; i > 0; i--) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0
    const j = h % (i + 1)
    ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
  }
  // A shuffle that lands on the right order would be the key: turn it by one.
  return idx.every((v, i) => v === i) ? idx.map((_, i) => (i + 1) % idx.length) : idx
}

/** The shown indexes in the right order (what a right answer sends). */
const rightOrder = (s: Spec): number[] => {
  const shown = shownOrder(s.items)
  return s.items.map((_, pos) => shown.indexOf(pos))
}

export const ordering = {
  kind: 'ordering',
  label: { zh: '排序题', en: 'Ordering' },
  spec,
  answer,
  badShape: { zh: '这是排序题，请把各项排好顺序再提交', en: 'This is an ordering question; put the items in order' },
  upload: null,
  ranking: null,
  student: (s) => ({ options: shownOrder(s.items).map((pos) => s.items[pos]!) }),
  misfit(s, a) {
    const n = s.items.length
    const isPermutation = a.order.length === n && new Set(a.order).size === n && a.order.every((i) => i < n)
    return isPermutation ? null : { zh: `请把全部 ${n} 项排好顺序再提交`, en: `Put all ${n} items in order` }
  },
  // All or nothing: one item out of place is wrong.
  mark: (s, a) => rightOrder(s).every((v, i) => a.order[i] === v),
  keyFromBars: () => null,
  key: (s) => ({ options: rightOrder(s) }),
  /** One bar a position: how many put the right item there. */
  bars: (s) => s.items.map((_, i) => `第${i + 1}位`),
  tally(sink, a, _from, s) {
    const right = rightOrder(s)
    a.order.forEach((v, i) => {
      if (right[i] === v) sink.counts[i] = (sink.counts[i] ?? 0) + 1
    })
  },
  describe: (a) => a.order.map(letter).join(''),
  keyText: (s) => s.items.join(' → '),
  platform: 'open'
} satisfies KindModule<Spec, z.output<typeof answer>>
