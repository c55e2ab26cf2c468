/**
 * PowerPoint animations (p:timing) become build steps: every click of the file stays a click, the
 * effects we draw map exactly, the others map to the nearest and the report names them, and a hostile
 * timeline costs only its bad steps. Generated decks (fixture-animations.ts) reach every branch; the
 * corpus test checks the Open XML SDK's real animated decks where ../shared/corpus is present.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { clickCount, slideBuild, type Slide } from '../../../../src-shared/courseware'
import { corpusFile, corpusTitle, haveCorpus } from '../../../test-utils/corpus'
import { animationDeck, fileClicks, hostileTimingDeck, spidOf, timingXml } from '../../../test-utils/fixture-animations'
import { handDeck, para, sp } from '../../../test-utils/fixture-opc'
import { importPptx } from './pptx-import'
import { mapPreset } from './pptx-timing-presets'

/** Clicks of the main sequence plus those of trigger sequences: what the file's clickEffect nodes count. */
function allClicks(s: Slide): number {
  let n = clickCount(s.animations)
  for (const groups of slideBuild(s.animations).triggers.values()) n += groups.filter((g) => !g.auto).length
  return n
}

function slideXmls(bytes: Uint8Array): string[] {
  const z = unzipSync(bytes)
  return Object.keys(z)
    .map((n) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(n))
    .filter((m): m is RegExpExecArray => !!m)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => strFromU8(z[m[0]]!))
}

const strip = (s: Slide) => s.animations.map(({ id: _id, ...rest }) => rest)

