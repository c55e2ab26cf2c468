import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, nextTick, ref } from 'vue'
import type { InkStroke } from '../../../../src-shared/courseware/ink'
import { InkBook } from '../../ink'
import { BoardInk, LinkMessage } from '../presenter-link'
import { inkOnConsole, type ConsoleInk } from '../console-ink'
import { CONSOLE_INK_MS, useConsoleInk } from './use-console-ink'
import type { LessonPages } from './use-lesson-pages'

const stroke = (id: string): InkStroke => ({
  id,
  tool: 'pen',
  color: '#E53935',
  width: 4,
  points: [
    [10, 10, 0.5, 0],
    [90, 40, 0.5, 60]
  ]
})

describe('the board ink on the presenter console', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function link() {
    const book = new InkBook()
    book.load('s1', [])
    const id = ref('s1')
    const page = computed(() => ({ kind: 'slide' as const, id: id.value, index: 0 }))
    const sent: BoardInk[] = []
    let shown: ConsoleInk | null = null
    // Each message crosses the link as the console reads it: checked, then applied.
    const ink = useConsoleInk({
      book,
      pages: { page } as unknown as Pick<LessonPages, 'page'>,
      post: (m) => {
        const parsed = LinkMessage.parse(JSON.parse(JSON.stringify(m)))
        sent.push(parsed as BoardInk)
        shown = inkOnConsole(shown, parsed as BoardInk)
      }
    })
    return { book, id, sent, ink, shown: () => shown?.strokes.map((s) => s.id) ?? [] }
  }

  it('sends each new stroke alone, within a tenth of a second, and the console keeps them all', async () => {
    const l = link()
    l.book.slide('s1').add(stroke('a'))
    l.book.slide('s1').add(stroke('b'))
    await vi.advanceTimersByTimeAsync(CONSOLE_INK_MS)
    l.book.slide('s1').add(stroke('c'))
    await vi.advanceTimersByTimeAsync(CONSOLE_INK_MS)
    expect(l.sent.map((m) => [m.append, m.strokes.map((s) => s.id)])).toEqual([
      [false, ['a', 'b']],
      [true, ['c']]
    ])
    expect(l.shown()).toEqual(['a', 'b', 'c'])
  })

  it('sends the page whole after an erase and after a page turn', async () => {
    const l = link()
    l.book.slide('s1').add(stroke('a'))
    l.book.slide('s1').add(stroke('b'))
    await vi.advanceTimersByTimeAsync(CONSOLE_INK_MS)
    l.book.slide('s1').replace(new Set(['a']))
    await vi.advanceTimersByTimeAsync(CONSOLE_INK_MS)
    expect(l.sent.at(-1)).toMatchObject({ append: false, pageId: 's1' })
    expect(l.shown()).toEqual(['b'])
    l.book.load('s2', [stroke('z')])
    l.id.value = 's2'
    await nextTick()
    await vi.advanceTimersByTimeAsync(CONSOLE_INK_MS)
    expect(l.sent.at(-1)).toMatchObject({ append: false, pageId: 's2' })
    expect(l.shown()).toEqual(['z'])
  })

  it('sends a console that has just connected the whole page at once', () => {
    const l = link()
    l.book.slide('s1').add(stroke('a'))
    l.ink.sendAll()
    expect(l.sent).toHaveLength(1)
    expect(l.sent[0]).toMatchObject({ append: false })
    expect(l.shown()).toEqual(['a'])
  })
})
