/**
 * Build steps → p:timing and p:bldLst in the PPTX pptxgenjs wrote (pptxgenjs writes no animations).
 *
 * pptxgenjs puts one top-level shape on the slide per element, in element order, so the k-th p:cNvPr
 * after the tree's own is the k-th element's. Its ids are not always unique (a table takes
 * `tableNo × slideNo + 1`, media the relationship number + 2), and a step must name exactly one
 * shape, so a repeated id is renumbered. The timeline is written as PowerPoint writes it: tmRoot →
 * mainSeq → a par per click → a par per "after previous" run → a par per effect; a trigger is an
 * interactiveSeq started by a click on its shape.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import {
  SLIDE_SIZE,
  slideBuild,
  type Approximation,
  type BuildDirection,
  type BuildStep,
  type ClickGroup,
  type Deck,
  type Slide
} from '../../../src-shared/courseware'
import { DIRECTION_SUBTYPE, EXPORT_PRESET, PRESET_CLASS } from '../importers/pptx/pptx-timing-presets'

type Approx = (slide: number, kind: Approximation['kind'], message: string, messageEn: string) => void

/** The PPTX with each slide's build steps written in; the bytes unchanged when no slide has any. */
export function addTiming(bytes: Uint8Array, deck: Deck, approx: Approx): Uint8Array {
  if (!deck.slides.some((s) => s.animations.length)) return bytes
  const files = unzipSync(bytes)
  deck.slides.forEach((s, i) => {
    if (!s.animations.length) return
    const name = `ppt/slides/slide${i + 1}.xml`
    const part = files[name]
    if (!part) return
    const xml = writeSlideTiming(strFromU8(part), s, SLIDE_SIZE[deck.aspect])
    if (xml) files[name] = strToU8(xml)
    else
      approx(
        i + 1,
        'content',
        `第 ${i + 1} 张的动画未导出（无法对应到导出的对象）。`,
        `The animations of slide ${i + 1} were not exported (their objects could not be found in the export).`
      )
  })
  return zipSync(files, { level: 6 })
}

interface ShapeRef {
  spid: number
  /** A p:sp with a text body: what PowerPoint gives a build list entry (pictures and frames get none). */
  hasText: boolean
}

/** The slide's XML with p:timing (and p:bldLst) added; undefined when shapes and elements do not line up. */
export function writeSlideTiming(xml: string, slide: Slide, size: Size): string | undefined {
  const shapes = /<p:(sp|pic|graphicFrame|cxnSp)>\s*<p:nv\w+>\s*<p:cNvPr id="(\d+)"/g
  const found = [...xml.matchAll(shapes)]
  if (found.length !== slide.elements.length) return undefined
  const used = new Set<number>([1])
  let next = Math.max(1, ...found.map((m) => Number(m[2]))) + 1
  const refs = new Map<string, ShapeRef>()
  const renumber = new Map<number, number>() // match index → new id
  found.forEach((m, k) => {
    let spid = Number(m[2])
    if (used.has(spid)) {
      spid = next++
      renumber.set(k, spid)
    }
    used.add(spid)
    const body = xml.slice(m.index, found[k + 1]?.index ?? xml.length)
    refs.set(slide.elements[k]!.id, { spid, hasText: m[1] === 'sp' && body.includes('<p:txBody') })
  })
  let out = xml
  if (renumber.size) {
    let k = 0
    out = out.replace(shapes, (whole: string, _tag: string, id: string) => {
      const fresh = renumber.get(k++)
      return fresh === undefined ? whole : whole.replace(`id="${id}"`, `id="${fresh}"`)
    })
  }
  const timing = timingXml(slide, { refs, ids: new Ids(), size })
  if (!timing) return out
  const at = out.lastIndexOf('</p:sld>')
  if (at < 0) return undefined
  return out.slice(0, at) + timing + out.slice(at)
}

class Ids {
  #n = 0
  next(): number {
    return ++this.#n
  }
}

interface Size {
  width: number
  height: number
}

/** What every part of one slide's timeline needs. */
interface W {
  refs: Map<string, ShapeRef>
  ids: Ids
  /** Slide size in our units: motion paths are written as fractions of it. */
  size: Size
}

