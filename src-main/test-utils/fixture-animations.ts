/**
 * Decks with animations, written the way PowerPoint writes p:timing (tmRoot → mainSeq → a par per
 * click → a par per "after previous" run → a par per effect), so a clone without ../shared/corpus
 * reaches every branch of the timing importer: each effect class, directions, paragraph builds,
 * with/after, delays and durations, groups, triggers, auto-start, effects we only approximate, steps
 * on shapes that are not there, and hostile timelines. Also a flat ODP with animations for
 * LibreOffice to turn into PPTX (the interop test), as another writer makes them.
 */
import { esc, handDeck, para, sp, xfrm } from './fixture-opc'

export type Node = 'clickEffect' | 'withEffect' | 'afterEffect'

export interface FxEffect {
  node: Node
  cls: string
  preset?: number
  sub?: number
  spid: string
  para?: number
  delay?: number
  dur?: number
  /** Behaviour XML instead of the default set + animEffect (use {tgt} for the target). */
  body?: string
  iterate?: boolean
  /** repeatCount in thousandths ("indefinite" for until the next click). */
  repeat?: string
  /** A sound played with the effect (p:subTnLst), as PowerPoint's "with sound" writes it. */
  sound?: boolean
  /** Written as PowerPoint 2010+ writes an effect with newer options: mc:AlternateContent, p14 Choice, 2007 Fallback. */
  alternate?: boolean
  /** Aim at part of a chart (by series/category), as PowerPoint's chart builds do. */
  chartPart?: boolean
}

let cTn = 1000
const id = () => ++cTn

const tgtOf = (e: FxEffect) =>
  `<p:tgtEl><p:spTgt spid="${e.spid}">${e.para !== undefined ? `<p:txEl><p:pRg st="${e.para}" end="${e.para}"/></p:txEl>` : ''}` +
  `${e.chartPart ? '<p:graphicEl><a:chart seriesIdx="0" categoryIdx="0" bldStep="ptInCategory"/></p:graphicEl>' : ''}</p:spTgt></p:tgtEl>`

function behaviours(e: FxEffect): string {
  const tgt = tgtOf(e)
  if (e.body) return e.body.replaceAll('{tgt}', tgt)
  const vis = `<p:set><p:cBhvr><p:cTn id="${id()}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>${tgt}<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="${e.cls === 'exit' ? 'hidden' : 'visible'}"/></p:to></p:set>`
  const fx = `<p:animEffect transition="${e.cls === 'exit' ? 'out' : 'in'}" filter="fade"><p:cBhvr><p:cTn id="${id()}" dur="${e.dur ?? 500}"/>${tgt}</p:cBhvr></p:animEffect>`
  return e.preset === 1 && e.cls !== 'emph' ? vis : vis + fx
}

function effect(e: FxEffect): string {
  const preset = `${e.preset !== undefined ? ` presetID="${e.preset}"` : ''} presetClass="${e.cls}"${e.sub !== undefined ? ` presetSubtype="${e.sub}"` : ''}`
  const iterate = e.iterate ? '<p:iterate type="lt"><p:tmPct val="10000"/></p:iterate>' : ''
  const repeat = e.repeat ? ` repeatCount="${e.repeat}"` : ''
  const sound = e.sound
    ? `<p:subTnLst><p:audio><p:cMediaNode vol="80000"><p:cTn id="${id()}" fill="hold" display="0"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl><p:sndTgt r:embed="rIdSnd" name="applause.wav"/></p:tgtEl></p:cMediaNode></p:audio></p:subTnLst>`
    : ''
  const par = (extra: string) =>
    `<p:par><p:cTn id="${id()}"${preset} fill="hold" grpId="0" nodeType="${e.node}"${repeat}${extra}>` +
    `<p:stCondLst><p:cond delay="${e.delay ?? 0}"/></p:stCondLst>${iterate}<p:childTnLst>${behaviours(e)}</p:childTnLst>${sound}</p:cTn></p:par>`
  if (!e.alternate) return par('')
  return (
    `<mc:AlternateContent><mc:Choice Requires="p14">${par(' p14:presetBounceEnd="50000"')}</mc:Choice>` +
    `<mc:Fallback>${par('')}</mc:Fallback></mc:AlternateContent>`
  )
}

