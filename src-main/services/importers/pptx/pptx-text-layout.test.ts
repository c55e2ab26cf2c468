/**
 * Text is laid out as PowerPoint laid it out and never dropped (issue 14, item 4), on hand-built
 * decks (fixture-fidelity.ts) and, where it is beside the checkout, on the corpus.
 */
import { describe, expect, it } from 'vitest'
import type { Element, Paragraph } from '../../../../src-shared/courseware'
import { TEXT_LONG, textDeck } from '../../../test-utils/fixture-fidelity'
import { importBytes } from '../import-file'

const texts = (els: Element[]) =>
  els.filter((e): e is Extract<Element, { type: 'text' | 'shape' }> => e.type === 'text' || e.type === 'shape')
const byText = (els: Element[], t: string) =>
  texts(els).find((e) => e.paragraphs.some((p) => p.runs.some((r) => r.text.includes(t))))!
const textOf = (p: Paragraph) => p.runs.map((r) => r.text).join('')

describe('PowerPoint text layout', () => {
  it('applies the shrink PowerPoint computed (fontScale, lnSpcReduction) to sizes and line pitch', async () => {
    const { deck } = await importBytes('text.pptx', textDeck())
    const shrunk = byText(deck.slides[0]!.elements, '第一段')
    // 28 pt at 62.5 %; a run without a size is PowerPoint's 18 pt, shrunk too.
    expect(shrunk.paragraphs.map((p) => p.runs[0]!.fontSize)).toEqual([17.5, 11.3])
    // 100 % spacing is 1.2 × the font size; 20 % less is 0.8 of that.
    expect(shrunk.paragraphs.map((p) => p.lineHeight)).toEqual([0.96, 0.96])
  })

  it('keeps insets, spAutoFit, wrap="none", vertical text and columns', async () => {
    const { deck } = await importBytes('text.pptx', textDeck())
    const els = deck.slides[0]!.elements
    // Default insets are 0.1 in × 0.05 in: 91440 EMU × 1280/12192000 = 9.6 units.
    expect(byText(els, '第一段')).toMatchObject({ insets: { l: 9.6, t: 4.8, r: 9.6, b: 4.8 } })
    expect(byText(els, '一行')).toMatchObject({ autoGrow: true })
    expect(byText(els, '不会换行')).toMatchObject({ wrap: false, insets: { l: 0, t: 0, r: 0, b: 0 } })
    expect(byText(els, '竖排')).toMatchObject({ vertical: 'eaVert' })
    expect(byText(els, '第一栏')).toMatchObject({ columns: 2, columnGap: 48, insets: { l: 19.2 } })
  })

  it('reads line and paragraph spacing, margins, bullets from symbol fonts and numbering types', async () => {
    const { deck } = await importBytes('text.pptx', textDeck())
    const body = byText(deck.slides[1]!.elements, '方块符号')
    const [square, dash, c, d, zh, circled] = body.paragraphs
    expect(square).toMatchObject({
      list: 'bullet',
      bullet: '▪', // Wingdings "§"
      lineHeight: 1.8,
      spaceBefore: 12,
      spaceAfter: 12, // 50 % of a 20 pt line (1.2 × 20)
      marginLeft: 36,
      indent: -36
    })
    expect(dash).toMatchObject({ list: 'bullet', bullet: '–', lineSpacingPt: 30 })
    expect([c, d].map((x) => x!.numbering)).toEqual([
      { style: 'alphaLc', punct: 'parenR', startAt: 3 },
      { style: 'alphaLc', punct: 'parenR', startAt: 3 }
    ])
    expect(zh!.numbering).toEqual({ style: 'chinese', punct: 'period', startAt: 1 })
    expect(circled!.numbering).toMatchObject({ style: 'circled' })
  })

  it("resolves the theme's fonts and the shape style's text colour", async () => {
    const { deck } = await importBytes('text.pptx', textDeck())
    const body = byText(deck.slides[1]!.elements, '标题字体')
    const [major, minor] = body.paragraphs.at(-1)!.runs
    expect(major).toMatchObject({ fontFamily: '黑体', latinFont: 'Calibri Light' })
    expect(minor).toMatchObject({ fontFamily: '宋体', latinFont: 'Calibri' })
    const blue = byText(deck.slides[1]!.elements, '白色的字')
    expect(blue).toMatchObject({ type: 'shape', fill: '#4472C4' })
    expect(blue.paragraphs[0]!.runs[0]!.color).toBe('#FFFFFF')
  })

  it('keeps every word of text that does not fit, and the report says where', async () => {
    const { deck, report } = await importBytes('text.pptx', textDeck())
    const over = byText(deck.slides[2]!.elements, '课文朗读')
    expect(textOf(over.paragraphs[0]!)).toBe(TEXT_LONG)
    const overflow = report.approximations.filter((a) => a.kind === 'text')
    expect(overflow).toEqual([
      {
        slide: 3,
        kind: 'text',
        message: '文字超出文本框“放不下的框”，超出部分显示在框外。',
        messageEn: 'Text runs past its box "放不下的框"; the overflow is shown outside the box.'
      }
    ])
  })
})
