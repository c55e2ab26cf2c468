import { describe, expect, it } from 'vitest'
import { Slide } from '../../../src-shared/courseware/deck'
import { questionSpecFromCourseware } from '../../../src-shared/classroom/from-courseware'
import { QuestionSpec } from '../../../src-shared/classroom/question'
import type { RunTally } from '../../../src-shared/classroom/results'
import {
  boardActionForRemote,
  newerTally,
  notYetAnswered,
  revealedBars,
  rosterForClass,
  slidePictures,
  slideQuestion
} from './board-classroom'

const questionSlide = Slide.parse({
  id: 's2',
  elements: [
    { type: 'text', id: 't', x: 0, y: 0, w: 100, h: 40, paragraphs: [{ runs: [{ text: '想一想' }] }] },
    {
      type: 'question',
      id: 'q',
      x: 0,
      y: 50,
      w: 600,
      h: 300,
      question: {
        kind: 'single',
        prompt: '3² + 4² = ?',
        options: [
          { id: 'a', text: '7' },
          { id: 'b', text: '25' },
          { id: 'c', text: '49' }
        ],
        answer: 'b'
      }
    }
  ]
})

function tally(over: Partial<RunTally> = {}): RunTally {
  return {
    runId: 'r1',
    kind: 'single',
    prompt: '',
    labels: ['A', 'B'],
    state: 'open',
    closeReason: null,
    revealed: false,
    launchedAt: '2025-03-01T08:00:00.000Z',
    deadline: null,
    total: 3,
    answered: 1,
    students: [],
    counts: [0, 1],
    marked: 1,
    correct: 1,
    words: [],
    buzz: [],
    photos: [],
    ...over
  }
}

describe('the question a slide offers', () => {
  it('finds the question element among the slide elements, and none on a slide without one', () => {
    expect(slideQuestion(questionSlide)?.prompt).toBe('3² + 4² = ?')
    expect(slideQuestion(Slide.parse({ id: 's1', elements: [] }))).toBeNull()
    expect(slideQuestion(null)).toBeNull()
  })

  it('lights up the right bar only after the reveal, using the key mapped from the slide', () => {
    const spec = questionSpecFromCourseware(slideQuestion(questionSlide)!)
    expect(revealedBars(tally(), spec)).toBeUndefined()
    expect(revealedBars(tally({ revealed: true }), spec)).toEqual([1])
    expect(revealedBars(tally({ revealed: true }), QuestionSpec.parse({ kind: 'truefalse', correct: false }))).toEqual([
      1
    ])
    expect(
      revealedBars(
        tally({ revealed: true }),
        QuestionSpec.parse({ kind: 'multiple', options: ['x', 'y', 'z'], correct: [0, 2] })
      )
    ).toEqual([0, 2])
    // An ad hoc ABCD has no key: nothing is coloured, and an unknown spec colours nothing either.
    expect(
      revealedBars(tally({ revealed: true }), QuestionSpec.parse({ kind: 'single', options: ['A', 'B', 'C', 'D'] }))
    ).toEqual([])
    expect(revealedBars(tally({ revealed: true }), null)).toBeUndefined()
  })
})

describe('the pictures a slide question takes to the tablets', () => {
  const h = (c: string) => c.repeat(64)
  const img = (id: string, hash: string, ext: string, x: number, y: number, w = 300, h2 = 200) => ({
    type: 'image',
    id,
    x,
    y,
    w,
    h: h2,
    media: { hash, ext }
  })
  it('takes the slide’s pictures in reading order, once each, not logos or formats a tablet cannot draw', () => {
    const slide = Slide.parse({
      id: 's',
      elements: [
        img('lower', h('b'), 'jpg', 0, 400),
        img('upper-right', h('c'), 'png', 600, 50),
        img('upper-left', h('d'), 'png', 0, 50),
        img('logo', h('e'), 'png', 1200, 0, 60, 60),
        img('again', h('d'), 'png', 0, 600),
        img('emf', h('f'), 'emf', 0, 0)
      ]
    })
    expect(slidePictures(slide)).toEqual([`${h('d')}.png`, `${h('c')}.png`, `${h('b')}.jpg`])
    expect(slidePictures(null)).toEqual([])
  })
  it('puts them on the launched spec, at most four', () => {
    const names = ['1', '2', '3', '4', '5'].map((c) => `${h(c)}.png`)
    const spec = questionSpecFromCourseware(slideQuestion(questionSlide)!, names)
    expect(spec.pictures).toEqual(names.slice(0, 4))
  })
})

describe('the roster a class opens with', () => {
  const rosters = [
    { id: 'c7', name: '七年级1班', students: ['张三', ' 李四 ', '张三', ''], locked: false },
    { id: 'empty', name: '空班', students: [], locked: false }
  ]
  it('gives the lesson class names once each, trimmed, with stable ids', () => {
    expect(rosterForClass(rosters, 'c7')).toEqual([
      { id: 'n1', name: '张三' },
      { id: 'n2', name: '李四' }
    ])
    expect(rosterForClass(rosters, 'c7')).toEqual(rosterForClass(rosters, 'c7'))
  })
  it('gives no roster (students type names) for a class without names or not in the list', () => {
    expect(rosterForClass(rosters, 'empty')).toBeUndefined()
    expect(rosterForClass(rosters, 'other')).toBeUndefined()
  })
  it('shortens names the server would refuse instead of failing to open class', () => {
    const long = 'x'.repeat(60)
    expect(rosterForClass([{ id: 'c', name: 'c', students: [long], locked: false }], 'c')![0]!.name).toHaveLength(40)
  })
})

describe('phone remote commands on the board', () => {
  const at = '2025-03-01T08:00:00.000Z'
  it('turns pages for next and previous', () => {
    expect(boardActionForRemote({ action: 'next-slide', at })).toEqual({ kind: 'nav', command: 'next' })
    expect(boardActionForRemote({ action: 'prev-slide', at })).toEqual({ kind: 'nav', command: 'prev' })
  })
  it('shows the tally for questions the server launched, closed or revealed', () => {
    for (const action of ['launch-abcd', 'launch-truefalse', 'close-question', 'reveal'] as const) {
      expect(boardActionForRemote({ action, at })).toEqual({ kind: 'show-tally' })
    }
  })
  it('picks a name on the board (the server picks none of its own)', () => {
    expect(boardActionForRemote({ action: 'random-pick', at })).toEqual({ kind: 'pick-name' })
  })
  it('puts a photo on the board, and ignores a photo event without a photo', () => {
    expect(boardActionForRemote({ action: 'photo', at, photoId: 'p1' })).toEqual({ kind: 'photo', photoId: 'p1' })
    expect(boardActionForRemote({ action: 'photo', at })).toEqual({ kind: 'none' })
  })
})

describe('the live tally', () => {
  it('lists who has not answered, online first', () => {
    const t = tally({
      students: [
        { id: '1', name: '张三', answered: true, online: true },
        { id: '2', name: '李四', answered: false, online: false },
        { id: '3', name: '王五', answered: false, online: true }
      ]
    })
    expect(notYetAnswered(t)).toEqual([
      { name: '王五', online: true },
      { name: '李四', online: false }
    ])
  })
  it('never lets a late tally of an older question replace the current one', () => {
    const current = tally({ runId: 'r2', launchedAt: '2025-03-01T08:05:00.000Z' })
    expect(newerTally(current, tally({ runId: 'r1' }))).toBe(false)
    expect(newerTally(current, { ...current, answered: 2 })).toBe(true)
    expect(newerTally(null, tally())).toBe(true)
    expect(newerTally(tally(), current)).toBe(true)
  })
})
