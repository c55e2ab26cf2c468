import { describe, expect, it } from 'vitest'
import { commandForKey, commandForSwipe, commandForTap, step } from './presenter-nav'
import { LessonRecorder, HEARTBEAT_MS } from './lesson-recorder'
import { FakeTransport } from '../../transport/fake-transport'
import { manualEnv, serveLessons } from '../../test-utils/lessons'

describe('presenter navigation', () => {
  it('maps clicker and keyboard keys', () => {
    expect(['PageDown', 'ArrowRight', ' ', 'ArrowDown'].map((k) => commandForKey(k)?.kind)).toEqual([
      'next',
      'next',
      'next',
      'next'
    ])
    expect(['PageUp', 'ArrowLeft', 'ArrowUp'].map((k) => commandForKey(k)?.kind)).toEqual(['prev', 'prev', 'prev'])
    expect(commandForKey('b')?.kind).toBe('black')
    expect(commandForKey('W')?.kind).toBe('white')
    expect(commandForKey('x')).toBeNull()
  })

  it('turns taps at the edges and quick horizontal swipes into page turns', () => {
    expect(commandForTap(50, 1000)?.kind).toBe('prev')
    expect(commandForTap(950, 1000)?.kind).toBe('next')
    expect(commandForTap(500, 1000)).toBeNull()
    expect(commandForSwipe(-200, 20, 200)?.kind).toBe('next')
    expect(commandForSwipe(200, 20, 200)?.kind).toBe('prev')
    expect(commandForSwipe(-200, 180, 200)).toBeNull() // diagonal: not a swipe
    expect(commandForSwipe(-200, 0, 1500)).toBeNull() // slow drag: not a swipe
  })

  it('skips hidden slides and stops at either end', () => {
    const hidden = [false, true, false, false, true]
    expect(step(hidden, 0, { kind: 'next' })).toBe(2)
    expect(step(hidden, 2, { kind: 'prev' })).toBe(0)
    expect(step(hidden, 3, { kind: 'next' })).toBe(3)
    expect(step(hidden, 3, { kind: 'first' })).toBe(0)
    expect(step(hidden, 0, { kind: 'last' })).toBe(3)
  })
})

describe('LessonRecorder', () => {
  /** The recorder over the contract-checked fake transport, with timers and a clock the test owns. */
  function fake() {
    const transport = new FakeTransport()
    serveLessons(transport)
    const env = manualEnv()
    const rec = new LessonRecorder(transport, env)
    const calls = () => transport.calls.map((c): [string, unknown] => [c.channel, c.input])
    return { rec, calls, transport, beat: env.beat, hasTimer: env.ticking, advance: env.advance }
  }

  it('starts the lesson, beats on a timer, and stops beating when it ends', async () => {
    const f = fake()
    await f.rec.start({ classId: 'c', className: '一班', deckId: 'd', deckTitle: '课', slideId: 's1', slideIndex: 0 })
    f.beat()
    f.beat()
    await f.rec.end()
    expect(f.calls().map((c) => c[0])).toEqual([
      'lessons:start',
      'lessons:heartbeat',
      'lessons:heartbeat',
      'lessons:end'
    ])
    expect(f.hasTimer()).toBe(false)
    expect(HEARTBEAT_MS).toBe(5000)
    f.transport.verify()
  })

  it('sends activity at most every few seconds, each slide change once, and each tool once', async () => {
    const f = fake()
    await f.rec.start({ classId: 'c', className: '一班', deckId: 'd', deckTitle: '课', slideId: 's1', slideIndex: 0 })
    f.advance(10_000)
    f.rec.activity()
    f.rec.activity()
    f.rec.slide('s1', 0) // same slide: nothing
    f.rec.slide('s2', 1)
    f.rec.tool('pen')
    f.rec.tool('pen')
    f.advance(6000)
    f.rec.activity()
    await Promise.resolve()
    expect(f.calls().map((c) => c[0])).toEqual([
      'lessons:start',
      'lessons:activity',
      'lessons:record-slide',
      'lessons:record-tool',
      'lessons:activity'
    ])
    expect(f.calls()[2]![1]).toEqual({ sessionId: 'L1', slideId: 's2', slideIndex: 1 })
    f.transport.verify()
  })
})
