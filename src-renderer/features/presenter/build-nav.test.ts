import { describe, expect, it } from 'vitest'
import { computed, nextTick, ref, shallowRef } from 'vue'
import { BuildStep, type BuildStepInput } from '../../../src-shared/courseware/animation'
import { Deck } from '../../../src-shared/courseware/deck'
import { buildMove, describeGroup, clickGroups, triggerGroup, type BuildNavContext } from './build-nav'
import { step } from './presenter-nav'
import { useSlideBuilds } from './composables/use-slide-builds'
import type { PresenterPage } from './composables/use-lesson-pages'

let n = 0
const s = (x: Partial<BuildStepInput> & Pick<BuildStepInput, 'elementId'>): BuildStepInput => ({
  id: `st${n++}`,
  class: 'entrance',
  effect: 'fade',
  ...x
})

describe('build steps on the board: the pure rules', () => {
  // Slides 0..3: 2 clicks, 0 clicks, (hidden) 1 click, 3 clicks.
  const clicks = [2, 0, 1, 3]
  const ctx = (playing = false, hidden = [false, false, true, false]): BuildNavContext => ({
    hidden,
    clicks: (i) => clicks[i] ?? 0,
    playing
  })

  it('plays each click group of the slide before turning the page', () => {
    expect(buildMove({ index: 0, done: 0 }, { kind: 'next' }, ctx())).toEqual({ kind: 'play', done: 1 })
    expect(buildMove({ index: 0, done: 1 }, { kind: 'next' }, ctx())).toEqual({ kind: 'play', done: 2 })
    expect(buildMove({ index: 0, done: 2 }, { kind: 'next' }, ctx())).toEqual({ kind: 'turn', index: 1, done: 0 })
  })

  it('finishes a group that is playing at once on another 下一步, without skipping the next', () => {
    expect(buildMove({ index: 0, done: 1 }, { kind: 'next' }, ctx(true))).toEqual({ kind: 'finish' })
  })

  it('undoes one group on 上一步, and from the first goes back to the previous slide built in full', () => {
    expect(buildMove({ index: 3, done: 2 }, { kind: 'prev' }, ctx())).toEqual({ kind: 'undo', done: 1 })
    expect(buildMove({ index: 3, done: 1 }, { kind: 'prev' }, ctx(true))).toEqual({ kind: 'undo', done: 0 })
    // Slide 2 is hidden: back from 3 lands on 1 (no builds), then on 0 with both its groups shown.
    expect(buildMove({ index: 3, done: 0 }, { kind: 'prev' }, ctx())).toEqual({ kind: 'turn', index: 1, done: 0 })
    expect(buildMove({ index: 1, done: 0 }, { kind: 'prev' }, ctx())).toEqual({ kind: 'turn', index: 0, done: 2 })
  })

  it('skips hidden slides going forward, and stops at the last group of the last slide', () => {
    expect(buildMove({ index: 1, done: 0 }, { kind: 'next' }, ctx())).toEqual({ kind: 'turn', index: 3, done: 0 })
    expect(buildMove({ index: 3, done: 3 }, { kind: 'next' }, ctx())).toEqual({ kind: 'stay' })
    expect(buildMove({ index: 0, done: 0 }, { kind: 'prev' }, ctx())).toEqual({ kind: 'stay' })
  })

  it('starts Home and End at the slide start, and Home on the first slide rewinds its builds', () => {
    expect(buildMove({ index: 3, done: 2 }, { kind: 'first' }, ctx())).toEqual({ kind: 'turn', index: 0, done: 0 })
    expect(buildMove({ index: 0, done: 2 }, { kind: 'first' }, ctx())).toEqual({ kind: 'turn', index: 0, done: 0 })
    expect(buildMove({ index: 0, done: 0 }, { kind: 'first' }, ctx())).toEqual({ kind: 'stay' })
    expect(buildMove({ index: 0, done: 1 }, { kind: 'last' }, ctx())).toEqual({ kind: 'turn', index: 3, done: 0 })
  })

  it('walks a whole deck forward and back through every step, hidden slide skipped', () => {
    const forward: string[] = []
    let at = { index: 0, done: 0 }
    for (;;) {
      forward.push(`${at.index}.${at.done}`)
      const m = buildMove(at, { kind: 'next' }, ctx())
      if (m.kind === 'stay') break
      at =
        m.kind === 'turn' ? { index: m.index, done: m.done } : { index: at.index, done: (m as { done: number }).done }
    }
    expect(forward).toEqual(['0.0', '0.1', '0.2', '1.0', '3.0', '3.1', '3.2', '3.3'])
    const back: string[] = []
    for (;;) {
      const m = buildMove(at, { kind: 'prev' }, ctx())
      if (m.kind === 'stay') break
      at =
        m.kind === 'turn' ? { index: m.index, done: m.done } : { index: at.index, done: (m as { done: number }).done }
      back.push(`${at.index}.${at.done}`)
    }
    expect(back).toEqual(['3.2', '3.1', '3.0', '1.0', '0.2', '0.1', '0.0'])
    // The page rule itself is unchanged: hidden slides are skipped both ways.
    expect(step([false, false, true, false], 1, { kind: 'next' })).toBe(3)
  })

  it('plays a trigger sequence group by group on taps, then nothing', () => {
    const anim = [
      s({ elementId: 'q' }),
      s({ elementId: 'a', trigger: 'btn' }),
      s({ elementId: 'b', trigger: 'btn' }),
      s({ elementId: 'c', trigger: 'btn', start: 'with' })
    ].map((x) => BuildStep.parse(x))
    expect(triggerGroup(anim, new Map(), 'btn')).toBe(0)
    expect(triggerGroup(anim, new Map([['btn', 1]]), 'btn')).toBe(1)
    expect(triggerGroup(anim, new Map([['btn', 2]]), 'btn')).toBeNull()
    expect(triggerGroup(anim, new Map(), 'q')).toBeNull() // an animated element, not a trigger
    // The trigger's steps are outside the click count.
    expect(clickGroups(anim)).toHaveLength(1)
  })

  it('names the next group for the presenter: effect and the start of its text', () => {
    const deck = Deck.parse({
      id: 'd',
      title: 't',
      aspect: '16:9',
      slides: [
        {
          id: 's',
          elements: [
            { type: 'text', id: 'title', x: 0, y: 0, w: 100, h: 50, paragraphs: [{ runs: [{ text: '标题' }] }] },
            { type: 'image', id: 'pic', x: 0, y: 0, w: 100, h: 50, media: { hash: 'a'.repeat(64), ext: 'png' } }
          ],
          animations: [
            s({ elementId: 'title', effect: 'fly', direction: 'left' }),
            s({ elementId: 'pic', class: 'exit', effect: 'fade' }),
            s({ elementId: 'title', class: 'emphasis', effect: 'pulse', start: 'with' })
          ]
        }
      ]
    })
    const slide = deck.slides[0]!
    const groups = clickGroups(slide.animations)
    expect(describeGroup(groups[0], slide.elements)).toBe('飞入 标题')
    expect(describeGroup(groups[1], slide.elements)).toBe('淡出 图片 等 2 项')
    expect(describeGroup(groups[1], slide.elements, true)).toBe('Fade picture and 1 more')
    expect(describeGroup(groups[2], slide.elements)).toBeNull()
  })
})

