import { describe, expect, it } from 'vitest'
import { QUADRATIC_LATEX, mathDeck } from '../../../test-utils/fixture-fidelity'
import { importBytes } from '../import-file'

describe('PowerPoint equations (a14:m)', () => {
  it('turns a box of Office Math into a formula element with its LaTeX, size and colour', async () => {
    const { deck, report } = await importBytes('math.pptx', mathDeck())
    const [f] = deck.slides[0]!.elements
    expect(f).toMatchObject({
      type: 'formula',
      latex: QUADRATIC_LATEX,
      syntax: 'math',
      color: '#C00000',
      fontSize: 42.7, // 32 pt × 4/3
      x: 160,
      y: 160
    })
    expect(report.approximations.filter((a) => a.slide === 1)).toEqual([])
  })

  it('keeps the picture of words mixed with an equation, and says so', async () => {
    const { deck, report } = await importBytes('math.pptx', mathDeck())
    expect(deck.slides[1]!.elements.map((e) => e.type)).toEqual(['image'])
    expect(report.approximations.filter((a) => a.slide === 2).map((a) => a.message)).toEqual([
      '一段文字中夹有公式，按 PowerPoint 保存的图片导入（文字不能再编辑）。'
    ])
  })
})
