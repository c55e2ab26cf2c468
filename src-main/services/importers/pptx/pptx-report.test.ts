/**
 * The import report is honest (issue 14, item 7): every loss of a deck whose losses are known is named
 * with its slide, exactly, and a slide with nothing lost adds nothing.
 */
import { describe, expect, it } from 'vitest'
import { Deck } from '../../../../src-shared/courseware'
import { knownLossDeck, withTransition } from '../../../test-utils/fixture-fidelity'
import { importBytes } from '../import-file'

describe('PowerPoint import report', () => {
  it('names exactly the known losses of a deck, each with its slide', async () => {
    const { report } = await importBytes('losses.pptx', withTransition(knownLossDeck(), 2))
    expect(report.approximations.map((a) => `${a.slide ?? 0}:${a.kind}:${a.message}`)).toEqual([
      '2:text:艺术字的文字变形效果未导入。',
      '2:text:文字的突出显示颜色未导入。',
      '2:text:文字的字符间距未导入。',
      '2:text:渐变色或图片填充的文字以单色显示。',
      '2:text:文字效果（阴影、发光、轮廓）未导入。',
      '2:text:段落的制表位未导入。',
      '2:layout:幻灯片切换效果未导入。',
      '3:shape:三维效果（旋转、棱台）未导入。',
      '3:image:图片的颜色调整（灰度、重新着色、亮度）未导入。',
      '4:table:表格样式 {AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE} 未导入（表格以无样式显示）。'
    ])
    expect(report.approximations.every((a) => a.messageEn.length > 0)).toBe(true)
  })

  it('keeps the report with the deck, through the deck schema (so it can be reopened after saving)', async () => {
    const { deck, report } = await importBytes('losses.pptx', knownLossDeck())
    expect(deck.importReport).toEqual(report)
    expect(Deck.parse(JSON.parse(JSON.stringify(deck))).importReport).toEqual(report)
  })

  it('reports nothing for a slide that imported as it is', async () => {
    const { report } = await importBytes('losses.pptx', knownLossDeck())
    expect(report.approximations.filter((a) => a.slide === 1)).toEqual([])
  })
})
