/**
 * Build steps survive PowerPoint export: what we write as p:timing, our importer (which reads
 * PowerPoint's own files, see pptx-timing.test.ts) reads back as the same steps, on the same
 * elements, with the same clicks. LibreOffice's reading of it is in pptx-timing-export.interop.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { corpusFile, corpusTitle, haveCorpus } from '../../test-utils/corpus'
import { Deck, clickCount, type BuildStepInput, type Slide } from '../../../src-shared/courseware'
import { animationDeck } from '../../test-utils/fixture-animations'
import { importPptx } from '../importers/pptx/pptx-import'
import { exportPptx } from './pptx-export'
import { writeSlideTiming } from './pptx-timing-export'
import { sampleDeck } from './sample-deck'

/** Steps with element ids replaced by the element's index on its slide, and without what export drops. */
function byIndex(s: Slide) {
  const index = new Map(s.elements.map((e, i) => [e.id, i]))
  return s.animations.map(({ id: _id, approximated: _a, elementId, trigger, ...rest }) => ({
    ...rest,
    element: index.get(elementId),
    ...(trigger ? { trigger: index.get(trigger) } : {})
  }))
}

function cNvPrIds(xml: string): number[] {
  return [...xml.matchAll(/<p:(?:sp|pic|graphicFrame|cxnSp)>\s*<p:nv\w+>\s*<p:cNvPr id="(\d+)"/g)].map((m) =>
    Number(m[1])
  )
}

