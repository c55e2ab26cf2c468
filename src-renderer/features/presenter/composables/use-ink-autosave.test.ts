import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref, shallowRef } from 'vue'
import { SaveInk } from '../../../../src-shared/contract/lessons'
import type { InkStroke } from '../../../../src-shared/courseware/ink'
import { InkBook } from '../../ink'
import { setTransport } from '../../../transport'
import type { Transport } from '../../../transport/types'
import { MAX_POINTS_PER_SAVE, useInkAutosave } from './use-ink-autosave'
import type { LessonPages } from './use-lesson-pages'
import type { LessonRecorder } from '../lesson-recorder'

const stroke = (id: string, points = 20): InkStroke => ({
  id,
  tool: 'pen',
  color: '#000000',
  width: 4,
  points: Array.from({ length: points }, (_, k) => [k, k, 0.5, k * 8] as [number, number, number, number])
})

describe('the board ink autosave', () => {
  let sent: ReturnType<typeof SaveInk.parse>[]
  beforeEach(() => {
    vi.useFakeTimers()
    sent = []
    // Each call is parsed as the service's dispatch would parse it, and answered at once.
    setTransport({
      invoke: (_channel: string, input: unknown) => {
        sent.push(SaveInk.parse(JSON.parse(JSON.stringify(input))))
        return Promise.resolve({ savedAt: '', pages: 0 })
      }
    } as unknown as Transport)
  })
  afterEach(() => {
    setTransport(null)
    vi.useRealTimers()
  })

  function board(strokes: InkStroke[], step = ref(0)) {
    const book = new InkBook()
    book.load('s1', strokes)
    const pages = { pages: shallowRef([{ kind: 'slide', id: 's1', index: 0 }]), current: ref(0) }
    const recorder = { sessionId: 'lesson-1', onError: null } as unknown as LessonRecorder
    const autosave = useInkAutosave({
      book,
      pages: pages as unknown as LessonPages,
      recorder,
      deckPath: () => '/d.edux',
      step: () => step.value
    })
    return { book, autosave }
  }

  it('sends a page of thousands of strokes in parts, then each new stroke alone', async () => {
    const { book, autosave } = board(Array.from({ length: 3000 }, (_, i) => stroke(`e${i}`)))
    await vi.advanceTimersByTimeAsync(1000) // the first tick finds the page unsaved
    await vi.advanceTimersByTimeAsync(50)
    const parts = sent.map((s) => s.pages[0]!)
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const p of parts)
      expect(p.strokes.reduce((n, s) => n + s.points.length, 0)).toBeLessThanOrEqual(MAX_POINTS_PER_SAVE)
    expect(parts.map((p) => p.more)).toEqual([...parts.slice(1).map(() => true), false])
    expect(parts.slice(1).every((p) => p.append)).toBe(true)
    expect(parts.flatMap((p) => p.strokes.map((s) => s.id))).toEqual(book.slide('s1').strokes.map((s) => s.id))

    sent.length = 0
    book.slide('s1').add(stroke('new'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.pages[0]).toMatchObject({ append: true, more: false })
    expect(sent[0]!.pages[0]!.strokes.map((s) => s.id)).toEqual(['new'])
    autosave.stop()
  })

  it('saves the build step on screen, and a step played with no new ink is saved too', async () => {
    const step = ref(0)
    const { autosave } = board([stroke('a')], step)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent.at(-1)!.at).toMatchObject({ pageId: 's1', step: 0 })
    const before = sent.length
    step.value = 2
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent.length).toBe(before + 1)
    expect(sent.at(-1)!.pages).toEqual([]) // the ink was saved already
    expect(sent.at(-1)!.at).toMatchObject({ pageId: 's1', step: 2 })
    autosave.stop()
  })

  it('sends the page whole again after an erase', async () => {
    const { book, autosave } = board([stroke('a'), stroke('b')])
    await vi.advanceTimersByTimeAsync(1000)
    book.slide('s1').replace(new Set(['a']))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.at(-1)!.pages[0]).toMatchObject({ append: false, more: false })
    expect(sent.at(-1)!.pages[0]!.strokes.map((s) => s.id)).toEqual(['b'])
    autosave.stop()
  })
})
