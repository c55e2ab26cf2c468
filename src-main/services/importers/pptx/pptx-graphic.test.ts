/**
 * SmartArt drawn from the fallback drawing PowerPoint saves with it, and OLE objects from their
 * previews (issue 14, item 3), on a hand-built deck and, where it is beside the checkout, the corpus.
 */
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Element } from '../../../../src-shared/courseware'
import { SMARTART_AT, SMARTART_STEPS, smartArtOleDeck } from '../../../test-utils/fixture-fidelity'
import { corpusFile, corpusTitle, haveCorpus } from '../../../test-utils/corpus'
import { importBytes, importFile } from '../import-file'

const E = 1280 / 12192000
const words = (els: Element[]) =>
  els.flatMap((e) => ('paragraphs' in e ? e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : []))

describe('SmartArt and OLE objects', () => {
  it('draws SmartArt from its fallback drawing: its shapes in the frame, its text where PowerPoint put it', async () => {
    const { deck, report } = await importBytes('smartart.pptx', smartArtOleDeck())
    const els = deck.slides[0]!.elements
    expect(words(els).filter(Boolean)).toEqual(SMARTART_STEPS)
    const shapes = els.filter((e) => e.type === 'shape' && e.paragraphs.length === 0)
    expect(shapes).toHaveLength(3)
    // Drawing coordinates start at the frame's top-left: the first chevron is at the frame's x, 457200 EMU down.
    expect(shapes[0]).toMatchObject({ x: SMARTART_AT[0] * E, y: Math.round((SMARTART_AT[1] + 457200) * E * 100) / 100 })
    expect(shapes[0]).toMatchObject({ type: 'shape', fill: '#4F81BD' })
    // The text box is dsp:txXfrm (685800 EMU in), white from the style's fontRef, without the chevron's fill.
    const label = els.find((e) => e.type === 'text' || (e.type === 'shape' && e.paragraphs.length))!
    expect(label.x).toBeCloseTo((SMARTART_AT[0] + 685800) * E, 1)
    expect('paragraphs' in label && label.paragraphs[0]!.runs[0]!.color).toBe('#FFFFFF')
    expect(label.type).toBe('text')
    expect(report.approximations.filter((a) => a.slide === 1).map((a) => a.kind)).toEqual([
      'shape',
      'shape',
      'shape',
      'smartart'
    ])
    expect(report.approximations.find((a) => a.kind === 'smartart' && a.slide === 1)!.message).toBe(
      'SmartArt“探究流程”已按 PowerPoint 保存的图形导入为一组形状，不能再作为 SmartArt 编辑。'
    )
  })

  it('keeps the typed text of a SmartArt saved without a drawing, and says so', async () => {
    const { deck, report } = await importBytes('smartart.pptx', smartArtOleDeck())
    expect(words(deck.slides[1]!.elements)).toEqual(['只有文字', '没有图形'])
    expect(report.approximations.filter((a) => a.slide === 2).map((a) => a.message)).toEqual([
      'SmartArt“没有图形的 SmartArt”没有保存图形，只导入了其中的文字。'
    ])
  })

  it('shows an OLE object as its PNG preview (from mc:Fallback or PowerPoint 2007 VML), and keeps an EMF preview on a labelled placeholder', async () => {
    const { deck, report } = await importBytes('ole.pptx', smartArtOleDeck())
    expect(deck.slides[2]!.elements).toMatchObject([{ type: 'image', alt: '嵌入对象：MSGraph.Chart.8' }])
    const [sheet, formula] = deck.slides[3]!.elements
    expect(sheet).toMatchObject({ type: 'image', alt: '嵌入对象：Excel.Sheet.12', media: { ext: 'png' } })
    expect(formula).toMatchObject({ type: 'placeholder', source: 'ole', label: '嵌入对象：Equation.3' })
    expect(formula!.type === 'placeholder' && formula!.preview?.ext).toBe('emf')
    expect(report.approximations.filter((a) => a.slide === 4).map((a) => a.message)).toEqual([
      '嵌入对象“Excel.Sheet.12”以其预览图显示，不能在这里打开编辑。',
      '嵌入对象“Equation.3”的预览图是 EMF 格式，无法显示，以占位框代替（导出时保留预览图）。'
    ])
  })
})

describe.runIf(haveCorpus)(corpusTitle('SmartArt in the Open XML SDK decks'), () => {
  it('keeps the text of every SmartArt that has a fallback drawing, and leaves none as a bare placeholder', async () => {
    const dir = corpusFile('pptx-openxml')
    let frames = 0
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pptx'))) {
      const r = await importFile(join(dir, name)).catch(() => null)
      if (!r) continue
      const smart = r.report.approximations.filter((a) => a.kind === 'smartart')
      frames += smart.filter((a) => a.message.includes('已按 PowerPoint 保存的图形导入')).length
      const bare = r.deck.slides
        .flatMap((s) => s.elements)
        .filter((e) => e.type === 'placeholder' && e.source === 'smartart')
      expect(bare, name).toEqual([])
    }
    // 6 frames in 3 decks have a drawing; the org charts of O12 files were saved before PowerPoint wrote one.
    expect(frames).toBeGreaterThanOrEqual(6)
  })
})