/** One click's par: a new inner par at every "after previous" effect, as PowerPoint nests them. */
function clickPar(effects: FxEffect[], cond = '<p:cond delay="indefinite"/>'): string {
  const runs: FxEffect[][] = []
  for (const e of effects) {
    if (!runs.length || e.node === 'afterEffect') runs.push([e])
    else runs[runs.length - 1]!.push(e)
  }
  let t = 0
  const inner = runs
    .map((r, i) => {
      // The run starts when the previous one has ended (what PowerPoint stores as the par's delay).
      if (i) t += Math.max(...runs[i - 1]!.map((e) => (e.delay ?? 0) + (e.dur ?? 500)))
      return `<p:par><p:cTn id="${id()}" fill="hold"><p:stCondLst><p:cond delay="${t}"/></p:stCondLst><p:childTnLst>${r.map(effect).join('')}</p:childTnLst></p:cTn></p:par>`
    })
    .join('')
  return `<p:par><p:cTn id="${id()}" fill="hold"><p:stCondLst>${cond}</p:stCondLst><p:childTnLst>${inner}</p:childTnLst></p:cTn></p:par>`
}

export interface FxTiming {
  /** One list per click par of the main sequence (the first may start with a with/after effect: auto). */
  main?: FxEffect[][]
  /** Sequences started by a click on a shape. */
  triggers?: { spid: string; clicks: FxEffect[][] }[]
  bldLst?: string
}

export function timingXml(t: FxTiming): string {
  const seqs: string[] = []
  if (t.main?.length) {
    const pars = t.main
      .map((c, i) =>
        i === 0 && c[0]?.node !== 'clickEffect'
          ? clickPar(c, '<p:cond delay="indefinite"/><p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond>')
          : clickPar(c)
      )
      .join('')
    seqs.push(
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${pars}</p:childTnLst></p:cTn>` +
        `<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>` +
        `<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>`
    )
  }
  for (const tr of t.triggers ?? []) {
    const onClick = `<p:cond evt="onClick" delay="0"><p:tgtEl><p:spTgt spid="${tr.spid}"/></p:tgtEl></p:cond>`
    seqs.push(
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="${id()}" restart="whenNotActive" fill="hold" evtFilter="cancelBubble" nodeType="interactiveSeq">` +
        `<p:stCondLst>${onClick}</p:stCondLst><p:endSync evt="end" delay="0"><p:rtn val="all"/></p:endSync>` +
        `<p:childTnLst>${tr.clicks.map((c) => clickPar(c, '<p:cond delay="0"/>')).join('')}</p:childTnLst></p:cTn>` +
        `<p:nextCondLst>${onClick}</p:nextCondLst></p:seq>`
    )
  }
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>${seqs.join('')}` +
    `</p:childTnLst></p:cTn></p:par></p:tnLst>${t.bldLst ?? ''}</p:timing>`
  )
}

/** The p:cNvPr id fixture-opc gave a shape. */
export function spidOf(shapeXml: string): string {
  return /<p:cNvPr id="(\d+)"/.exec(shapeXml)![1]!
}

/** A group of two rectangles, as one PowerPoint target. */
function group(gid: number): string {
  const rect = (x: number) => sp({ name: `组内${x}`, at: [x, 4000000, 500000, 500000], prst: 'rect', fill: '4F81BD' })
  return (
    `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${gid}" name="组合"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
    `<p:grpSpPr>${xfrm(6000000, 4000000, 1500000, 500000).replace('</a:xfrm>', '<a:chOff x="6000000" y="4000000"/><a:chExt cx="1500000" cy="500000"/></a:xfrm>')}</p:grpSpPr>` +
    `${rect(6000000)}${rect(7000000)}</p:grpSp>`
  )
}

