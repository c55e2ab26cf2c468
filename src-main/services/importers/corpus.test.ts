/**
 * Every real file in ../shared/corpus imports or is refused with a specific error, within 5 s,
 * and what python-pptx's and mammoth's test files contain survives: slide counts, titles, text.
 * Where the corpus is absent this says so in one line; pptx-import.test.ts and docx-import.test.ts
 * reach the same importer branches with files they make themselves.
 */
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import { corpusFile, corpusTitle, haveCorpus } from '../../test-utils/corpus'
import { expectSlidesAndText, importOrRefuse } from '../../test-utils/import-oracle'
import { importFile } from './import-file'

const PPTX = corpusFile('pptx')
const DOCX = corpusFile('docx')

// Titles read by hand from the files (the title placeholder, or first text) where python-pptx's tests name them.
const TITLES: Record<string, string[]> = {
  'test.pptx': ['Presentation Title Text'],
  'tests-test.pptx': ['Presentation Title Text'],
  'no-core-props.pptx': ['Minimal Deck'],
  'missing_rels_item.pptx': ['Presentation Title Text'],
  'txt-text-frame.pptx': ['Text frame having no auto-size setting', 'abc'],
  'dml-line.pptx': [
    'Inherited Outline Format',
    'No (directly-applied)',
    'No (directly applied) line width',
    'Inherited Line'
  ],
  'no-slides.pptx': [],
  'minimal.pptx': []
}

describe.runIf(haveCorpus)(corpusTitle('PPTX corpus'), () => {
  const files = haveCorpus ? readdirSync(PPTX).sort() : []

  it('imports every file (or refuses it specifically) with its slides in order and all their text', async () => {
    expect(files.length).toBeGreaterThanOrEqual(60)
    let checkedTexts = 0
    for (const name of files) {
      const file = join(PPTX, name)
      const r = await importOrRefuse(name, () => importFile(file))
      if (r instanceof AppError) continue
      checkedTexts += expectSlidesAndText(name, new Uint8Array(readFileSync(file)), r)
      if (TITLES[name]) expect(r.report.titles, name).toEqual(TITLES[name])
    }
    expect(checkedTexts).toBeGreaterThan(100)
  })

  it('turns charts into charts, OLE objects and movies into previews and video, and reports it', async () => {
    const chart = await importFile(join(PPTX, 'cht-charts.pptx'))
    expect(chart.deck.slides[0]!.elements.some((e) => e.type === 'chart')).toBe(true)
    const ole = await importFile(join(PPTX, 'shp-access-ole-object.pptx'))
    const placeholder = ole.deck.slides[0]!.elements.find((e) => e.type === 'placeholder')
    expect(placeholder?.type === 'placeholder' && placeholder.source === 'ole' && placeholder.preview?.ext).toBe('emf')
    const movie = await importFile(join(PPTX, 'shp-movie-props.pptx'))
    expect(movie.deck.slides[0]!.elements.some((e) => e.type === 'video')).toBe(true)
    const macro = await importFile(join(PPTX, 'act-props.pptm'))
    expect(macro.report.approximations.some((a) => /VBA/.test(a.messageEn))).toBe(true)
  })

  it('keeps crops, group positions, tables, notes and backgrounds', async () => {
    const pic = await importFile(join(PPTX, 'shp-picture.pptx'))
    const cropped = pic.deck.slides[0]!.elements.find((e) => e.type === 'image' && e.crop)
    expect(cropped?.type === 'image' && cropped.crop).toMatchObject({
      left: 0.15479,
      top: 0.25571,
      right: 0.10463,
      bottom: 0.25572
    })
    expect(pic.media.size).toBe(2)
    const group = await importFile(join(PPTX, 'shp-groupshape.pptx'))
    const shapes = group.deck.slides[0]!.elements.filter((e) => e.type === 'shape')
    expect(shapes.map((s) => s.type === 'shape' && s.kind)).toEqual(['rounded', 'ellipse', 'triangle', 'rectangle'])
    // Rounded rectangle at (3347864, 2204864) EMU on a 4:3 slide of 9144000 EMU → 960 units wide.
    expect(shapes[0]).toMatchObject({ x: 351.48, y: 231.48, w: 96, h: 96 })
    const table = await importFile(join(PPTX, 'tbl-cell.pptx'))
    const merged = table.deck.slides[1]!.elements.find((e) => e.type === 'table')
    expect(
      merged?.type === 'table' &&
        merged.rows.flatMap((r) => r.cells).some((c) => c.merged || c.colSpan > 1 || c.rowSpan > 1)
    ).toBe(true)
    expect((await importFile(join(PPTX, 'prs-notes.pptx'))).deck.slides[0]!.notes).toBe('Notes')
    const bg = await importFile(join(PPTX, 'sld-background.pptx'))
    expect(bg.deck.slides[1]!.background.color).toBe('#FF0000')
  })
})

describe.runIf(haveCorpus)(corpusTitle('DOCX corpus'), () => {
  const files = haveCorpus ? readdirSync(DOCX).sort() : []

  it('imports every file as a sanitised 教案 (or refuses it specifically)', async () => {
    expect(files.length).toBeGreaterThanOrEqual(17)
    for (const name of files) {
      const r = await importOrRefuse(name, () => importFile(join(DOCX, name), { splitHeadingLevel: 1 }))
      if (r instanceof AppError) continue
      const html = r.deck.lessonPlans[0]!.html
      expect(html, name).not.toMatch(/<script|javascript:|https?:|<style|\son\w+=/i)
      for (const src of html.matchAll(/src="([^"]*)"/g)) expect(r.media.has(src[1]!), `${name} ${src[1]}`).toBe(true)
    }
  })

  it('keeps pictures as media, tables and lists as text, and reports dropped external content', async () => {
    const pic = await importFile(join(DOCX, 'tiny-picture.docx'))
    expect(pic.media.size).toBe(1)
    expect(pic.deck.lessonPlans[0]!.media).toHaveLength(1)
    const ext = await importFile(join(DOCX, 'external-picture.docx'))
    expect(ext.media.size).toBe(0)
    expect(ext.report.approximations.some((a) => a.kind === 'image')).toBe(true)
    const link = await importFile(join(DOCX, 'footnote-hyperlink.docx'))
    expect(link.report.approximations.some((a) => a.kind === 'link')).toBe(true)
    const tables = await importFile(join(DOCX, 'tables.docx'), { splitHeadingLevel: 1 })
    expect(tables.deck.lessonPlans[0]!.html).toContain('Top left')
    expect(tables.deck.slides.flatMap((s) => s.elements).some((e) => e.type === 'table')).toBe(true)
    const list = await importFile(join(DOCX, 'simple-list.docx'), { splitHeadingLevel: 1 })
    const paras = list.deck.slides.flatMap((s) => s.elements).flatMap((e) => (e.type === 'text' ? e.paragraphs : []))
    expect(paras.filter((p) => p.list === 'bullet').map((p) => p.runs.map((r) => r.text).join(''))).toEqual([
      'Apple',
      'Banana'
    ])
    const heading = await importFile(join(DOCX, 'embedded-style-map.docx'), { splitHeadingLevel: 1 })
    expect(heading.report.titles[0]).toBe('Walking on imported air')
    // Without a split the plan is kept whole behind one title slide.
    const whole = await importFile(join(DOCX, 'tables.docx'))
    expect(whole.deck.slides).toHaveLength(1)
  })
})
