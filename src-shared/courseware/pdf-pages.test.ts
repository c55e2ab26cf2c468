import { describe, expect, it } from 'vitest'
import { Deck } from './deck'
import { ImportReport } from './import-report'
import { SLIDE_SIZE, type MediaRef } from './primitives'
import {
  chooseAspect,
  isLetterboxed,
  nearestAspect,
  pageFrame,
  pdfDeck,
  pdfImportReport,
  renderSize
} from './pdf-pages'

// Page sizes in PDF points, as real files have them.
const A4_PORTRAIT = { width: 595.28, height: 841.89 }
const A4_LANDSCAPE = { width: 841.89, height: 595.28 }
const IMPRESS_16_9 = { width: 793.7, height: 446.45 } // LibreOffice's 28 cm × 15.75 cm
const PPT_4_3 = { width: 720, height: 540 } // PowerPoint's 10 in × 7.5 in
const media = (n: number): MediaRef => ({ hash: n.toString(16).padStart(64, '0'), ext: 'png' })

describe('slide shape for PDF pages', () => {
  it('maps widescreen pages to 16:9 and 4:3, A4 and portrait pages to 4:3', () => {
    expect(nearestAspect(IMPRESS_16_9)).toBe('16:9')
    expect(nearestAspect({ width: 1920, height: 1080 })).toBe('16:9')
    expect(nearestAspect(PPT_4_3)).toBe('4:3')
    expect(nearestAspect(A4_LANDSCAPE)).toBe('4:3') // 1.41 is nearer 1.33 than 1.78
    expect(nearestAspect(A4_PORTRAIT)).toBe('4:3')
  })

  it('picks the shape most pages are nearest to, the first page breaking a tie', () => {
    expect(chooseAspect([IMPRESS_16_9, IMPRESS_16_9, A4_PORTRAIT])).toBe('16:9')
    expect(chooseAspect([IMPRESS_16_9, A4_PORTRAIT, A4_PORTRAIT])).toBe('4:3')
    expect(chooseAspect([A4_PORTRAIT, IMPRESS_16_9])).toBe('4:3')
    expect(chooseAspect([IMPRESS_16_9, A4_PORTRAIT])).toBe('16:9')
    expect(chooseAspect([])).toBe('16:9')
  })

  it('refuses a page with no area instead of dividing by zero', () => {
    expect(() => nearestAspect({ width: 0, height: 100 })).toThrow(RangeError)
    expect(() => renderSize({ width: 100, height: Number.NaN })).toThrow(RangeError)
  })
})

describe('render resolution', () => {
  it('draws a widescreen page 1920 px wide, for a 1080p classroom display', () => {
    expect(renderSize(IMPRESS_16_9)).toMatchObject({ width: 1920, height: 1080 })
  })

  it('draws a 4:3 page at 1920×1440 and a portrait page 1440 px tall, never past the box', () => {
    expect(renderSize(PPT_4_3)).toMatchObject({ width: 1920, height: 1440 })
    const portrait = renderSize(A4_PORTRAIT)
    expect(portrait.height).toBe(1440)
    expect(portrait.width).toBe(Math.round(595.28 * (1440 / 841.89)))
    expect(portrait.width).toBeLessThanOrEqual(1920)
  })

  it('scales a tiny page up so it is still sharp on the big screen', () => {
    const s = renderSize({ width: 96, height: 54 })
    expect(s.scale).toBe(20)
    expect(s).toMatchObject({ width: 1920, height: 1080 })
  })
})

describe('page → slide layout', () => {
  it('fills the whole slide when the page has the slide shape', () => {
    const f = pageFrame(IMPRESS_16_9, '16:9')
    expect(f.x).toBeCloseTo(0, 0)
    expect(f.y).toBeCloseTo(0, 0)
    expect(f.w).toBeCloseTo(1280, 0)
    expect(f.h).toBeCloseTo(720, 0)
    expect(isLetterboxed(IMPRESS_16_9, '16:9')).toBe(false)
    expect(pageFrame(PPT_4_3, '4:3')).toEqual({ x: 0, y: 0, w: 960, h: 720 })
  })

  it('centres a portrait page at full height with equal margins left and right', () => {
    const f = pageFrame(A4_PORTRAIT, '4:3')
    expect(f.h).toBeCloseTo(720, 6)
    expect(f.y).toBeCloseTo(0, 6)
    expect(f.x).toBeCloseTo((960 - f.w) / 2, 6)
    expect(f.w / f.h).toBeCloseTo(595.28 / 841.89, 6)
    expect(isLetterboxed(A4_PORTRAIT, '4:3')).toBe(true)
  })

  it('centres a widescreen page on a 4:3 slide at full width', () => {
    const f = pageFrame(IMPRESS_16_9, '4:3')
    expect(f.w).toBeCloseTo(960, 6)
    expect(f.y).toBeCloseTo((720 - f.h) / 2, 6)
    expect(f.y).toBeGreaterThan(0)
  })
})

describe('the deck and report from a PDF', () => {
  it('makes one slide per page, in order, each one locked picture inside the slide', () => {
    const pages = [
      { ...IMPRESS_16_9, media: media(1) },
      { ...A4_PORTRAIT, media: media(2) },
      { ...IMPRESS_16_9, media: media(3) }
    ]
    const deck = pdfDeck({ deckId: 'deck-1', title: '三角形的面积', pages })
    expect(Deck.parse(deck)).toEqual(deck)
    expect(deck).toMatchObject({ id: 'deck-1', title: '三角形的面积', aspect: '16:9' })
    expect(deck.slides).toHaveLength(3)
    deck.slides.forEach((slide, i) => {
      expect(slide.elements).toHaveLength(1)
      const el = slide.elements[0]!
      if (el.type !== 'image') throw new Error('expected an image')
      expect(el.media).toEqual(pages[i]!.media)
      expect(el.locked).toBe(true)
      expect(el.alt).toContain(String(i + 1))
      expect(el.x).toBeGreaterThanOrEqual(-1e-9)
      expect(el.y).toBeGreaterThanOrEqual(-1e-9)
      expect(el.x + el.w).toBeLessThanOrEqual(SLIDE_SIZE['16:9'].width + 1e-9)
      expect(el.y + el.h).toBeLessThanOrEqual(SLIDE_SIZE['16:9'].height + 1e-9)
    })
    expect(new Set(deck.slides.map((s) => s.id)).size).toBe(3)
  })

  it('reports that pages became pictures and names each letterboxed page', () => {
    const pages = [
      { ...IMPRESS_16_9, media: media(1) },
      { ...A4_PORTRAIT, media: media(2) },
      { ...IMPRESS_16_9, media: media(1) }
    ]
    const deck = pdfDeck({ deckId: 'd', title: 't', pages })
    const report = ImportReport.parse(pdfImportReport('讲义.pdf', deck, pages, 42))
    expect(report).toMatchObject({ file: '讲义.pdf', format: 'pdf', slideCount: 3, mediaCount: 2, durationMs: 42 })
    expect(report.approximations[0]).toMatchObject({ kind: 'content' })
    expect(report.approximations[0]!.slide).toBeUndefined()
    expect(report.approximations.filter((a) => a.kind === 'layout').map((a) => a.slide)).toEqual([2])
  })
})
