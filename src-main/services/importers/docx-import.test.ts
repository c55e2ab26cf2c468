/**
 * The Word importer on lesson plans the tests make (src-main/test-utils/fixture-docx.ts): what
 * mammoth.js's real test files in ../shared/corpus/docx check (corpus.test.ts), reached without them.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import type { Element } from '../../../src-shared/courseware'
import {
  PLAN,
  bomDocx,
  externalPictureDocx,
  generatedDocxSet,
  lessonPlanDocx,
  strictDocx,
  tableOnlyDocx,
  textBoxDocx,
  truncatedDocx
} from '../../test-utils/fixture-docx'
import { importOrRefuse } from '../../test-utils/import-oracle'
import { importBytes } from './import-file'

const elementsOf = (slides: { elements: Element[] }[]) => slides.flatMap((s) => s.elements)
const paragraphsOf = (els: Element[]) => els.flatMap((e) => (e.type === 'text' ? e.paragraphs : []))
const textOf = (p: { runs: { text: string }[] }) => p.runs.map((r) => r.text).join('')

describe('Word import of generated lesson plans', () => {
  it('imports every generated file as a sanitised 教案 (or refuses it specifically)', async () => {
    let refused = 0
    for (const { name, bytes } of await generatedDocxSet()) {
      const r = await importOrRefuse(name, () => importBytes(name, bytes, { splitHeadingLevel: 1 }))
      if (r instanceof AppError) {
        refused++
        continue
      }
      const html = r.deck.lessonPlans[0]!.html
      expect(html, name).not.toMatch(/<script|javascript:|https?:|<style|\son\w+=/i)
      for (const src of html.matchAll(/src="([^"]*)"/g)) expect(r.media.has(src[1]!), `${name} ${src[1]}`).toBe(true)
    }
    expect(refused).toBe(1) // the truncated one
  })

  it('keeps headings, formatted runs, lists, a picture, a table and footnotes; drops external links and says so', async () => {
    const r = await importBytes('教案.docx', await lessonPlanDocx(), { splitHeadingLevel: 1 })
    const html = r.deck.lessonPlans[0]!.html
    expect(r.deck.lessonPlans[0]!.title).toBe(PLAN.titles[0])
    expect(html).toContain('<strong>认识几分之一</strong>')
    expect(html).toContain('<em>，会读写</em>')
    expect(html).toContain('<s>（删去）</s>')
    expect(html).toContain('<sup>2</sup>')
    expect(html).toContain(PLAN.footnote)
    expect(html).toContain('Top left')
    expect(html).toContain('<td colspan="2">') // a merged cell keeps its span through sanitising
    // Two links (the body's and the footnote's) lose their URL and keep their text.
    expect(html).toContain('<a>参考网站</a>')
    expect(r.report.approximations.find((a) => a.kind === 'link')?.messageEn).toMatch(/^2 external links/)
    // A paragraph style mammoth has no mapping for is reported.
    expect(r.report.approximations.some((a) => a.kind === 'text')).toBe(true)
    expect(r.media.size).toBe(1)
    expect(r.deck.lessonPlans[0]!.media).toHaveLength(1)

    const els = elementsOf(r.deck.slides)
    const paras = paragraphsOf(els)
    expect(paras.filter((p) => p.list === 'bullet').map((p) => [textOf(p), p.level])).toEqual([
      ['Apple', 0],
      ['Banana', 0],
      ['香蕉皮', 1]
    ])
    // Footnotes come last, as mammoth writes them: a numbered list with a way back.
    expect(paras.filter((p) => p.list === 'number').map(textOf)).toEqual([
      ...PLAN.steps,
      `${PLAN.footnote}，在线课本 ↑`
    ])
    // A heading below the split level is a bold line on its slide.
    expect(paras.find((p) => textOf(p) === '教学过程')?.runs[0]?.bold).toBe(true)
    const formatted = paras.find((p) => textOf(p).startsWith('教学目标'))!
    expect(formatted.runs.find((x) => x.text === '认识几分之一')?.bold).toBe(true)
    expect(formatted.runs.find((x) => x.text === '2')?.superscript).toBe(true)
    expect(els.filter((e) => e.type === 'image')).toHaveLength(1)
    const table = els.find((e) => e.type === 'table')
    expect(table?.type === 'table' && table.rows.map((row) => row.cells.map((c) => c.colSpan))).toEqual([
      [1, 1],
      [2, 1]
    ])
    expect(table?.type === 'table' && table.rows[1]!.cells[1]!.merged).toBe(true)
  })

  it('splits at the chosen heading level and continues a long lesson on a slide marked （续）', async () => {
    const r = await importBytes('教案.docx', await lessonPlanDocx(), { splitHeadingLevel: 1 })
    expect(r.report.titles).toEqual([PLAN.titles[0], PLAN.titles[1], `${PLAN.titles[1]}（续）`])
    // The continuation carries on where the first part stopped.
    const second = paragraphsOf(r.deck.slides[1]!.elements).map(textOf)
    const third = paragraphsOf(r.deck.slides[2]!.elements).map(textOf)
    expect(second[1]).toBe('比较 1/2 和 1/3 的大小')
    expect(third).toContain('比较 1/15 和 1/16 的大小')
    // Without a split the plan is kept whole behind one title slide.
    const whole = await importBytes('教案.docx', await lessonPlanDocx())
    expect(whole.deck.slides).toHaveLength(1)
    expect(whole.report.titles).toEqual([PLAN.titles[0]])
  })

  it('drops a picture that only links to the web and reports it', async () => {
    const r = await importBytes('外链图片.docx', externalPictureDocx())
    expect(r.media.size).toBe(0)
    expect(r.deck.lessonPlans[0]!.html).not.toContain('<img')
    expect(r.report.approximations.some((a) => a.kind === 'image')).toBe(true)
  })

  it('reads text boxes, strict OOXML and a byte-order mark', async () => {
    expect((await importBytes('文本框.docx', textBoxDocx())).deck.lessonPlans[0]!.html).toContain('文本框里的字')
    expect((await importBytes('严格.docx', strictDocx())).deck.lessonPlans[0]!.html).toContain('严格格式的教案')
    expect((await importBytes('bom.docx', bomDocx())).deck.lessonPlans[0]!.html).toContain('带 BOM 的教案')
  })

  it('gives a slide with no text an empty title instead of inventing one', async () => {
    const r = await importBytes('课表.docx', tableOnlyDocx(), { splitHeadingLevel: 1 })
    expect(r.deck.slides.map((s) => s.elements.map((e) => e.type))).toEqual([['table']])
    expect(r.report.titles).toEqual([''])
  })

  it('refuses a truncated Word file, naming it', async () => {
    const err = await importBytes('半截教案.docx', await truncatedDocx()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toContain('半截教案.docx')
    expect((err as AppError).messageEn).toMatch(/not a valid zip/)
  })
})
