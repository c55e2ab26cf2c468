// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { buildStateAt, slideBuild, type BuildStepInput } from '../../src-shared/courseware/animation'
import { Deck } from '../../src-shared/courseware/deck'
import SlideView from './SlideView.vue'
import { stepKeyframes } from './slide-build'

let n = 0
const step = (x: Partial<BuildStepInput> & Pick<BuildStepInput, 'elementId'>): BuildStepInput => ({
  id: `st${n++}`,
  class: 'entrance',
  effect: 'fade',
  ...x
})

const deck = Deck.parse({
  id: 'd',
  title: 't',
  aspect: '16:9',
  slides: [
    {
      id: 's',
      elements: [
        {
          type: 'text',
          id: 'list',
          x: 100,
          y: 100,
          w: 600,
          h: 300,
          paragraphs: ['一', '二', '三'].map((t) => ({ runs: [{ text: t }] }))
        },
        { type: 'shape', id: 'box', kind: 'rectangle', x: 800, y: 100, w: 200, h: 200, fill: '#1565C0' }
      ],
      animations: [
        step({ elementId: 'list', paragraph: 0 }),
        step({ elementId: 'list', paragraph: 1 }),
        step({ elementId: 'list', paragraph: 2 }),
        step({ elementId: 'box', class: 'motion', effect: 'path', path: { dx: 40, dy: -20 } }),
        step({ elementId: 'box', class: 'emphasis', effect: 'grow', scale: 2, start: 'with' }),
        step({ elementId: 'box', class: 'emphasis', effect: 'color', color: '#E53935', start: 'with' })
      ]
    }
  ]
})
const slide = deck.slides[0]!

function paragraphs(w: ReturnType<typeof mount>): string[] {
  return w.findAll('[data-element-id="list"] .body > p').map((p) => (p.element as HTMLElement).style.visibility)
}

describe('a slide drawn in a build state', () => {
  it('shows paragraphs of a by-paragraph build one click at a time', async () => {
    const w = mount(SlideView, {
      props: { slide, aspect: '16:9', width: 640, build: buildStateAt(slide.animations, 0) }
    })
    await nextTick()
    expect(paragraphs(w)).toEqual(['hidden', 'hidden', 'hidden'])
    await w.setProps({ build: buildStateAt(slide.animations, 2) })
    expect(paragraphs(w)).toEqual(['', '', 'hidden'])
  })

  it('moves, scales and recolours a shape as its motion and emphasis steps say', async () => {
    const w = mount(SlideView, {
      props: { slide, aspect: '16:9', width: 640, build: buildStateAt(slide.animations, 4) }
    })
    await nextTick()
    const box = w.find('[data-element-id="box"]').element as HTMLElement
    expect(box.style.translate).toBe('40px -20px')
    expect(box.style.scale).toBe('2')
    expect(box.getAttribute('data-build-color')).toBe('fill')
    expect(box.style.getPropertyValue('--cd-build-color')).toBe('#E53935')
  })

  it('leaves a slide without a build state as placed, and clears one taken away', async () => {
    const w = mount(SlideView, { props: { slide, aspect: '16:9', width: 640 } })
    await nextTick()
    expect(w.findAll('[data-build]')).toHaveLength(0)
    await w.setProps({ build: buildStateAt(slide.animations, 0) })
    expect(w.findAll('[data-build]').length).toBeGreaterThan(0)
    await w.setProps({ build: null })
    expect(w.findAll('[data-build]')).toHaveLength(0)
    expect(paragraphs(w)).toEqual(['', '', ''])
  })

  it('flies in from off the slide on its side, and out the same way', () => {
    const box = { x: 100, y: 100, w: 200, h: 100 }
    const size = { width: 1280, height: 720 }
    const shown = { visible: true, dx: 0, dy: 0, scale: 1 }
    const t = (cls: 'entrance' | 'exit', direction: 'left' | 'bottom-right') =>
      slideBuild([
        { ...step({ elementId: 'a', class: cls, effect: 'fly', direction }), start: 'click', delay: 0, duration: 500 }
      ]).groups[0]!.steps[0]!
    expect(stepKeyframes(t('entrance', 'left'), shown, shown, box, size, 1, '#000')[0]).toMatchObject({
      translate: '-300px 0px',
      visibility: 'visible'
    })
    expect(stepKeyframes(t('exit', 'bottom-right'), shown, shown, box, size, 1, '#000').at(-1)).toMatchObject({
      translate: '1180px 620px'
    })
  })
})
