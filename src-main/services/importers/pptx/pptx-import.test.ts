/**
 * The PowerPoint importer on files the tests make (src-main/test-utils/fixture-decks.ts): the same
 * branches the real files in ../shared/corpus reach (corpus.test.ts), so a clone with nothing beside
 * it proves them too.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-shared/errors'
import type { Element } from '../../../../src-shared/courseware'
import {
  LESSON,
  backgroundDeck,
  emptyDeck,
  generatedPptxSet,
  groupDeck,
  layoutDeck,
  macroDeck,
  mediaDeck,
  oddsDeck,
  pptxgenLesson,
  strictDeck,
  tableDeck,
  truncatedDeck
} from '../../../test-utils/fixture-decks'
import { expectSlidesAndText, importOrRefuse } from '../../../test-utils/import-oracle'
import { importBytes } from '../import-file'

const only = <T extends Element['type']>(els: Element[], type: T) =>
  els.filter((e): e is Extract<Element, { type: T }> => e.type === type)

describe('PowerPoint import of generated decks', () => {
  it('imports every generated file (or refuses it specifically) with its slides in order and all their text', async () => {
    let checked = 0
    let refused = 0
    for (const { name, bytes } of await generatedPptxSet()) {
      const r = await importOrRefuse(name, () => importBytes(name, bytes))
      if (r instanceof AppError) {
        refused++
        continue
      }
      checked += expectSlidesAndText(name, bytes, r)
    }
    expect(refused).toBe(1) // the truncated one
    expect(checked).toBeGreaterThan(40)
  })

  it('reads a pptxgenjs lesson: titles, notes, bullets, pictures, a crop, shapes, a merged table, background, link, chart, video, hidden slide', async () => {
    const r = await importBytes('lesson.pptx', await pptxgenLesson())
    expect(r.report.titles).toEqual(LESSON.titles)
    expect(r.deck.aspect).toBe('16:9')
    const [s1, s2, s3, s4, s5, s6] = r.deck.slides
    expect(s1!.notes).toBe(LESSON.notes)
    const bullets = only(s2!.elements, 'text')
      .flatMap((e) => e.paragraphs)
      .filter((p) => p.list === 'bullet')
    expect(bullets.map((p) => p.runs.map((x) => x.text).join(''))).toEqual(LESSON.bullets)
    expect(bullets[1]!.runs[0]!.italic).toBe(true)
    const images = only(s2!.elements, 'image')
    expect(images).toHaveLength(2)
    expect(images[0]!.alt).toBe('月饼')
    expect(images[1]!.crop).toBeDefined()
    expect(only(s2!.elements, 'shape').map((s) => s.kind)).toEqual([
      'rectangle',
      'rounded',
      'ellipse',
      'triangle',
      'arrow'
    ])
    expect(s3!.background.color).toBe('#FF0000')
    expect(only(s3!.elements, 'text')[0]!.paragraphs[0]!.runs[0]!.linkSlideId).toBe(s1!.id)
    const table = only(s3!.elements, 'table')[0]!
    expect(table.columns).toHaveLength(3)
    expect(table.rows[0]!.cells[0]!.colSpan).toBe(2)
    expect(table.rows.flatMap((row) => row.cells).some((c) => c.rowSpan === 2)).toBe(true)
    expect(table.rows.flatMap((row) => row.cells).filter((c) => c.merged).length).toBeGreaterThanOrEqual(2)
    expect(only(s4!.elements, 'chart')[0]!.series[0]).toMatchObject({ name: '人数', values: [12, 20, 5, 3] })
    expect(r.report.approximations.some((a) => a.kind === 'chart' && a.slide === 4)).toBe(false)
    expect(only(s5!.elements, 'video')).toHaveLength(1)
    expect(s6!.hidden).toBe(true)
    // The same picture twice is stored once; the video and the poster pptxgenjs gives it are the others.
    expect(images[0]!.media).toEqual(images[1]!.media)
    expect(only(s5!.elements, 'video')[0]!.poster?.ext).toBe('png')
    expect(r.media.size).toBe(3)
  })

  it('places grouped shapes through each group’s child space, nested too, and reports a rotated group', async () => {
    const r = await importBytes('groups.pptx', groupDeck())
    expect(r.deck.aspect).toBe('4:3')
    const shapes = only(r.deck.slides[0]!.elements, 'shape')
    expect(shapes.slice(0, 4).map((s) => s.kind)).toEqual(['rounded', 'ellipse', 'triangle', 'rectangle'])
    // (3347864, 2204864) EMU on a 4:3 slide of 9144000 EMU → 960 units wide, as in shp-groupshape.pptx.
    expect(shapes[0]).toMatchObject({ x: 351.48, y: 231.48, w: 96, h: 96 })
    expect(shapes[1]).toMatchObject({ x: 447.48, w: 96 })
    // Drawn at 2×, holding a group whose child space starts at 1 000 000 EMU.
    expect(shapes[4]).toMatchObject({ x: 48, y: 0, w: 48, h: 48 })
    expect(only(r.deck.slides[0]!.elements, 'text')[0]).toMatchObject({ x: 629.92, y: 524.93 })
    expect(r.report.approximations).toEqual([expect.objectContaining({ kind: 'layout', slide: 1 })])
  })

  it('takes placeholder positions and text styles from the layout and master, paints their decorations, and keeps notes', async () => {
    const r = await importBytes('layouts.pptx', layoutDeck())
    expect(r.report.titles).toEqual(['勾股定理', '课堂小结', '练习'])
    const [s1, s2, s3] = r.deck.slides
    // Master decoration, then layout decoration, then the slide's own title and body; the empty subtitle is gone.
    expect(s1!.elements.map((e) => e.type)).toEqual(['shape', 'shape', 'text', 'text'])
    expect(only(s1!.elements, 'shape').map((s) => s.fill)).toEqual(['#1F4E79', '#C0504D'])
    const [title, body] = only(s1!.elements, 'text')
    // Layout 1's title frame (838200, 365125) EMU → (88, 38.33) on 1280 × 720.
    expect(title).toMatchObject({ x: 88, y: 38.33, w: 1104 })
    expect(title!.paragraphs[0]).toMatchObject({ align: 'center' })
    expect(title!.paragraphs[0]!.runs[0]).toMatchObject({
      bold: true,
      fontSize: 44,
      color: '#4F81BD',
      fontFamily: '黑体'
    })
    expect(body!.paragraphs.map((p) => [p.list, p.level])).toEqual([
      ['bullet', 0],
      ['number', 1]
    ])
    // The layout's list style (28 pt) wins over the master's body style (32 pt).
    expect(body!.paragraphs[0]!.runs[0]!.fontSize).toBe(28)
    expect(s1!.notes).toBe('先让学生用方格纸画图\n再量一量三条边')
    expect(s1!.background.color).toBe('#FFFFFF') // the master's bgRef
    // Layout 2 hides the master's shapes; a ctrTitle finds the layout's title; the slide's own background wins.
    expect(s2!.elements.map((e) => e.type)).toEqual(['text'])
    expect(s2!.elements[0]).toMatchObject({ x: 0, y: 0, w: 1280 })
    expect(s2!.background.color).toBe('#FF0000')
    // The slide hides master and layout shapes itself.
    expect(s3!.elements.map((e) => e.type)).toEqual(['text'])
    expect(s3!.notes).toBe('')
  })

  it('keeps a table’s spans, merges, fills and header row, and fills a short row', async () => {
    const r = await importBytes('table.pptx', tableDeck())
    const table = only(r.deck.slides[1]!.elements, 'table')[0]!
    expect(table.headerRow).toBe(true)
    expect(table.columns).toEqual([3048000, 3048000, 3048000])
    const cells = table.rows.map((row) => row.cells)
    expect(cells[0]![0]).toMatchObject({ colSpan: 2, merged: false })
    expect(cells[0]![1]!.merged).toBe(true)
    expect(cells[1]![0]!.rowSpan).toBe(2)
    expect(cells[2]![0]!.merged).toBe(true)
    expect(cells[2]![2]!.fill).toBe('#FFFF00')
    expect(cells[3]!.map((c) => c.merged)).toEqual([false, true, true])
  })

  it('keeps crops and media once, turns missing and linked media, charts, OLE, SmartArt and ink into labelled placeholders, and reports each', async () => {
    const r = await importBytes('media.pptx', mediaDeck())
    const [s1, s2, s3] = r.deck.slides
    const images = only(s1!.elements, 'image')
    expect(images[0]!.crop).toMatchObject({ left: 0.15479, top: 0.25571, right: 0.10463, bottom: 0.25572 })
    expect(images[0]!.alt).toBe('切开的月饼')
    expect(images[1]!.crop).toBeUndefined()
    expect(images[0]!.media).toEqual(images[1]!.media)
    expect(images.at(-1)!.media.ext).toBe('emf')
    expect(only(s1!.elements, 'placeholder').map((p) => p.label)).toEqual(['图片：丢失的图', '图片：网上的图'])
    const video = only(s2!.elements, 'video')[0]!
    expect(video.media.ext).toBe('mp4')
    expect(video.poster?.ext).toBe('png')
    expect(only(s2!.elements, 'audio')[0]!.media.ext).toBe('mp3')
    expect(only(s2!.elements, 'placeholder')[0]).toMatchObject({ source: 'media', preview: { ext: 'png' } })
    const placeholders = only(s3!.elements, 'placeholder')
    expect(placeholders.map((p) => p.source)).toEqual(['chart', 'ole', 'smartart', 'other'])
    expect(placeholders[1]).toMatchObject({ label: '嵌入对象：Equation.3', preview: { ext: 'emf' } })
    // png, emf, mp4, mp3: each stored once by content hash.
    expect(r.media.size).toBe(4)
    expect(r.report.mediaCount).toBe(4)
    const kinds = r.report.approximations.map((a) => `${a.slide}:${a.kind}`)
    expect(kinds).toEqual([
      '1:image',
      '1:image',
      '1:image',
      '1:image',
      '2:media',
      '3:chart',
      '3:ole',
      '3:smartart',
      '3:content',
      '3:content'
    ])
  })

  it('reads solid, theme, gradient and picture backgrounds, and reports what it changed', async () => {
    const r = await importBytes('backgrounds.pptx', backgroundDeck())
    const bgs = r.deck.slides.map((s) => s.background)
    expect(bgs[0]).toEqual({ color: '#FF0000', fit: 'cover' })
    expect(bgs[1]).toEqual({ color: '#C0504D', fit: 'cover' })
    expect(bgs[2]).toEqual({ color: '#00FF00', fit: 'cover' })
    expect(bgs[3]).toMatchObject({ image: { ext: 'png' }, fit: 'stretch' })
    expect(bgs[4]).toEqual({ fit: 'cover' })
    expect(r.report.approximations.map((a) => `${a.slide}:${a.kind}`)).toEqual(['3:background', '5:background'])
  })

  it('follows rich runs, slide links, colour modifiers and fallbacks, and reports ratio, connectors, freeforms and fills (an empty timeline is no loss)', async () => {
    const r = await importBytes('odds.pptx', oddsDeck())
    expect(r.deck.slides).toHaveLength(2) // the listed slide that is not in the package is skipped
    const [s1, s2] = r.deck.slides
    const [rich, link, light] = only(s1!.elements, 'text')[0]!.paragraphs
    expect(rich!.runs[0]).toMatchObject({
      text: '重点',
      bold: true,
      italic: true,
      underline: true,
      strike: true,
      fontSize: 36, // 24 pt on a 4572000-EMU-high slide (360 pt) is 36 pt on ours (540 pt)
      color: '#28415F', // accent1 #4F81BD at lumMod 50 %
      fontFamily: '楷体'
    })
    expect(rich!.runs.slice(1).map((x) => [x.text, x.superscript, x.subscript])).toEqual([
      ['2', true, undefined],
      ['n', undefined, true],
      ['\n', undefined, undefined],
      ['1', undefined, undefined]
    ])
    expect(link!.runs[0]!.linkSlideId).toBe(s2!.id)
    expect(light!.runs[0]!.color).toBe('#E6B9B8') // accent2 #C0504D at tint 40 %
    expect(only(s1!.elements, 'shape')[0]!.fill).toBe('#FF000080')
    expect(s2!.hidden).toBe(true)
    expect(only(s2!.elements, 'shape').map((s) => [s.kind, s.approximated])).toEqual([
      ['arrow', undefined],
      ['line', undefined],
      ['rectangle', 'freeform'],
      ['rectangle', 'preset heart'],
      ['rectangle', undefined],
      ['ellipse', undefined]
    ])
    // mc:AlternateContent: the Fallback is read (it sits lower than the Choice).
    expect(only(s2!.elements, 'text')).toEqual([expect.objectContaining({ y: 551.18 })])
    expect(slideTexts(s2!.elements)).toEqual(['后备内容'])
    expect(r.report.approximations.map((a) => `${a.slide ?? 0}:${a.kind}`)).toEqual([
      '0:layout',
      '0:content',
      '2:shape',
      '2:freeform',
      '2:shape',
      '2:shape',
      '2:shape'
    ])
  })

  it('reads strict OOXML (ISO 29500 namespaces), with placeholders, notes and pictures', async () => {
    const r = await importBytes('strict.pptx', strictDeck())
    expect(r.report.titles).toEqual(['严格格式的课件', '第二页'])
    expect(r.deck.slides[0]!.notes).toBe('严格格式的备注')
    expect(only(r.deck.slides[0]!.elements, 'text')[0]).toMatchObject({ x: 88, y: 38.33 })
    expect(only(r.deck.slides[1]!.elements, 'image')).toHaveLength(1)
    expect(r.media.size).toBe(1)
  })

  it('imports a macro-enabled .pptm without its macros, and says so', async () => {
    const r = await importBytes('带宏的课件.pptm', macroDeck())
    expect(r.report.titles).toEqual(['带宏的课件'])
    expect(r.report.approximations.some((a) => /VBA/.test(a.messageEn))).toBe(true)
  })

  it('imports a deck with no slides titled by its file name, and refuses a truncated one naming it', async () => {
    const empty = await importBytes('空课件.pptx', emptyDeck())
    expect(empty.deck.slides).toEqual([])
    expect(empty.report.titles).toEqual([])
    expect(empty.deck.title).toBe('空课件')
    const err = await importBytes('半截.pptx', truncatedDeck()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('FILE_INVALID')
    expect((err as AppError).message).toContain('半截.pptx')
    expect((err as AppError).messageEn).toMatch(/not a valid zip/)
  })
})

function slideTexts(els: Element[]): string[] {
  return only(els, 'text').map((e) => e.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join('\n'))
}