export const ANIM_TEXT = { title: '光合作用', body: ['原料：二氧化碳和水', '条件：光', '产物：有机物和氧气'] }

/**
 * Slide 1 plays every branch in 9 clicks plus a trigger; slide 2 starts on its own and then takes one
 * click; slide 3 has PowerPoint's empty timeline. `clicks` is what the file asks for, counted by hand.
 */
export function animationDeck(): { bytes: Uint8Array; clicks: number[]; spids: Record<string, string> } {
  const title = sp({ name: '标题', at: [838200, 365125, 10515600, 1325563], paras: [para(ANIM_TEXT.title)] })
  const body = sp({ name: '正文', at: [838200, 1800000, 6000000, 3000000], paras: ANIM_TEXT.body.map((t) => para(t)) })
  const box = sp({ name: '方块', at: [8000000, 1800000, 1500000, 1500000], prst: 'rect', fill: 'C0504D' })
  const button = sp({ name: '按钮', at: [8000000, 5500000, 1500000, 600000], prst: 'roundRect', fill: '9BBB59' })
  const [a, b, c, t] = [title, body, box, button].map(spidOf) as [string, string, string, string]
  const g = '900'
  const s2box = sp({ name: '自动', at: [1000000, 1000000, 2000000, 2000000], prst: 'ellipse', fill: '4BACC6' })
  const s2 = spidOf(s2box)
  const main: FxEffect[][] = [
    [
      { node: 'clickEffect', cls: 'entr', preset: 2, sub: 8, spid: c, dur: 400 },
      { node: 'withEffect', cls: 'entr', preset: 10, spid: b, para: 0, delay: 250 },
      { node: 'afterEffect', cls: 'entr', preset: 22, sub: 1, spid: b, para: 1, dur: 750 }
    ],
    [
      { node: 'clickEffect', cls: 'entr', preset: 16, sub: 21, spid: b, para: 2 },
      { node: 'withEffect', cls: 'entr', preset: 53, sub: 16, spid: a }
    ],
    [{ node: 'clickEffect', cls: 'exit', preset: 42, sub: 0, spid: c }],
    [
      {
        node: 'clickEffect',
        cls: 'emph',
        preset: 26,
        spid: a,
        body: `<p:animScale><p:cBhvr><p:cTn id="${id()}" dur="250" autoRev="1" fill="hold"/>{tgt}</p:cBhvr><p:by x="105000" y="105000"/></p:animScale>`
      },
      {
        node: 'afterEffect',
        cls: 'emph',
        preset: 6,
        spid: a,
        dur: 1000,
        body: `<p:animScale><p:cBhvr><p:cTn id="${id()}" dur="1000" fill="hold"/>{tgt}</p:cBhvr><p:by x="150000" y="150000"/></p:animScale>`
      }
    ],
    [
      {
        node: 'clickEffect',
        cls: 'emph',
        preset: 1,
        sub: 2,
        spid: a,
        body: `<p:animClr clrSpc="rgb" dir="cw"><p:cBhvr><p:cTn id="${id()}" dur="500" fill="hold"/>{tgt}<p:attrNameLst><p:attrName>fillcolor</p:attrName></p:attrNameLst></p:cBhvr><p:to><a:srgbClr val="FF0000"/></p:to></p:animClr>`
      }
    ],
    [
      {
        node: 'clickEffect',
        cls: 'path',
        preset: 0,
        spid: g,
        dur: 2000,
        body: `<p:animMotion origin="layout" path="M 0 0 L 0.25 0.1 E" pathEditMode="relative" ptsTypes="AA"><p:cBhvr><p:cTn id="${id()}" dur="2000" fill="hold"/>{tgt}<p:attrNameLst><p:attrName>ppt_x</p:attrName><p:attrName>ppt_y</p:attrName></p:attrNameLst></p:cBhvr><p:rCtr x="0" y="0"/></p:animMotion>`
      }
    ],
    // Swivel (19) is not an effect we draw: it becomes a fade, and the report says so.
    [{ node: 'clickEffect', cls: 'entr', preset: 19, sub: 0, spid: b, iterate: true }],
    // The click's first step aims at a shape that is not on the slide: the next step takes the click.
    [
      { node: 'clickEffect', cls: 'entr', preset: 1, spid: '9999' },
      { node: 'withEffect', cls: 'entr', preset: 1, spid: c }
    ],
    [{ node: 'clickEffect', cls: 'exit', preset: 1, spid: c }]
  ]
  const bytes = handDeck({
    slides: [
      {
        shapes: title + body + box + group(Number(g)) + button,
        timing: timingXml({
          main,
          triggers: [{ spid: t, clicks: [[{ node: 'clickEffect', cls: 'entr', preset: 10, spid: c }]] }],
          bldLst: `<p:bldLst><p:bldP spid="${b}" grpId="0" build="p"/><p:bldP spid="${a}" grpId="0"/></p:bldLst>`
        })
      },
      {
        shapes: s2box,
        timing: timingXml({
          main: [
            [{ node: 'withEffect', cls: 'entr', preset: 2, sub: 4, spid: s2, delay: 500 }],
            [
              {
                node: 'clickEffect',
                cls: 'exit',
                preset: 10,
                spid: s2,
                repeat: 'indefinite',
                sound: true,
                alternate: true
              },
              // The ellipse has no paragraph 3: the step plays on the whole shape.
              { node: 'withEffect', cls: 'emph', preset: 26, spid: s2, para: 3 }
            ]
          ]
        })
      },
      { shapes: sp({ name: '无动画', at: [0, 0, 1000000, 1000000], paras: [para('没有动画')] }), timing: true }
    ]
  })
  return { bytes, clicks: [9, 1, 0], spids: { title: a, body: b, box: c, button: t, group: g } }
}

