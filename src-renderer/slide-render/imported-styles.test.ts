// @vitest-environment jsdom
/**
 * The layout and style fields PowerPoint import fills (element-style.ts; what pptx-*.test.ts checks the
 * importer writes) reach the DOM the one slide renderer draws (issue 14, items 4–6).
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { Deck } from '../../src-shared/courseware/deck'
import SlideView from './SlideView.vue'

const frame = { x: 10, y: 10, w: 400, h: 200 }
const run = (text: string) => ({ runs: [{ text }] })
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
          ...frame,
          insets: { l: 0, t: 4.8, r: 9.6, b: 4.8 },
          paragraphs: [
            { ...run('方块'), list: 'bullet', bullet: '▪', marginLeft: 36, indent: -36 },
            { ...run('c'), list: 'number', numbering: { style: 'alphaLc', punct: 'parenR', startAt: 3 } },
            { ...run('d'), list: 'number', numbering: { style: 'alphaLc', punct: 'parenR', startAt: 3 } },
            { ...run('一'), list: 'number', numbering: { style: 'chinese', punct: 'period', startAt: 1 } }
          ]
        },
        { type: 'text', id: 'vert', ...frame, vertical: 'eaVert', paragraphs: [run('竖排')] },
        {
          type: 'shape',
          id: 'grad',
          ...frame,
          kind: 'rectangle',
          fill: '#FF0000',
          stroke: '#000000',
          dash: 'dash',
          shadow: { dx: 2, dy: 2, blur: 4, color: '#00000066' },
          gradient: {
            kind: 'linear',
            angle: 180,
            stops: [
              { at: 0, color: '#FF0000' },
              { at: 1, color: '#0000FF80' }
            ]
          }
        },
        { type: 'image', id: 'pic', ...frame, media: { hash: 'a'.repeat(64), ext: 'png' }, geometry: 'ellipse' },
        {
          type: 'table',
          id: 'tb',
          ...frame,
          columns: [1, 1],
          borderColor: '#FFFFFF',
          rows: [
            {
              height: 40,
              cells: [
                { paragraphs: [run('甲')], fill: '#4F81BD', margins: { l: 9.6, t: 4.8, r: 9.6, b: 4.8 } },
                { paragraphs: [run('乙')], verticalAlign: 'middle' }
              ]
            }
          ]
        },
        { type: 'formula', id: 'f', ...frame, latex: 'x=\\frac{-b\\pm \\sqrt{b^2-4ac}}{2a}' }
      ]
    }
  ]
})

describe('imported styles in the slide renderer', () => {
  const w = mount(SlideView, { props: { slide: deck.slides[0]!, aspect: deck.aspect, width: 1280 } })
  const el = (id: string) => w.find(`[data-element-id="${id}"]`)

  it('draws bullets and numbers as PowerPoint counts them, hanging in the margin, and vertical text', () => {
    expect(
      el('list')
        .findAll('.marker')
        .map((m) => m.text())
    ).toEqual(['▪', 'c)', 'd)', '一．'])
    expect(el('list').find('p').attributes('style')).toContain('padding-left: 36px')
    expect(el('list').find('.body').attributes('style')).toContain('padding: 4.8px 9.6px 4.8px 0px')
    expect(el('vert').find('.body').attributes('style')).toContain('writing-mode: vertical-rl')
  })

  it('fills a shape with its gradient, dashes its line, shadows it, and cuts a picture to an ellipse', () => {
    const grad = el('grad').find('linearGradient')
    expect(grad.findAll('stop').map((s) => [s.attributes('stop-color'), s.attributes('stop-opacity')])).toEqual([
      ['#FF0000', '1'],
      ['#0000FF', '0.502']
    ])
    expect(
      el('grad')
        .find(`path[fill="url(#${grad.attributes('id')})"]`)
        .exists()
    ).toBe(true)
    expect(el('grad').find('path').attributes('stroke-dasharray')).toBe('4 3')
    expect(el('grad').find('svg').attributes('style')).toContain('drop-shadow')
    expect(el('pic').find('.crop').attributes('style')).toContain('ellipse(50% 50% at 50% 50%)')
  })

  it('pads table cells by their margins, fills and aligns them', () => {
    const [a, b] = el('tb').findAll('td')
    expect(a!.attributes('style')).toContain('padding: 4.8px 9.6px')
    expect(b!.attributes('style')).toContain('vertical-align: middle')
  })

  it('draws a formula with KaTeX in a box that does not clip it', () => {
    expect(el('f').find('.formula .katex').exists()).toBe(true)
  })
})
