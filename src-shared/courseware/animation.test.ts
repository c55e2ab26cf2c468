import { describe, expect, it } from 'vitest'
import {
  BuildStep,
  buildStateAt,
  clickCount,
  slideBuild,
  targetState,
  effectLabel,
  type BuildStepInput
} from './animation'
import { Slide } from './deck'
import { parseEdux } from './format'
import { createDeck, createManifest } from './factory'

const step = (s: Partial<BuildStepInput> & Pick<BuildStepInput, 'elementId'>): BuildStep =>
  BuildStep.parse({ id: `s${Math.random()}`, class: 'entrance', effect: 'fade', ...s })

describe('build steps', () => {
  it('groups with-previous and after-previous steps under the click before them', () => {
    const steps = [
      step({ elementId: 'a' }),
      step({ elementId: 'b', start: 'with', delay: 100 }),
      step({ elementId: 'c', start: 'after', duration: 300 }),
      step({ elementId: 'd' })
    ]
    const build = slideBuild(steps)
    expect(build.groups.map((g) => g.steps.map((t) => t.step.elementId))).toEqual([['a', 'b', 'c'], ['d']])
    const [a, b, c] = build.groups[0]!.steps
    expect([a!.at, a!.end]).toEqual([0, 500])
    expect([b!.at, b!.end]).toEqual([100, 600])
    // after-previous waits for everything started so far to finish
    expect([c!.at, c!.end]).toEqual([600, 900])
    expect(build.groups[0]!.length).toBe(900)
    expect(clickCount(steps)).toBe(2)
  })

  it('runs a slide that opens with an after-previous step on its own, without counting a click', () => {
    const steps = [step({ elementId: 'a', start: 'after' }), step({ elementId: 'b' })]
    const build = slideBuild(steps)
    expect(build.groups[0]!.auto).toBe(true)
    expect(clickCount(steps)).toBe(1)
    expect(buildStateAt(steps, 0).get('a')!.visible).toBe(true)
    expect(buildStateAt(steps, 0).get('b')!.visible).toBe(false)
  })

  it('hides an entering element until its click and shows a leaving one until its click', () => {
    const steps = [
      step({ elementId: 'q' }),
      step({ elementId: 'hint', class: 'exit', effect: 'fly', direction: 'left' })
    ]
    expect(buildStateAt(steps, 0).get('q')!.visible).toBe(false)
    expect(buildStateAt(steps, 0).get('hint')!.visible).toBe(true)
    expect(buildStateAt(steps, 1).get('q')!.visible).toBe(true)
    expect(buildStateAt(steps, 2).get('hint')!.visible).toBe(false)
  })

  it('builds a text box paragraph by paragraph', () => {
    const steps = [0, 1, 2].map((p) => step({ elementId: 't', paragraph: p }))
    const s = buildStateAt(steps, 2)
    expect([0, 1, 2].map((p) => targetState(s, 't', p)!.visible)).toEqual([true, true, false])
    expect(targetState(s, 't')).toBeUndefined()
  })

  it('adds up motion paths and grows, and keeps the last colour change', () => {
    const steps = [
      step({ elementId: 'x', class: 'motion', effect: 'path', path: { dx: 100, dy: 0 } }),
      step({ elementId: 'x', class: 'motion', effect: 'path', path: { dx: 0, dy: 50 } }),
      step({ elementId: 'x', class: 'emphasis', effect: 'grow', scale: 2 }),
      step({ elementId: 'x', class: 'emphasis', effect: 'color', color: '#FF0000' })
    ]
    expect(buildStateAt(steps, 4).get('x')).toEqual({ visible: true, dx: 100, dy: 50, scale: 2, color: '#FF0000' })
  })

  it('keeps trigger sequences out of the click count and plays them when tapped', () => {
    const steps = [step({ elementId: 'a' }), step({ elementId: 'answer', trigger: 'button' })]
    expect(clickCount(steps)).toBe(1)
    expect(buildStateAt(steps, 1).get('answer')!.visible).toBe(false)
    expect(buildStateAt(steps, 1, new Map([['button', 1]])).get('answer')!.visible).toBe(true)
  })

  it('refuses an effect of the wrong class and a path without a line', () => {
    expect(BuildStep.safeParse({ id: 'a', elementId: 'e', class: 'emphasis', effect: 'fly' }).success).toBe(false)
    expect(BuildStep.safeParse({ id: 'a', elementId: 'e', class: 'motion', effect: 'path' }).success).toBe(false)
  })

  it('refuses a slide whose step names an element that is not on it', () => {
    const slide = {
      id: 's',
      elements: [],
      animations: [{ id: 'a', elementId: 'gone', class: 'entrance', effect: 'fade' }]
    }
    const r = Slide.safeParse(slide)
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toContain('missing element gone')
  })

  it('names effects in Chinese as PowerPoint does, exits included', () => {
    expect(effectLabel('entrance', 'fly')).toBe('飞入')
    expect(effectLabel('exit', 'fly')).toBe('飞出')
    expect(effectLabel('emphasis', 'pulse')).toBe('脉冲')
  })

  it('opens a format-2 file (no build steps) as a deck with none', () => {
    const deck = createDeck('旧课件')
    const manifest = { ...createManifest(deck, new Date(), 'ClassDeck 0.1'), formatVersion: 2 }
    const raw = JSON.parse(JSON.stringify(deck)) as { slides: Record<string, unknown>[] }
    for (const s of raw.slides) delete s['animations']
    const parsed = parseEdux(manifest, raw, '旧课件.edux')
    expect(parsed.fromVersion).toBe(2)
    expect(parsed.deck.slides.every((s) => s.animations.length === 0)).toBe(true)
  })
})