/** Count what a slide's XML asks for, independently of the importer: clickEffect nodes of animation classes. */
export function fileClicks(slideXml: string): number {
  // An effect in mc:AlternateContent is there twice; its Fallback is the same click.
  const once = slideXml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '')
  return (once.match(/<p:cTn [^>]*>/g) ?? []).filter(
    (tag) => /nodeType="clickEffect"/.test(tag) && /presetClass="(entr|exit|emph|path)"/.test(tag)
  ).length
}

/**
 * Hostile timelines. Slide 1: one good click among 25,000 effects (100,000 nodes) of classes PowerPoint does not have,
 * effects without a target, pars nested past any real file, and a nonsense preset number. Slide 2:
 * a timeline nested past the XML parser's depth limit (the slide's XML cannot be read with it).
 */
export function hostileTimingDeck(): Uint8Array {
  const good = sp({ name: '好的', at: [1000000, 1000000, 2000000, 1000000], paras: [para('仍然导入')] })
  const spid = spidOf(good)
  // Ids from a small LCG: a real file's ids differ, and a repeated string would be refused as a zip bomb first.
  let seed = 12345
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
  const bogus = () =>
    `<p:par><p:cTn id="${rnd()}" presetClass="bogus${rnd() % 97}" nodeType="clickEffect"><p:childTnLst><p:set/></p:childTnLst></p:cTn></p:par>`
  const noTarget = `<p:par><p:cTn id="8" presetID="10" presetClass="entr" nodeType="clickEffect"><p:childTnLst><p:set><p:cBhvr><p:cTn id="9" dur="1"/></p:cBhvr></p:set></p:childTnLst></p:cTn></p:par>`
  const nested = (depth: number, innerXml: string) =>
    '<p:par><p:cTn id="10"><p:childTnLst>'.repeat(depth) + innerXml + '</p:childTnLst></p:cTn></p:par>'.repeat(depth)
  const clickWrap = (inner: string) =>
    `<p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>${inner}</p:childTnLst></p:cTn></p:par>`
  const seq = (pars: string) =>
    `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" nodeType="tmRoot"><p:childTnLst><p:seq><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${pars}</p:childTnLst></p:cTn></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>`
  const goodClick = clickPar([{ node: 'clickEffect', cls: 'entr', preset: 10, spid }])
  const nonsense = clickPar([{ node: 'clickEffect', cls: 'entr', preset: 987654, sub: -3, spid }])
  const slide1 =
    goodClick +
    clickWrap(Array.from({ length: 25_000 }, bogus).join('')) +
    clickWrap(noTarget.repeat(50)) +
    clickWrap(nested(10, noTarget)) +
    nonsense
  const deepGood = sp({ name: '深', at: [1000000, 1000000, 2000000, 1000000], paras: [para('第二页仍在')] })
  return handDeck({
    slides: [
      { shapes: good, timing: seq(slide1) },
      { shapes: deepGood, timing: seq(clickWrap(nested(400, noTarget))) }
    ]
  })
}