describe('PPTX animations import', () => {
  it('reads every effect class with its direction, paragraph, start, delay, duration, scale, colour and path', () => {
    const { bytes } = animationDeck()
    const r = importPptx('动画.pptx', bytes)
    const [s1, s2, s3] = r.deck.slides
    const el = (i: number) => s1!.elements[i]!.id
    // Elements in paint order: title, body, box, the group's two rectangles, the trigger button.
    const [title, body, box, g1, g2, button] = [0, 1, 2, 3, 4, 5].map(el)
    expect(strip(s1!)).toEqual([
      { elementId: box, class: 'entrance', effect: 'fly', direction: 'left', start: 'click', delay: 0, duration: 400 },
      { elementId: body, paragraph: 0, class: 'entrance', effect: 'fade', start: 'with', delay: 250, duration: 500 },
      {
        elementId: body,
        paragraph: 1,
        class: 'entrance',
        effect: 'wipe',
        direction: 'top',
        start: 'after',
        delay: 0,
        duration: 750
      },
      { elementId: body, paragraph: 2, class: 'entrance', effect: 'split', start: 'click', delay: 0, duration: 500 },
      { elementId: title, class: 'entrance', effect: 'zoom', start: 'with', delay: 0, duration: 500 },
      // Float Out (exit 42) rises: it leaves towards the top.
      { elementId: box, class: 'exit', effect: 'float', direction: 'top', start: 'click', delay: 0, duration: 500 },
      // A pulse plays forward and back (autoRev): 2 × 250 ms.
      { elementId: title, class: 'emphasis', effect: 'pulse', start: 'click', delay: 0, duration: 500 },
      {
        elementId: title,
        class: 'emphasis',
        effect: 'grow',
        start: 'after',
        delay: 0,
        duration: 1000,
        scale: 1.5
      },
      {
        elementId: title,
        class: 'emphasis',
        effect: 'color',
        start: 'click',
        delay: 0,
        duration: 500,
        color: '#FF0000'
      },
      // A group moves as one: both of its children, the second with the first. 0.25 × 1280, 0.1 × 720.
      {
        elementId: g1,
        class: 'motion',
        effect: 'path',
        start: 'click',
        delay: 0,
        duration: 2000,
        path: { dx: 320, dy: 72 }
      },
      {
        elementId: g2,
        class: 'motion',
        effect: 'path',
        start: 'with',
        delay: 0,
        duration: 2000,
        path: { dx: 320, dy: 72 }
      },
      {
        elementId: body,
        class: 'entrance',
        effect: 'fade',
        start: 'click',
        delay: 0,
        duration: 500,
        approximated: '旋转；按字母或词'
      },
      // Its click's first step aimed at a shape that is not there: this step carries the click.
      { elementId: box, class: 'entrance', effect: 'appear', start: 'click', delay: 0, duration: 500 },
      { elementId: box, class: 'exit', effect: 'appear', start: 'click', delay: 0, duration: 500 },
      {
        elementId: box,
        class: 'entrance',
        effect: 'fade',
        start: 'click',
        delay: 0,
        duration: 500,
        trigger: button
      }
    ])
    // Slide 2 begins on its own (its first step is "with previous"), then waits for one click.
    expect(strip(s2!)).toEqual([
      expect.objectContaining({ effect: 'fly', direction: 'bottom', start: 'with', delay: 500 }),
      expect.objectContaining({ class: 'exit', effect: 'fade', start: 'click', approximated: '重复播放' }),
      expect.objectContaining({ class: 'emphasis', effect: 'pulse', start: 'with', approximated: '段落不存在' })
    ])
    expect(s2!.animations[2]!.paragraph).toBeUndefined()
    expect(slideBuild(s2!.animations).groups.map((g) => g.auto)).toEqual([true, false])
    expect(s3!.animations).toEqual([])
  })

  it('keeps the number of clicks the file asks for on every slide (counted from its XML)', () => {
    const { bytes, clicks } = animationDeck()
    const r = importPptx('动画.pptx', bytes)
    const file = slideXmls(bytes).map(fileClicks)
    // The file's count includes slide 1's trigger click.
    expect(file).toEqual([clicks[0]! + 1, clicks[1], clicks[2]])
    expect(r.deck.slides.map(allClicks)).toEqual(file)
    expect(r.deck.slides.map((s) => clickCount(s.animations))).toEqual(clicks)
  })

  it('names what it approximated or left out, once per slide, and says nothing of an empty timeline', () => {
    const r = importPptx('动画.pptx', animationDeck().bytes)
    const lines = r.report.approximations.filter((a) => a.kind === 'animation').map((a) => `${a.slide}:${a.message}`)
    expect(lines).toEqual([
      '1:动画“旋转”以“淡入”代替。',
      '1:按字母或按词的动画改为整段一起出现。',
      '1:1 个动画作用于未能导入的对象，已略去。',
      '2:重复或往返播放的动画只播放一次。',
      '2:动画附带的声音未导入。',
      '2:有按段落的动画找不到它的段落，改为整个对象的动画。'
    ])
    expect(r.report.approximations.find((a) => a.message.startsWith('动画“旋转”'))?.messageEn).toBe(
      'The "Swivel" animation became "Fade".'
    )
  })

  it('maps a chart part and a trigger on a shape it did not import, and reports both', () => {
    const shape = sp({ name: '图', at: [0, 0, 2000000, 2000000], prst: 'rect', fill: '4F81BD' })
    const id = spidOf(shape)
    const click = (spid: string, extra = '') =>
      `<p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst><p:par><p:cTn id="4" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
      `<p:par><p:cTn id="5" presetID="10" presetClass="entr" presetSubtype="0" fill="hold" nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
      `<p:set><p:cBhvr><p:cTn id="6" dur="1" fill="hold"/><p:tgtEl><p:spTgt spid="${spid}">${extra}</p:spTgt></p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>` +
      `</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>`
    const timing =
      `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>` +
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${click(id, '<p:graphicEl><a:chart seriesIdx="0" categoryIdx="0" bldStep="ptInCategory"/></p:graphicEl>')}</p:childTnLst></p:cTn></p:seq>` +
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="20" restart="whenNotActive" fill="hold" nodeType="interactiveSeq"><p:stCondLst><p:cond evt="onClick" delay="0"><p:tgtEl><p:spTgt spid="4242"/></p:tgtEl></p:cond></p:stCondLst>` +
      `<p:childTnLst>${click(id)}</p:childTnLst></p:cTn></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>`
    const r = importPptx('图表动画.pptx', handDeck({ slides: [{ shapes: shape, timing }] }))
    expect(r.deck.slides[0]!.animations).toEqual([
      expect.objectContaining({ effect: 'fade', approximated: '按图表或 SmartArt 的部分', start: 'click' })
    ])
    expect(r.report.approximations.map((a) => a.message)).toEqual([
      '按图表或 SmartArt 的部分的动画改为整个对象的动画。',
      '1 个动画作用于未能导入的对象，已略去。'
    ])
  })

  it('aims a paragraph step at the element holding the text when its shape became more than one element', () => {
    const frame = sp({ name: '框', at: [0, 0, 3000000, 2000000], prst: 'rect', fill: 'DDDDDD' })
    const text = sp({ name: '字', at: [0, 0, 3000000, 2000000], paras: [para('甲'), para('乙')] })
    const shapes = `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="77" name="组"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${frame}${text}</p:grpSp>`
    const timing = timingXml({ main: [[{ node: 'clickEffect', cls: 'entr', preset: 10, spid: '77', para: 1 }]] })
    const r = importPptx('组.pptx', handDeck({ slides: [{ shapes, timing }] }))
    const s = r.deck.slides[0]!
    expect(s.animations).toEqual([
      expect.objectContaining({ elementId: s.elements[1]!.id, paragraph: 1, effect: 'fade', start: 'click' })
    ])
    expect(r.report.approximations).toEqual([])
  })

  it('reads a timeline PowerPoint put in mc:AlternateContent at the slide level', () => {
    const shape = sp({ name: '圆', at: [0, 0, 1000000, 1000000], prst: 'ellipse', fill: '4F81BD' })
    const inner = timingXml({ main: [[{ node: 'clickEffect', cls: 'entr', preset: 10, spid: spidOf(shape) }]] })
    const timing = `<mc:AlternateContent><mc:Choice Requires="p14">${inner}</mc:Choice><mc:Fallback>${inner}</mc:Fallback></mc:AlternateContent>`
    const r = importPptx('包裹.pptx', handDeck({ slides: [{ shapes: shape, timing }] }))
    expect(r.deck.slides[0]!.animations).toEqual([expect.objectContaining({ effect: 'fade', start: 'click' })])
  })

  it('imports a hostile timeline without its bad steps, says so, and stays fast', () => {
    const started = performance.now()
    const r = importPptx('恶意动画.pptx', hostileTimingDeck())
    const ms = performance.now() - started
    const [s1, s2] = r.deck.slides
    // The good click and the nonsense preset (read as the nearest, a fade) survive; 100,000 bad nodes do not.
    expect(strip(s1!)).toEqual([
      expect.objectContaining({ effect: 'fade', start: 'click' }),
      expect.objectContaining({ effect: 'fade', start: 'click', approximated: '进入效果 987654' })
    ])
    // Slide 2's timeline is nested past the XML parser's limit: the slide comes without it.
    expect(s2!.animations).toEqual([])
    expect(s2!.elements).toHaveLength(1)
    expect(r.report.titles).toEqual(['仍然导入', '第二页仍在'])
    const malformed = r.report.approximations.filter((a) => a.message.startsWith('动画结构异常'))
    expect(malformed.map((a) => a.slide)).toEqual([1, 2])
    // Most of this is parsing 3 MB of XML (measured ~0.6 s); the timeline walk itself takes ~40 ms.
    expect(ms).toBeLessThan(4000)
  })

  it('maps PowerPoint presets to our effects: fly subtypes to directions, zoom and float variants, the rest to the nearest', () => {
    const dirs = [1, 2, 4, 8, 3, 6, 9, 12].map((sub) => mapPreset('entr', 2, sub).direction)
    expect(dirs).toEqual(['top', 'right', 'bottom', 'left', 'top-right', 'bottom-right', 'top-left', 'bottom-left'])
    expect([mapPreset('entr', 23, 16), mapPreset('entr', 53, 16)].map((m) => [m.effect, m.nearest])).toEqual([
      ['zoom', undefined],
      ['zoom', undefined]
    ])
    expect(
      [mapPreset('entr', 42, 0), mapPreset('entr', 47, 0), mapPreset('exit', 42, 0), mapPreset('exit', 47, 0)].map(
        (m) => m.direction
      )
    ).toEqual(['bottom', 'top', 'top', 'bottom'])
    expect(mapPreset('emph', 26, 0)).toEqual({ effect: 'pulse' })
    expect(mapPreset('emph', 19, 0)).toEqual({ effect: 'color', nearest: { zh: '颜色混合', en: 'Color Blend' } })
    expect(mapPreset('entr', 49, 0)).toMatchObject({ effect: 'zoom', nearest: { zh: '回旋' } })
    expect(mapPreset('exit', undefined, undefined)).toEqual({
      effect: 'fade',
      nearest: { zh: '退出效果', en: 'exit preset' }
    })
  })

  it('still refuses a slide whose XML is broken outside its timeline', () => {
    const bytes = handDeck({
      slides: [{ shapes: sp({ name: 'x', at: [0, 0, 10, 10], paras: [para('x')] }) + '<p:sp>', timing: true }]
    })
    expect(() => importPptx('坏.pptx', bytes)).toThrow(/第 1 张幻灯片已损坏/)
  })
})

