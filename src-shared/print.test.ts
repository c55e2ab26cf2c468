import { describe, expect, it } from 'vitest'
import { SLIDE_SIZE } from './courseware/primitives'
import { printLayout, printRoute } from './print'

const mmToPx = (mm: number) => (mm * 96) / 25.4

describe('print layout', () => {
  it('prints a 16:9 slide on a 10 in × 5.625 in page it fills exactly', () => {
    const l = printLayout('16:9', false)
    expect(l.page).toEqual({ width: 254, height: 142.875 })
    expect(l.margin).toBe(0)
    expect(l.slideWidthPx).toBe(960)
    // The slide, drawn at that width, is exactly as tall as the page: no spill onto a second page.
    expect((l.slideWidthPx * SLIDE_SIZE['16:9'].height) / SLIDE_SIZE['16:9'].width).toBeCloseTo(
      mmToPx(l.page.height),
      6
    )
  })

  it('prints a 4:3 slide on a 10 in × 7.5 in page', () => {
    const l = printLayout('4:3', false)
    expect(l.page).toEqual({ width: 254, height: 190.5 })
    expect((l.slideWidthPx * SLIDE_SIZE['4:3'].height) / SLIDE_SIZE['4:3'].width).toBeCloseTo(mmToPx(l.page.height), 6)
  })

  it('puts notes pages on A4 with the slide inside the margins and room below for the notes', () => {
    for (const aspect of ['16:9', '4:3'] as const) {
      const l = printLayout(aspect, true)
      expect(l.page).toEqual({ width: 210, height: 297 })
      expect(l.slideWidthPx).toBeLessThanOrEqual(mmToPx(210 - 2 * l.margin))
      const slideHeightMm = ((l.slideWidthPx * SLIDE_SIZE[aspect].height) / SLIDE_SIZE[aspect].width) * (25.4 / 96)
      // At least a third of the printable height is left for the notes.
      expect(297 - 2 * l.margin - slideHeightMm).toBeGreaterThan((297 - 2 * l.margin) / 3)
    }
  })
})

describe('print route', () => {
  it('names the document and the options in the hash path', () => {
    expect(printRoute('abc')).toBe('/print/abc')
    expect(printRoute('abc', { notes: true })).toBe('/print/abc?notes=1')
    expect(printRoute('a/b', { notes: true, auto: true })).toBe('/print/a%2Fb?notes=1&auto=1')
  })
})