export const FODP_ANIM = { text: ['第一段', '第二段'], clicks: 2, effects: 3 }

/**
 * A flat ODP with animations (LibreOffice's own markup): on click a rectangle appears, with it the
 * text fades in; on the next click the rectangle flies out. LibreOffice writes its p:timing for us.
 */
export function animatedFodp(): string {
  const par = (node: string, cls: string, preset: string, begin: string, inner: string) =>
    `<anim:par smil:begin="${begin}" smil:fill="hold" presentation:node-type="${node}" presentation:preset-class="${cls}" presentation:preset-id="${preset}">${inner}</anim:par>`
  const set = (target: string, to: string, begin = '0s') =>
    `<anim:set smil:begin="${begin}" smil:dur="0.001s" smil:fill="hold" smil:targetElement="${target}" smil:attributeName="visibility" smil:to="${to}"/>`
  const click = (inner: string) =>
    `<anim:par smil:begin="next"><anim:par smil:begin="0s">${inner}</anim:par></anim:par>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
 xmlns:anim="urn:oasis:names:tc:opendocument:xmlns:animation:1.0" xmlns:smil="urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:body><office:presentation>
  <draw:page draw:name="p1">
   <draw:frame draw:id="t1" xml:id="t1" svg:x="2cm" svg:y="2cm" svg:width="10cm" svg:height="3cm"><draw:text-box>${FODP_ANIM.text.map((t) => `<text:p>${esc(t)}</text:p>`).join('')}</draw:text-box></draw:frame>
   <draw:custom-shape draw:id="r1" xml:id="r1" svg:x="14cm" svg:y="2cm" svg:width="4cm" svg:height="4cm"><draw:enhanced-geometry draw:type="rectangle" svg:viewBox="0 0 21600 21600"/></draw:custom-shape>
   <anim:par presentation:node-type="timing-root"><anim:seq presentation:node-type="main-sequence">
    ${click(
      par('on-click', 'entrance', 'ooo-entrance-appear', '0s', set('r1', 'visible')) +
        par(
          'with-previous',
          'entrance',
          'ooo-entrance-fade-in',
          '0.5s',
          set('t1', 'visible') +
            '<anim:transitionFilter smil:dur="1s" smil:targetElement="t1" smil:type="fade" smil:subtype="crossfade"/>'
        )
    )}
    ${click(
      par(
        'on-click',
        'exit',
        'ooo-exit-fly-out',
        '0s',
        '<anim:animate smil:dur="0.5s" smil:fill="hold" smil:targetElement="r1" smil:attributeName="x" smil:values="x;1+width/2" smil:keyTimes="0;1" presentation:additive="base"/>' +
          set('r1', 'hidden', '0.499s')
      )
    )}
   </anim:seq></anim:par>
  </draw:page>
 </office:presentation></office:body>
</office:document>
`
}