function timingXml(slide: Slide, w: W): string {
  const { refs, ids } = w
  const steps = slide.animations.filter((s) => refs.has(s.elementId) && (!s.trigger || refs.has(s.trigger)))
  if (!steps.length) return ''
  const build = slideBuild(steps)
  const root = ids.next()
  const seqs: string[] = []
  if (build.groups.length) {
    const seqId = ids.next()
    const pars = build.groups.map((g) => clickPar(g, w, g.auto ? 'auto' : 'click', seqId)).join('')
    seqs.push(
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="${seqId}" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${pars}</p:childTnLst></p:cTn>` +
        `<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>` +
        `<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>`
    )
  }
  for (const [trigger, groups] of build.triggers) {
    const spid = refs.get(trigger)!.spid
    const onClick = `<p:cond evt="onClick" delay="0"><p:tgtEl><p:spTgt spid="${spid}"/></p:tgtEl></p:cond>`
    const seqId = ids.next()
    const pars = groups.map((g) => clickPar(g, w, 'trigger', seqId)).join('')
    seqs.push(
      `<p:seq concurrent="1" nextAc="seek"><p:cTn id="${seqId}" restart="whenNotActive" fill="hold" evtFilter="cancelBubble" nodeType="interactiveSeq">` +
        `<p:stCondLst>${onClick}</p:stCondLst><p:endSync evt="end" delay="0"><p:rtn val="all"/></p:endSync>` +
        `<p:childTnLst>${pars}</p:childTnLst></p:cTn><p:nextCondLst>${onClick}</p:nextCondLst></p:seq>`
    )
  }
  // Paragraph builds need their shape's build list entry, or PowerPoint shows the whole text at once.
  const bld = new Map<number, boolean>()
  for (const s of steps) {
    const r = refs.get(s.elementId)!
    if (r.hasText) bld.set(r.spid, (bld.get(r.spid) ?? false) || s.paragraph !== undefined)
  }
  const bldLst = bld.size
    ? `<p:bldLst>${[...bld]
        .map(([spid, byPara]) => `<p:bldP spid="${spid}" grpId="0"${byPara ? ' build="p"' : ' animBg="1"'}/>`)
        .join('')}</p:bldLst>`
    : ''
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="${root}" dur="indefinite" restart="never" nodeType="tmRoot">` +
    `<p:childTnLst>${seqs.join('')}</p:childTnLst></p:cTn></p:par></p:tnLst>${bldLst}</p:timing>`
  )
}

function clickPar(g: ClickGroup, w: W, kind: 'click' | 'auto' | 'trigger', seqId: number): string {
  const ids = w.ids
  const outer = ids.next()
  const cond =
    kind === 'click'
      ? '<p:cond delay="indefinite"/>'
      : kind === 'auto'
        ? `<p:cond delay="indefinite"/><p:cond evt="onBegin" delay="0"><p:tn val="${seqId}"/></p:cond>`
        : '<p:cond delay="0"/>'
  // A new inner par at every step that starts on its own (the click, or "after previous").
  const runs: { start: number; steps: ClickGroup['steps'] }[] = []
  for (const t of g.steps) {
    const last = runs[runs.length - 1]
    if (!last || t.step.start !== 'with') runs.push({ start: Math.max(0, t.at - t.step.delay), steps: [t] })
    else last.steps.push(t)
  }
  const inner = runs
    .map((r) => {
      const id = ids.next()
      const effects = r.steps.map((t) => effectPar(t.step, t.at - r.start, w)).join('')
      return `<p:par><p:cTn id="${id}" fill="hold"><p:stCondLst><p:cond delay="${r.start}"/></p:stCondLst><p:childTnLst>${effects}</p:childTnLst></p:cTn></p:par>`
    })
    .join('')
  return `<p:par><p:cTn id="${outer}" fill="hold"><p:stCondLst>${cond}</p:stCondLst><p:childTnLst>${inner}</p:childTnLst></p:cTn></p:par>`
}

const NODE_TYPE = { click: 'clickEffect', with: 'withEffect', after: 'afterEffect' } as const

function effectPar(s: BuildStep, delay: number, w: W): string {
  const ids = w.ids
  const spid = w.refs.get(s.elementId)!.spid
  const tgt = `<p:tgtEl><p:spTgt spid="${spid}">${s.paragraph !== undefined ? `<p:txEl><p:pRg st="${s.paragraph}" end="${s.paragraph}"/></p:txEl>` : ''}</p:spTgt></p:tgtEl>`
  const { id: presetId, subtype } = presetOf(s)
  const id = ids.next()
  const body = behaviours(s, tgt, w)
  return (
    `<p:par><p:cTn id="${id}" presetID="${presetId}" presetClass="${PRESET_CLASS[s.class]}" presetSubtype="${subtype}" fill="hold" grpId="0" nodeType="${NODE_TYPE[s.start]}">` +
    `<p:stCondLst><p:cond delay="${Math.max(0, Math.round(delay))}"/></p:stCondLst><p:childTnLst>${body}</p:childTnLst></p:cTn></p:par>`
  )
}

function presetOf(s: BuildStep): { id: number; subtype: number } {
  const p = EXPORT_PRESET[s.effect]
  if (s.effect === 'float') {
    // Float In (42) rises from below, Descend (47) comes from above; as exits 42 goes up, 47 sinks.
    const up = (s.direction ?? 'bottom').startsWith('top')
    return { id: up !== (s.class === 'exit') ? 47 : 42, subtype: 0 }
  }
  if (p.subtype !== undefined) return { id: p.id, subtype: p.subtype }
  return { id: p.id, subtype: DIRECTION_SUBTYPE[s.direction ?? 'bottom'] }
}

function cBhvr(ids: Ids, dur: number, tgt: string, attrs: string[] = [], extra = '', cBhvrAttrs = ''): string {
  const names = attrs.length
    ? `<p:attrNameLst>${attrs.map((a) => `<p:attrName>${a}</p:attrName>`).join('')}</p:attrNameLst>`
    : ''
  return `<p:cBhvr${cBhvrAttrs}><p:cTn id="${ids.next()}" dur="${dur}" fill="hold"${extra}/>${tgt}${names}</p:cBhvr>`
}

function setVisibility(ids: Ids, tgt: string, visible: boolean, at: number): string {
  return (
    `<p:set><p:cBhvr><p:cTn id="${ids.next()}" dur="1" fill="hold"><p:stCondLst><p:cond delay="${at}"/></p:stCondLst></p:cTn>${tgt}` +
    `<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="${visible ? 'visible' : 'hidden'}"/></p:to></p:set>`
  )
}

function anim(ids: Ids, dur: number, tgt: string, attrName: string, from: string, to: string): string {
  return (
    `<p:anim calcmode="lin" valueType="num">${cBhvr(ids, dur, tgt, [attrName], '', ' additive="base"')}` +
    `<p:tavLst><p:tav tm="0"><p:val><p:strVal val="${from}"/></p:val></p:tav>` +
    `<p:tav tm="100000"><p:val><p:strVal val="${to}"/></p:val></p:tav></p:tavLst></p:anim>`
  )
}

function animEffect(ids: Ids, dur: number, tgt: string, entering: boolean, filter: string): string {
  return `<p:animEffect transition="${entering ? 'in' : 'out'}" filter="${filter}">${cBhvr(ids, dur, tgt).replace(' fill="hold"', '')}</p:animEffect>`
}

/** Off-slide position of a fly along each axis ("0-#ppt_w/2" is just past the left edge). */
function flyFrom(dir: BuildDirection): { x: string; y: string } {
  const x = dir.includes('left') ? '0-#ppt_w/2' : dir.includes('right') ? '1+#ppt_w/2' : '#ppt_x'
  const y = dir.startsWith('top') ? '0-#ppt_h/2' : dir.startsWith('bottom') ? '1+#ppt_h/2' : '#ppt_y'
  return { x, y }
}

const WIPE_FILTER: Readonly<Record<string, string>> = {
  top: 'wipe(down)',
  bottom: 'wipe(up)',
  left: 'wipe(right)',
  right: 'wipe(left)'
}

function behaviours(s: BuildStep, tgt: string, w: W): string {
  const ids = w.ids
  const dur = Math.max(1, s.effect === 'appear' ? 1 : s.duration)
  const entering = s.class === 'entrance'
  const show = () => setVisibility(ids, tgt, true, 0)
  const hide = () => setVisibility(ids, tgt, false, Math.max(0, dur - 1))
  const around = (middle: string) => (entering ? show() + middle : middle + hide())
  const dir = s.direction ?? 'bottom'
  switch (s.effect) {
    case 'appear':
      return entering ? show() : setVisibility(ids, tgt, false, 0)
    case 'fade':
      return around(animEffect(ids, dur, tgt, entering, 'fade'))
    case 'fly': {
      const off = flyFrom(dir)
      const [x0, x1] = entering ? [off.x, '#ppt_x'] : ['#ppt_x', off.x]
      const [y0, y1] = entering ? [off.y, '#ppt_y'] : ['#ppt_y', off.y]
      return around(anim(ids, dur, tgt, 'ppt_x', x0, x1) + anim(ids, dur, tgt, 'ppt_y', y0, y1))
    }
    case 'wipe': {
      const side = dir.startsWith('top') ? 'top' : dir.startsWith('bottom') ? 'bottom' : dir
      return around(animEffect(ids, dur, tgt, entering, WIPE_FILTER[side]!))
    }
    case 'split':
      return around(animEffect(ids, dur, tgt, entering, entering ? 'barn(outVertical)' : 'barn(inVertical)'))
    case 'zoom': {
      const [w0, w1] = entering ? ['0', '#ppt_w'] : ['#ppt_w', '0']
      const [h0, h1] = entering ? ['0', '#ppt_h'] : ['#ppt_h', '0']
      return around(
        anim(ids, dur, tgt, 'ppt_w', w0, w1) +
          anim(ids, dur, tgt, 'ppt_h', h0, h1) +
          animEffect(ids, dur, tgt, entering, 'fade')
      )
    }
    case 'float': {
      const below = dir.startsWith('top') ? '#ppt_y-.1' : '#ppt_y+.1'
      const [y0, y1] = entering ? [below, '#ppt_y'] : ['#ppt_y', below]
      return around(
        animEffect(ids, dur, tgt, entering, 'fade') +
          anim(ids, dur, tgt, 'ppt_x', '#ppt_x', '#ppt_x') +
          anim(ids, dur, tgt, 'ppt_y', y0, y1)
      )
    }
    case 'pulse':
      return `<p:animScale>${cBhvr(ids, Math.max(1, Math.round(dur / 2)), tgt, [], ' autoRev="1"')}<p:by x="105000" y="105000"/></p:animScale>`
    case 'grow': {
      const by = Math.round((s.scale ?? 1.5) * 100000)
      return `<p:animScale>${cBhvr(ids, dur, tgt)}<p:by x="${by}" y="${by}"/></p:animScale>`
    }
    case 'color': {
      const rgb = (s.color ?? '#FF0000').slice(1, 7).toUpperCase()
      const set = (name: string, val: string) =>
        `<p:set>${cBhvr(ids, dur, tgt, [name])}<p:to><p:strVal val="${val}"/></p:to></p:set>`
      return (
        `<p:animClr clrSpc="rgb" dir="cw">${cBhvr(ids, dur, tgt, ['fillcolor'])}<p:to><a:srgbClr val="${rgb}"/></p:to></p:animClr>` +
        set('fill.type', 'solid') +
        set('fill.on', 'true')
      )
    }
    case 'path': {
      const f = (v: number) => String(Math.round(v * 1e5) / 1e5)
      const dx = (s.path?.dx ?? 0) / w.size.width
      const dy = (s.path?.dy ?? 0) / w.size.height
      return (
        `<p:animMotion origin="layout" path="M 0 0 L ${f(dx)} ${f(dy)} E" pathEditMode="relative" ptsTypes="AA">` +
        `${cBhvr(ids, dur, tgt, ['ppt_x', 'ppt_y'])}<p:rCtr x="0" y="0"/></p:animMotion>`
      )
    }
  }
}