describe('PPTX export of build steps', () => {
  it('round-trips an imported deck: every step, its target, start, timing, paragraph, trigger and details', async () => {
    const first = importPptx('动画.pptx', animationDeck().bytes)
    const { bytes } = await exportPptx(first.deck, first.media)
    const back = importPptx('导出.pptx', bytes)
    expect(back.deck.slides.map((s) => byIndex(s))).toEqual(first.deck.slides.map((s) => byIndex(s)))
    expect(back.deck.slides.map((s) => clickCount(s.animations))).toEqual([9, 1, 0])
    expect(back.report.approximations.filter((a) => a.kind === 'animation')).toEqual([])
    // The build list names the text shapes only: the body by paragraph, the title whole; not the bare box.
    const xml = strFromU8(unzipSync(bytes)['ppt/slides/slide1.xml']!)
    const [titleId, bodyId] = cNvPrIds(xml)
    expect(xml.match(/<p:bldLst>.*<\/p:bldLst>/)?.[0]).toBe(
      `<p:bldLst><p:bldP spid="${bodyId}" grpId="0" build="p"/><p:bldP spid="${titleId}" grpId="0" animBg="1"/></p:bldLst>`
    )
  })

  it('writes each of our effects, directions and timings so that they read back unchanged', async () => {
    const { deck, media } = sampleDeck()
    const steps: BuildStepInput[] = [
      { id: 'a1', elementId: 't1', class: 'entrance', effect: 'fly', direction: 'top-right', duration: 300 },
      { id: 'a2', elementId: 't2', paragraph: 1, class: 'entrance', effect: 'wipe', direction: 'left', start: 'with' },
      { id: 'a3', elementId: 'i1', class: 'entrance', effect: 'fade', start: 'with', delay: 200 },
      // Two "with" steps after a delayed one: each keeps its own delay from the one before.
      { id: 'a4', elementId: 'i2', class: 'entrance', effect: 'zoom', start: 'with', delay: 300 },
      { id: 'a5', elementId: 'sh', class: 'entrance', effect: 'float', direction: 'top', start: 'after', delay: 100 },
      { id: 'a6', elementId: 'tb', class: 'entrance', effect: 'split', duration: 800 },
      { id: 'a7', elementId: 't1', class: 'emphasis', effect: 'pulse', duration: 600 },
      { id: 'a8', elementId: 't1', class: 'emphasis', effect: 'grow', scale: 2, start: 'after' },
      { id: 'a9', elementId: 'sh', class: 'emphasis', effect: 'color', color: '#00B050' },
      { id: 'b1', elementId: 'sh', class: 'motion', effect: 'path', path: { dx: -128, dy: 36 }, duration: 1500 },
      { id: 'b2', elementId: 'i1', class: 'exit', effect: 'fly', direction: 'bottom-left' },
      { id: 'b3', elementId: 'i2', class: 'exit', effect: 'float', direction: 'bottom', start: 'with' },
      { id: 'b4', elementId: 'sh', class: 'exit', effect: 'appear', start: 'after', delay: 1000, duration: 500 },
      { id: 'b5', elementId: 't2', class: 'exit', effect: 'fade', trigger: 'i1' },
      { id: 'b6', elementId: 't2', paragraph: 0, class: 'entrance', effect: 'appear', trigger: 'i1', start: 'after' }
    ]
    const animated = Deck.parse({
      ...deck,
      slides: deck.slides.map((s, i) => (i === 0 ? { ...s, animations: steps } : s))
    })
    const { bytes, approximations } = await exportPptx(animated, media)
    expect(approximations.filter((a) => /动画/.test(a.message))).toEqual([])
    const back = importPptx('效果.pptx', bytes)
    expect(byIndex(back.deck.slides[0]!)).toEqual(byIndex(animated.slides[0]!))
  })

  it('gives every animated shape its own id where pptxgenjs repeats one (a table numbered like a shape)', async () => {
    const { deck, media } = sampleDeck()
    // pptxgenjs numbers slide 1's table 1 × 1 + 1 = 2, the id it also gives the first text box.
    const animated = Deck.parse({
      ...deck,
      slides: deck.slides.map((s, i) =>
        i === 0
          ? {
              ...s,
              animations: [
                { id: 'x1', elementId: 't1', class: 'entrance', effect: 'fade' },
                { id: 'x2', elementId: 'tb', class: 'entrance', effect: 'wipe' }
              ]
            }
          : s
      )
    })
    const { bytes } = await exportPptx(animated, media)
    const xml = strFromU8(unzipSync(bytes)['ppt/slides/slide1.xml']!)
    const ids = cNvPrIds(xml)
    expect(new Set(ids).size).toBe(ids.length)
    const back = importPptx('表格.pptx', bytes)
    const s1 = back.deck.slides[0]!
    const typeOf = (id: string) => s1.elements.find((e) => e.id === id)?.type
    expect(s1.animations.map((a) => typeOf(a.elementId))).toEqual(['text', 'table'])
  })

  it('leaves a slide alone, and says so, when its shapes do not line up with its elements', () => {
    const { deck } = sampleDeck()
    const slide = { ...deck.slides[0]!, animations: [] }
    // One shape in the XML, six elements on the slide.
    const xml = `<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/></p:nvGrpSpPr><p:sp><p:nvSpPr><p:cNvPr id="2" name="x"/></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>`
    expect(writeSlideTiming(xml, slide, { width: 1280, height: 720 })).toBeUndefined()
  })

  it('writes nothing for a deck without build steps', async () => {
    const { deck, media } = sampleDeck()
    const { bytes } = await exportPptx(deck, media)
    const files = unzipSync(bytes)
    for (const [name, data] of Object.entries(files))
      if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) expect(strFromU8(data)).not.toContain('<p:timing>')
  })
})

const OPENXML = corpusFile('pptx-openxml')

describe.runIf(haveCorpus && existsSync(OPENXML))(corpusTitle('PPTX export of real animated decks'), () => {
  it('exports every animated deck of the Open XML SDK corpus so that it imports back with the same steps', async () => {
    const differ: string[] = []
    let decks = 0
    for (const name of readdirSync(OPENXML).sort()) {
      let first: ReturnType<typeof importPptx>
      try {
        first = importPptx(name, new Uint8Array(readFileSync(join(OPENXML, name))))
      } catch {
        continue // refused files are the corpus test's business
      }
      if (!first.deck.slides.some((s) => s.animations.length)) continue
      decks++
      const back = importPptx(name, (await exportPptx(first.deck, first.media)).bytes)
      first.deck.slides.forEach((s, i) => {
        if (JSON.stringify(byIndex(s)) !== JSON.stringify(byIndex(back.deck.slides[i]!)))
          differ.push(`${name} slide ${i + 1}`)
      })
    }
    expect(differ).toEqual([])
    expect(decks).toBeGreaterThanOrEqual(36)
  }, 60_000)
})