const OPENXML = corpusFile('pptx-openxml')
const haveOpenXml = haveCorpus && existsSync(OPENXML)

describe.runIf(haveOpenXml)(corpusTitle('PPTX corpus animations (Open XML SDK test decks)'), () => {
  it('imports every deck with click animations with the click count of its file', () => {
    const failures: string[] = []
    let decks = 0
    let fileTotal = 0
    let ours = 0
    for (const name of readdirSync(OPENXML).sort()) {
      const bytes = new Uint8Array(readFileSync(join(OPENXML, name)))
      let xmls: string[]
      try {
        xmls = slideXmls(bytes)
      } catch {
        continue // not a zip: the corpus test holds the refusal to account
      }
      const file = xmls.reduce((a, x) => a + fileClicks(x), 0)
      if (!file) continue
      decks++
      fileTotal += file
      let r: ReturnType<typeof importPptx>
      try {
        r = importPptx(name, bytes)
      } catch (e) {
        failures.push(`${name}: refused (${(e as Error).message})`)
        continue
      }
      // Slides the importer skipped (dangling) have no XML here either, so totals compare deck-wide.
      const got = r.deck.slides.reduce((a, s) => a + allClicks(s), 0)
      ours += got
      if (got !== file) failures.push(`${name}: ${got} of ${file} clicks`)
    }
    expect(failures).toEqual([])
    expect(decks).toBeGreaterThanOrEqual(36)
    expect(ours).toBe(fileTotal)
  })
})
