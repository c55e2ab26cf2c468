import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InkAutosave } from './ink-autosave'
import { InkBook } from './slide-ink'
import type { InkStroke } from '../../../src-shared/courseware/ink'

const stroke = (id: string): InkStroke => ({ id, tool: 'pen', color: '#000000', width: 4, points: [[0, 0, 0.5, 0]] })

interface Sent {
  pages: { id: string; strokes: string[] }[]
  at: string
}

/** An autosave over a real InkBook, sending to a service whose answers the test releases. */
function setup() {
  const book = new InkBook()
  let at = 's1'
  const sent: Sent[] = []
  const answers: { ok: () => void; fail: (e: Error) => void }[] = []
  const errors: unknown[] = []
  const autosave = new InkAutosave<Sent>({
    collect(saved, savedPlace) {
      const pages = book
        .entries()
        .filter(([id]) => saved.get(id) !== book.slide(id).version)
        .map(([id, strokes]) => ({ id, strokes: strokes.map((s) => s.id) }))
      if (!pages.length && savedPlace === at) return null
      return {
        payload: { pages, at },
        versions: new Map(pages.map((p) => [p.id, book.slide(p.id).version])),
        place: at
      }
    },
    send(payload) {
      sent.push(payload)
      return new Promise<void>((ok, fail) => answers.push({ ok, fail }))
    },
    onError: (e) => errors.push(e)
  })
  book.onChange = () => autosave.changed()
  return { book, autosave, sent, answers, errors, goTo: (id: string) => (at = id) }
}

describe('InkAutosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends a finished stroke at once, and the strokes drawn while it was in flight together next', async () => {
    const { book, sent, answers } = setup()
    book.slide('s1').add(stroke('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([{ pages: [{ id: 's1', strokes: ['a'] }], at: 's1' }])
    book.slide('s1').add(stroke('b'))
    book.slide('s2').add(stroke('c'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1) // one save at a time
    answers[0]!.ok()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent[1]!.pages).toEqual([
      { id: 's1', strokes: ['a', 'b'] },
      { id: 's2', strokes: ['c'] }
    ])
  })

  it('sends only pages changed since the last answered save, and a page turn without ink', async () => {
    const { book, sent, answers, goTo, autosave } = setup()
    book.slide('s1').add(stroke('a'))
    await vi.advanceTimersByTimeAsync(0)
    answers[0]!.ok()
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toHaveLength(1) // nothing new: the interval sends nothing
    goTo('s2')
    autosave.changed()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent[1]).toEqual({ pages: [], at: 's2' })
  })

  it('keeps unsaved ink after a failed save and sends it again within the interval', async () => {
    const { book, sent, answers, errors } = setup()
    book.slide('s1').add(stroke('a'))
    await vi.advanceTimersByTimeAsync(0)
    answers[0]!.fail(new Error('服务未响应'))
    await vi.advanceTimersByTimeAsync(0)
    expect(errors).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toHaveLength(2)
    expect(sent[1]!.pages).toEqual([{ id: 's1', strokes: ['a'] }])
  })

  it('sends erasing and undo too, the page whole', async () => {
    const { book, sent, answers } = setup()
    const ink = book.slide('s1')
    ink.add(stroke('a'))
    ink.add(stroke('b'))
    await vi.advanceTimersByTimeAsync(0)
    answers[0]!.ok()
    ink.replace(new Set(['a']))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.at(-1)!.pages).toEqual([{ id: 's1', strokes: ['b'] }])
    answers[1]!.ok()
    ink.undo()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.at(-1)!.pages).toEqual([{ id: 's1', strokes: ['a', 'b'] }])
  })
})
