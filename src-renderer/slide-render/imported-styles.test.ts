// @vitest-environment jsdom
/**
 * Imported layout and styles reach the DOM the slide renderer draws (issue 14, items 4–6): the decks of
 * fixture-fidelity.ts go through the real importer and are mounted in SlideView.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Deck } from '../../src-shared/courseware/deck'
import SlideView from './SlideView.vue'

// The importer and its fixtures are main-process code, outside the renderer's type project: they are
// loaded by path at run time (vitest resolves them), and typed here by what this test uses.
const IMPORTER = '../../src-main/services/importers/import-file'
const FIXTURES = '../../src-main/test-utils/fixture-fidelity'
type Importer = { importBytes: (name: string, bytes: Uint8Array) => Promise<{ deck: Deck }> }
type Fixtures = Record<'mathDeck' | 'styleDeck' | 'textDeck', () => Uint8Array>
const { importBytes } = (await import(/* @vite-ignore */ IMPORTER)) as Importer
const { mathDeck, styleDeck, textDeck } = (await import(/* @vite-ignore */ FIXTURES)) as Fixtures

async function slideOf(bytes: Uint8Array, i: number) {
  const { deck } = await importBytes('x.pptx', bytes)
  return mount(SlideView, { props: { slide: deck.slides[i]!, aspect: deck.aspect, width: 1280 } })
}

describe('imported styles in the slide renderer', () => {
  it('draws bullets, numbers and vertical text as PowerPoint showed them', async () => {
    const w = await slideOf(textDeck(), 1)
    expect(w.findAll('.marker').map((m) => m.text())).toEqual(['▪', '–', 'c)', 'd)', '一．', '①'])
    const s1 = await slideOf(textDeck(), 0)
    const vertical = s1.findAll('.body').find((b) => b.text().includes('竖排'))!
    expect(vertical.attributes('style')).toContain('writing-mode: vertical-rl')
  })

  it('fills a shape with its gradient, dashes its line and cuts a picture to an ellipse', async () => {
    const w = await slideOf(styleDeck(), 2)
    const grad = w.find('linearGradient')
    expect(grad.findAll('stop').map((s) => s.attributes('stop-color'))).toEqual(['#FF0000', '#0000FF'])
    expect(w.find(`path[fill="url(#${grad.attributes('id')})"]`).exists()).toBe(true)
    expect(w.find('path[stroke-dasharray]').exists()).toBe(true)
    const pics = await slideOf(styleDeck(), 3)
    expect(pics.find('.crop').attributes('style')).toContain('ellipse(50% 50% at 50% 50%)')
  })

  it('pads table cells by their margins and colours them by the table style', async () => {
    const w = await slideOf(styleDeck(), 0)
    const cells = w.findAll('th, td')
    // The header: accent1 fill, white lines; the DOM writes equal sides of the padding once.
    expect(cells[0]!.attributes('style')).toContain('background: rgb(79, 129, 189)')
    expect(cells[0]!.attributes('style')).toContain('padding: 4.8px 9.6px')
    expect(cells[4]!.attributes('style')).toContain('vertical-align: middle')
  })

  it('draws an imported equation with KaTeX', async () => {
    const w = await slideOf(mathDeck(), 0)
    expect(w.find('.formula .katex').exists()).toBe(true)
  })
})