describe('build steps on the board: the lesson state', () => {
  const text = (id: string) => ({
    type: 'text',
    id,
    x: 0,
    y: 0,
    w: 100,
    h: 50,
    paragraphs: [{ runs: [{ text: id }] }]
  })
  const deck = Deck.parse({
    id: 'd',
    title: 't',
    aspect: '16:9',
    slides: [
      // An auto title, then two clicks.
      {
        id: 's0',
        elements: [text('title'), text('q'), text('answer')],
        animations: [s({ elementId: 'title', start: 'after' }), s({ elementId: 'q' }), s({ elementId: 'answer' })]
      },
      { id: 's1', elements: [text('x')], hidden: true, animations: [s({ elementId: 'x' })] },
      { id: 's2', elements: [text('y'), text('btn')], animations: [s({ elementId: 'y', trigger: 'btn' })] }
    ]
  })

  function lesson(initialDone = 0, at = 0) {
    const pages = shallowRef<PresenterPage[]>(deck.slides.map((sl, index) => ({ kind: 'slide', id: sl.id, index })))
    const current = ref(at)
    const page = computed(() => pages.value[current.value]!)
    const slide = computed(() => {
      const p = page.value
      return p.kind === 'slide' ? deck.slides[p.index]! : null
    })
    const hidden = computed(() => pages.value.map((p) => p.kind === 'slide' && deck.slides[p.index]!.hidden))
    const go = (i: number) => {
      if (i >= 0 && i < pages.value.length) current.value = i
    }
    const b = useSlideBuilds({
      pages: { pages, current, page, slide, hidden, go },
      slides: () => deck.slides,
      slideRoot: () => null,
      size: { width: 1280, height: 720 },
      initialDone
    })
    const visible = (id: string) => b.state.value?.get(id)?.visible
    return { b, current, pages, visible }
  }

  it('opens a slide with its auto group shown and its click groups waiting, then plays them before turning', async () => {
    const { b, current, visible } = lesson()
    b.start()
    // A 下一步 while the auto group plays only finishes it.
    expect(b.playing.value).toBe(true)
    b.run({ kind: 'next' })
    expect(b.done.value).toBe(0)
    await nextTick()
    expect(b.playing.value).toBe(false)
    expect([visible('title'), visible('q'), visible('answer')]).toEqual([true, false, false])
    expect(b.total.value).toBe(2)
    b.run({ kind: 'next' })
    await nextTick()
    expect([b.done.value, visible('q'), visible('answer')]).toEqual([1, true, false])
    b.run({ kind: 'next' })
    await nextTick()
    expect(visible('answer')).toBe(true)
    b.run({ kind: 'next' })
    // The hidden slide 2 is skipped.
    expect(current.value).toBe(2)
    expect(b.done.value).toBe(0)
  })

  it('goes back to the previous slide built in full, and undoes its groups one by one', async () => {
    const { b, current, visible } = lesson(0, 2)
    b.run({ kind: 'prev' })
    expect(current.value).toBe(0)
    expect(b.done.value).toBe(2)
    expect(visible('answer')).toBe(true)
    b.run({ kind: 'prev' })
    await nextTick()
    expect([b.done.value, visible('q'), visible('answer')]).toEqual([1, true, false])
  })

  it('starts a page reached any other way (overview, link) at its first step', () => {
    const { b, current } = lesson(0, 2)
    b.run({ kind: 'prev' })
    expect(b.done.value).toBe(2)
    current.value = 2
    current.value = 0
    expect(b.done.value).toBe(0)
  })

  it('carries a lesson on at the step it stopped at, never past the slide’s last', () => {
    const a = lesson(1)
    a.b.start()
    expect([a.b.done.value, a.visible('q'), a.visible('answer')]).toEqual([1, true, false])
    const b = lesson(9)
    b.b.start()
    expect(b.b.done.value).toBe(2)
  })

  it('plays a trigger on a tap of its element, outside the click count', () => {
    const { b, visible } = lesson(0, 2)
    const node = { closest: () => ({ getAttribute: () => 'btn' }) } as unknown as EventTarget
    const other = { closest: () => ({ getAttribute: () => 'y' }) } as unknown as EventTarget
    expect(visible('y')).toBe(false)
    expect(b.tap(other)).toBe(false)
    expect(b.tap(node)).toBe(true)
    expect(visible('y')).toBe(true)
    expect(b.done.value).toBe(0)
    expect(b.tap(node)).toBe(false) // played to its end
  })
})
