import { describe, expect, it } from 'vitest'
import { slideText } from '../../../src-shared/courseware'
import { sampleDeck as sample } from './sample-deck'
import { importPptx } from '../importers/pptx/pptx-import'
import { exportPptx } from './pptx-export'

describe('PPTX export', () => {
  it('round-trips through our importer keeping slide count, text, images, crops and notes', async () => {
    const { deck, media } = sample()
    const { bytes, approximations } = await exportPptx(deck, media)
    const back = importPptx('round.pptx', bytes)
    expect(back.deck.slides).toHaveLength(3)
    expect(back.deck.aspect).toBe('16:9')
    const text1 = slideText(back.deck.slides[0]!)
    for (const t of ['分数的初步认识', '把一个物体平均分成几份', '每份是它的几分之一', '加油', '分子', '分母'])
      expect(text1).toContain(t)
    expect(back.deck.slides[0]!.notes).toBe('导入：分蛋糕')
    expect(back.deck.slides[0]!.background.color).toBe('#FFF8E1')
    // The same image bytes come back, so the same content hashes.
    expect(new Set(back.media.keys())).toEqual(new Set(media.keys()))
    const img = back.deck.slides[0]!.elements.find((e) => e.type === 'image' && e.crop)
    expect(img?.type === 'image' && img.crop).toBeTruthy()
    if (img?.type === 'image') {
      expect(img.crop!.left).toBeCloseTo(0.1, 3)
      expect(img.crop!.top).toBeCloseTo(0.2, 3)
      expect(img.x).toBeCloseTo(700, 0)
      expect(img.w).toBeCloseTo(300, 0)
    }
    const title = back.deck.slides[0]!.elements.find((e) => e.type === 'text')
    expect(title?.type === 'text' && title.paragraphs[0]!.runs[0]).toMatchObject({
      bold: true,
      fontSize: 44,
      color: '#C00000'
    })
    expect(back.deck.slides[0]!.elements.some((e) => e.type === 'shape' && e.kind === 'star')).toBe(true)
    // The question slide shows its options; the answer and explanation are in the notes.
    expect(slideText(back.deck.slides[1]!)).toMatch(/二分之一写作？[\s\S]*A\. 1\/2[\s\S]*B\. 2\/1/)
    expect(back.deck.slides[1]!.notes).toBe('答案：A\n解析：分子在上，分母在下')
    expect(slideText(back.deck.slides[2]!)).toContain('\\frac{1}{2}')
    expect(approximations.some((a) => a.slide === 3 && a.kind === 'text')).toBe(true)
  })

  it('refuses to export a deck whose media is missing, naming the file', async () => {
    const { deck } = sample()
    await expect(exportPptx(deck, new Map())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
