/**
 * Table styles, cell margins and alignment, gradients, patterns, effects, dashes, arrow heads and
 * picture geometry (issue 14, item 5), on a hand-built deck (fixture-fidelity.ts styleDeck).
 */
import { describe, expect, it } from 'vitest'
import type { Element } from '../../../../src-shared/courseware'
import { styleDeck, themeEffectDeck } from '../../../test-utils/fixture-fidelity'
import { importBytes } from '../import-file'

type Of<T extends Element['type']> = Extract<Element, { type: T }>
const all = <T extends Element['type']>(els: Element[], type: T) => els.filter((e): e is Of<T> => e.type === type)
const named = <T>(els: T[], i: number): T => els[i]!

describe('PowerPoint table styles', () => {
  it('draws a table named only by Medium Style 2 – Accent 1: header, bands, white lines', async () => {
    const { deck } = await importBytes('styles.pptx', styleDeck())
    const [t] = all(deck.slides[0]!.elements, 'table')
    expect(t!.rows.map((r) => r.cells.map((c) => c.fill))).toEqual([
      ['#4F81BD', '#4F81BD', '#4F81BD'],
      ['#B9CDE5', '#B9CDE5', '#B9CDE5'], // band 1: accent1 at tint 40 %
      ['#DCE6F2', '#DCE6F2', '#DCE6F2'] // the whole table: tint 20 %
    ])
    const header = t!.rows[0]!.cells[0]!.paragraphs[0]!.runs[0]!
    expect(header).toMatchObject({ text: '姓名', color: '#FFFFFF', bold: true })
    expect(t!.rows[1]!.cells[0]!.paragraphs[0]!.runs[0]!).toMatchObject({ color: '#000000' })
    expect(t!.rows[1]!.cells[0]!.paragraphs[0]!.runs[0]!.bold).toBeUndefined()
    expect(t!.borderColor).toBe('#FFFFFF')
    expect(t!.headerRow).toBe(true)
  })

  it('keeps cell margins and vertical alignment', async () => {
    const { deck } = await importBytes('styles.pptx', styleDeck())
    const [t] = all(deck.slides[0]!.elements, 'table')
    expect(t!.rows[1]!.cells[1]).toMatchObject({ margins: { l: 0, r: 19.2, t: 9.6, b: 0 }, verticalAlign: 'middle' })
    // PowerPoint's defaults elsewhere: 0.1 in and 0.05 in.
    expect(t!.rows[0]!.cells[0]).toMatchObject({ margins: { l: 9.6, r: 9.6, t: 4.8, b: 4.8 } })
    expect(t!.rows[0]!.cells[0]!.verticalAlign).toBeUndefined()
  })

  it("uses the deck's own definition of a style, first column and inner lines included, on a hidden slide", async () => {
    const { deck, report } = await importBytes('styles.pptx', styleDeck())
    expect(deck.slides[1]!.hidden).toBe(true)
    const [t] = all(deck.slides[1]!.elements, 'table')
    expect(t!.rows.flatMap((r) => r.cells.map((c) => c.fill))).toEqual(['#FFF2CC', '#FFF2CC', '#FFF2CC', '#FFF2CC'])
    expect(
      t!.rows.map((r) => r.cells.map((c) => [c.paragraphs[0]!.runs[0]!.color, c.paragraphs[0]!.runs[0]!.bold]))
    ).toEqual([
      [
        ['#7F6000', true],
        ['#333333', undefined]
      ],
      [
        ['#7F6000', true],
        ['#333333', undefined]
      ]
    ])
    expect(t!.borderColor).toBe('#FF0000')
    expect(report.approximations.filter((a) => a.kind === 'table')).toEqual([])
  })
})

describe('PowerPoint fills, lines and effects', () => {
  it('keeps linear and radial gradients, mixes a pattern, and keeps shadow, glow and soft edges', async () => {
    const { deck } = await importBytes('styles.pptx', styleDeck())
    const shapes = all(deck.slides[2]!.elements, 'shape')
    expect(named(shapes, 0)).toMatchObject({
      fill: '#FF0000',
      gradient: {
        kind: 'linear',
        angle: 180, // a:lin 90° (top to bottom) is CSS "to bottom"
        stops: [
          { at: 0, color: '#FF0000' },
          { at: 1, color: '#0000FF80' }
        ]
      }
    })
    expect(named(shapes, 1)).toMatchObject({ kind: 'ellipse', gradient: { kind: 'radial' } })
    expect(named(shapes, 1).gradient!.stops.map((s) => s.color)).toEqual(['#FFFFFF', '#4F81BD'])
    expect(named(shapes, 2)).toMatchObject({ fill: '#808080' })
    expect(named(shapes, 2).gradient).toBeUndefined()
    const fx = named(shapes, 3)
    // dist 38100 EMU at 45° → 2.83 units each way; blur 50800 EMU → 5.33 units.
    expect(fx.shadow).toEqual({ dx: 2.83, dy: 2.83, blur: 5.33, color: '#00000066' })
    expect(fx.glow).toEqual({ radius: 13.33, color: '#FFC00066' })
    expect(fx.softEdge).toBe(6.67)
  })

  it("draws the shadow a shape's style takes from the theme (effectRef), unless the shape sets its own effects", async () => {
    const { deck } = await importBytes('theme.pptx', themeEffectDeck())
    const [themed, plain] = all(deck.slides[0]!.elements, 'shape')
    // dist 23000 EMU straight down → 2.41 units; blur 40000 EMU → 4.2 units.
    expect(themed!.shadow).toEqual({ dx: 0, dy: 2.41, blur: 4.2, color: '#00000059' })
    expect(plain!.shadow).toBeUndefined()
  })

  it('keeps dashes and arrow heads at both ends, and reports a double line as single', async () => {
    const { deck, report } = await importBytes('styles.pptx', styleDeck())
    const shapes = all(deck.slides[2]!.elements, 'shape')
    expect(named(shapes, 4)).toMatchObject({ kind: 'arrow', dash: 'dash', arrowheads: 'both' })
    expect(report.approximations.filter((a) => a.slide === 3).map((a) => a.message)).toEqual([
      '图案填充以两种颜色的混合色近似显示。',
      '复合线（双线、粗细线）以单线显示。'
    ])
  })

  it('cuts pictures to an ellipse and a rounded rectangle, and reports a hexagon it cannot', async () => {
    const { deck, report } = await importBytes('styles.pptx', styleDeck())
    const pics = all(deck.slides[3]!.elements, 'image')
    expect(pics.map((p) => p.geometry)).toEqual(['ellipse', 'rounded', undefined])
    expect(pics[2]!.shadow).toMatchObject({ dx: 0, dy: 2.67, blur: 8 })
    expect(report.approximations.filter((a) => a.slide === 4).map((a) => a.message)).toEqual([
      '图片“六边形照片”的形状（hexagon）以矩形显示。'
    ])
  })
})
