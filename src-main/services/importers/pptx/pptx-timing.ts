/**
 * A slide's p:timing → its build steps (Slide.animations).
 *
 * PowerPoint keeps the main sequence as tmRoot → seq(mainSeq) → one par per click → one par per
 * "after previous" run → one par per effect (p:cTn with presetClass/presetID/nodeType). Trigger
 * sequences are seq(interactiveSeq) started by a click on a shape. We read that shape of tree and
 * nothing deeper than it needs, within a node budget, so a hostile file costs little and loses only
 * its bad steps. Every click of the file stays a click: a step whose target we did not import is
 * dropped (and reported), and the next step of its click takes over the click.
 */
import {
  EFFECT_LABELS_EN,
  effectLabel,
  type BuildEffect,
  type BuildStart,
  type BuildStep,
  type Element
} from '../../../../src-shared/courseware'
import { attr, child, children, numAttr, parseXml, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import type { PptxContext } from './pptx-context'
import { CLASS_OF, mapPreset, type PresetClass } from './pptx-timing-presets'

/** The deck schema's limit per slide. */
export const MAX_STEPS = 2000
/** Nodes of p:timing we look at per slide: far above PowerPoint's 2000 effects (~25 nodes each). */
const NODE_BUDGET = 100_000
/** Nesting we follow below a click par before giving up on it (PowerPoint uses 2). */
const MAX_PAR_DEPTH = 6

export interface TimingTargets {
  /** p:cNvPr@id → the ids of the elements that shape became (a group: all its children's). */
  shapeIds: ReadonlyMap<string, readonly string[]>
  /** The slide's own elements, for paragraph counts. */
  elements: readonly Element[]
  /** Slide size in our units (motion paths are fractions of it). */
  width: number
  height: number
  theme: Map<string, string>
}

interface Walk {
  ctx: PptxContext
  t: TimingTargets
  budget: number
  steps: BuildStep[]
  /** Report lines, once per slide each. */
  notes: Map<string, [string, string]>
  missing: number
  broken: boolean
}

const MALFORMED: [string, string] = [
  '动画结构异常（嵌套过深、过多或缺少对象编号），其中无法读取的动画已略去。',
  'The animation timeline is malformed (too deep, too large or missing shape ids); the steps that could not be read were left out.'
]

const CLASSES = new Set<string>(['entr', 'exit', 'emph', 'path'])
const START: Readonly<Record<string, BuildStart>> = {
  clickEffect: 'click',
  withEffect: 'with',
  afterEffect: 'after'
}

/** The build steps of one slide; what could not be carried over goes into ctx's report. */
export function readTiming(timing: XNode | undefined, t: TimingTargets, ctx: PptxContext): BuildStep[] {
  const w: Walk = { ctx, t, budget: NODE_BUDGET, steps: [], notes: new Map(), missing: 0, broken: false }
  const root = child(child(child(child(timing, 'p:tnLst'), 'p:par'), 'p:cTn'), 'p:childTnLst')
  for (const seq of children(root, 'p:seq')) {
    const cTn = child(seq, 'p:cTn')
    const type = attr(cTn, 'nodeType')
    if (type === 'mainSeq') readSequence(w, cTn!, undefined)
    else if (type === 'interactiveSeq') {
      const spid = attr(findSpTgt(w, child(cTn, 'p:stCondLst'), 4), 'spid')
      const trigger = spid !== undefined ? t.shapeIds.get(spid)?.[0] : undefined
      if (trigger) readSequence(w, cTn!, trigger)
      else w.missing += countEffects(w, cTn!)
    }
  }
  if (w.steps.length > MAX_STEPS) {
    w.steps.length = MAX_STEPS
    note(
      w,
      'limit',
      `动画超过 ${MAX_STEPS} 步，其余已略去。`,
      `More than ${MAX_STEPS} build steps; the rest were left out.`
    )
  }
  if (w.missing)
    note(
      w,
      'missing',
      `${w.missing} 个动画作用于未能导入的对象，已略去。`,
      `${w.missing} build steps act on objects that were not imported; they were left out.`
    )
  if (w.broken) note(w, 'broken', ...MALFORMED)
  for (const [message, messageEn] of w.notes.values()) ctx.approx('animation', message, messageEn)
  return w.steps
}

function note(w: Walk, key: string, zh: string, en: string): void {
  if (!w.notes.has(key)) w.notes.set(key, [zh, en])
}

/** Visit a node against the budget; false once it is spent (the rest of the slide's timing is skipped). */
function spend(w: Walk, n = 1): boolean {
  w.budget -= n
  if (w.budget < 0) w.broken = true
  return w.budget >= 0
}

function readSequence(w: Walk, seqTn: XNode, trigger: string | undefined): void {
  for (const clickPar of parsOf(child(seqTn, 'p:childTnLst'))) {
    if (!spend(w)) return
    const effects: XNode[] = []
    collectEffects(w, clickPar, 0, effects)
    const before = w.steps.length
    let fileHadClick = false
    let prevDelay = 0
    effects.forEach((e, i) => {
      const start = START[attr(e, 'nodeType') ?? ''] ?? (i === 0 && !trigger ? 'click' : 'with')
      if (start === 'click') fileHadClick = true
      // PowerPoint times a "with previous" step from the start of its run; we time it from the previous step.
      const raw = clampMs(numAttr(child(child(e, 'p:stCondLst'), 'p:cond'), 'delay') ?? 0)
      readEffect(w, e, start, start === 'with' ? Math.max(0, raw - prevDelay) : raw, trigger)
      prevDelay = raw
    })
    // The click stays a click when the step that carried it was dropped.
    const first = w.steps[before]
    if (fileHadClick && first && first.start !== 'click') w.steps[before] = { ...first, start: 'click' }
  }
}

/**
 * The p:par children of a time node list. PowerPoint 2010 and later wrap an effect with newer options
 * (a fly-in's bounce end, p14:presetBounceEnd) in mc:AlternateContent: its Choice is the same par with
 * the extra attribute, which we can read; the Fallback is the 2007 version of it.
 */
function parsOf(list: XNode | undefined): XNode[] {
  const out: XNode[] = []
  for (const c of list?.children ?? []) {
    if (c.name === 'p:par') out.push(c)
    else if (c.name === 'mc:AlternateContent') {
      const pick = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback')
      out.push(...children(pick, 'p:par'))
    }
  }
  return out
}

/** The slide's p:timing, also where it sits in mc:AlternateContent (its Choice, else its Fallback). */
export function timingOf(slide: XNode): XNode | undefined {
  const direct = child(slide, 'p:timing')
  if (direct) return direct
  for (const c of children(slide, 'mc:AlternateContent')) {
    const t = child(child(c, 'mc:Choice'), 'p:timing') ?? child(child(c, 'mc:Fallback'), 'p:timing')
    if (t) return t
  }
  return undefined
}

/** The effect pars under a click par, in document order, at most MAX_PAR_DEPTH pars down. */
function collectEffects(w: Walk, par: XNode, depth: number, out: XNode[]): void {
  const cTn = child(par, 'p:cTn')
  if (!cTn || !spend(w)) return
  if (attr(cTn, 'presetClass') !== undefined || /Effect$/.test(attr(cTn, 'nodeType') ?? '')) {
    out.push(cTn)
    return
  }
  if (depth >= MAX_PAR_DEPTH) {
    w.broken = true
    return
  }
  for (const p of parsOf(child(cTn, 'p:childTnLst'))) collectEffects(w, p, depth + 1, out)
}

function countEffects(w: Walk, seqTn: XNode): number {
  const out: XNode[] = []
  for (const p of parsOf(child(seqTn, 'p:childTnLst'))) collectEffects(w, p, 0, out)
  return out.filter((e) => CLASSES.has(attr(e, 'presetClass') ?? '')).length
}

/** The first p:spTgt at most `depth` levels under n. */
function findSpTgt(w: Walk, n: XNode | undefined, depth: number): XNode | undefined {
  if (!n || depth < 0) return undefined
  for (const c of n.children) {
    if (!spend(w)) return undefined
    if (c.name === 'p:spTgt') return c
    const found = findSpTgt(w, c, depth - 1)
    if (found) return found
  }
  return undefined
}

function readEffect(w: Walk, cTn: XNode, start: BuildStart, delay: number, trigger: string | undefined): void {
  const presetClass = attr(cTn, 'presetClass') ?? ''
  if (presetClass === 'mediacall') {
    note(
      w,
      'media',
      '“单击播放媒体”的设置未导入：在白板上点视频或音频即可播放。',
      'Click-to-play media settings were not imported: tap the video or audio on the board to play it.'
    )
    return
  }
  const behaviours = child(cTn, 'p:childTnLst')?.children ?? []
  if (!spend(w, behaviours.length)) return
  const tgt = findSpTgt(w, child(cTn, 'p:childTnLst'), 5)
  const spid = attr(tgt, 'spid')
  if (!CLASSES.has(presetClass) || spid === undefined) {
    // A preset class PowerPoint does not define, or a step with no target: nothing we can play.
    w.broken = true
    return
  }
  let ids = w.t.shapeIds.get(spid)
  if (!ids?.length) {
    w.missing++
    return
  }
  const cls = presetClass as PresetClass
  const mapped = mapPreset(cls, numAttr(cTn, 'presetID'), numAttr(cTn, 'presetSubtype'))
  const approximated: string[] = []
  if (mapped.nearest) {
    approximated.push(mapped.nearest.zh)
    note(
      w,
      `preset:${cls}:${mapped.nearest.zh}:${mapped.effect}`,
      `动画“${mapped.nearest.zh}”以“${effectLabel(CLASS_OF[cls], mapped.effect)}”代替。`,
      `The "${mapped.nearest.en}" animation became "${EFFECT_LABELS_EN[mapped.effect]}".`
    )
  }
  let paragraph: number | undefined
  const txEl = child(tgt, 'p:txEl')
  if (txEl) {
    const pRg = child(txEl, 'p:pRg')
    const st = numAttr(pRg, 'st')
    // A shape may have become more than one element (a frame and its text box): the one with the text.
    const holder =
      st !== undefined && Number.isInteger(st) && st >= 0
        ? w.t.elements.find(
            (e) => ids!.includes(e.id) && (e.type === 'text' || e.type === 'shape') && st < e.paragraphs.length
          )
        : undefined
    if (holder) {
      paragraph = st
      ids = [holder.id]
    } else if (!pRg) partOf(w, approximated, '按字符范围', 'a character range')
    else {
      approximated.push('段落不存在')
      note(
        w,
        'paragraph',
        '有按段落的动画找不到它的段落，改为整个对象的动画。',
        'A by-paragraph animation names a paragraph that is not there; it now plays on the whole object.'
      )
    }
  }
  if (child(tgt, 'p:graphicEl') || child(tgt, 'p:subSp') || child(tgt, 'p:oleChartEl'))
    partOf(w, approximated, '按图表或 SmartArt 的部分', 'part of a chart or SmartArt')
  if (child(cTn, 'p:iterate')) {
    approximated.push('按字母或词')
    note(
      w,
      'iterate',
      '按字母或按词的动画改为整段一起出现。',
      'Letter-by-letter and word-by-word animations now play on the whole text at once.'
    )
  }

  const repeat = attr(cTn, 'repeatCount')
  if ((repeat !== undefined && repeat !== '1000') || attr(cTn, 'autoRev') === '1') {
    approximated.push('重复播放')
    note(w, 'repeat', '重复或往返播放的动画只播放一次。', 'Repeating or reversing animations play once.')
  }
  if (child(cTn, 'p:subTnLst'))
    note(w, 'sound', '动画附带的声音未导入。', 'Sounds attached to animations were not imported.')

  const extra = detailOf(w, cls, mapped.effect, behaviours, approximated)
  if (!extra) return
  ids.forEach((elementId, i) => {
    if (w.steps.length > MAX_STEPS) return
    w.steps.push({
      id: w.ctx.id('b'),
      elementId,
      ...(paragraph !== undefined ? { paragraph } : {}),
      class: CLASS_OF[cls],
      effect: mapped.effect,
      ...(mapped.direction ? { direction: mapped.direction } : {}),
      // A group's children move together: the first carries the step's start, the rest go with it.
      start: i === 0 ? start : 'with',
      delay: i === 0 ? delay : 0,
      duration: durationOf(cTn, behaviours),
      ...extra,
      ...(trigger ? { trigger } : {}),
      ...(approximated.length ? { approximated: approximated.join('；').slice(0, 500) } : {})
    })
  })
}

function partOf(w: Walk, approximated: string[], zh: string, en: string): void {
  approximated.push(zh)
  note(w, `part:${zh}`, `${zh}的动画改为整个对象的动画。`, `An animation of ${en} now plays on the whole object.`)
}

function clampMs(v: number): number {
  return Number.isFinite(v) ? Math.min(600_000, Math.max(0, Math.round(v))) : 0
}

/** The effect's length: its longest behaviour, not counting the 1 ms visibility switch. */
function durationOf(cTn: XNode, behaviours: readonly XNode[]): number {
  const own = numAttr(cTn, 'dur')
  if (own !== undefined && own > 1) return clampMs(own)
  let longest = 0
  for (const b of behaviours) {
    const tn = child(child(b, 'p:cBhvr'), 'p:cTn')
    const d = numAttr(tn, 'dur')
    // autoRev plays the behaviour forward and back (a pulse): twice its dur.
    if (d !== undefined && d > 1) longest = Math.max(longest, attr(tn, 'autoRev') === '1' ? d * 2 : d)
  }
  return longest ? clampMs(longest) : 500
}

/** Scale, colour or path of an emphasis or motion step; undefined when the step cannot be played. */
function detailOf(
  w: Walk,
  cls: PresetClass,
  effect: BuildEffect,
  behaviours: readonly XNode[],
  approximated: string[]
): Partial<Pick<BuildStep, 'scale' | 'color' | 'path'>> | undefined {
  if (cls === 'emph') {
    const scale = behaviours.find((b) => b.name === 'p:animScale')
    const by = numAttr(child(scale, 'p:by'), 'x')
    const clr = behaviours.find((b) => b.name === 'p:animClr')
    const color = colorOf(child(clr, 'p:to'), w.t.theme)
    return {
      ...(effect === 'grow' && by !== undefined && by > 0 && by <= 2_000_000
        ? { scale: Math.round(by / 1000) / 100 }
        : {}),
      ...(effect === 'color' && color ? { color: color.slice(0, 7) } : {})
    }
  }
  if (cls === 'path') {
    const motion = behaviours.find((b) => b.name === 'p:animMotion')
    const p = lineOf(attr(motion, 'path'))
    if (!p) {
      w.broken = true
      return undefined
    }
    if (p.curved) {
      approximated.push('曲线路径')
      note(w, 'curve', '曲线或多段动作路径改为直线路径。', 'A curved or multi-part motion path became a straight line.')
    }
    const r = (v: number) => Math.round(v * 100) / 100
    return { path: { dx: r(p.x * w.t.width), dy: r(p.y * w.t.height) } }
  }
  return {}
}

/** Where a path ("M 0 0 L 0.25 0.1 E", fractions of the slide) ends, and whether it was more than a line. */
function lineOf(d: string | undefined): { x: number; y: number; curved: boolean } | undefined {
  if (!d || d.length > 20_000) return undefined
  const nums = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? []
  if (nums.length < 2 || nums.length % 2) return undefined
  const [x0, y0] = [nums[0]!, nums[1]!]
  const x = nums[nums.length - 2]! - x0
  const y = nums[nums.length - 1]! - y0
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 100 || Math.abs(y) > 100) return undefined
  return { x, y, curved: nums.length > 4 || /[CQAZ]/i.test(d.replace(/E\s*$/i, '')) }
}

/**
 * Walk a slide's shape tree one top-level shape at a time, noting which elements each shape became,
 * so steps can find their targets (PowerPoint animates top-level shapes only; a group as a whole).
 */
export function walkRecordingIds(
  tree: XNode,
  walk: (sub: XNode) => void,
  out: readonly Element[]
): Map<string, string[]> {
  const ids = new Map<string, string[]>()
  for (const n of tree.children) {
    const before = out.length
    walk({ ...tree, children: [n] })
    if (out.length === before) continue
    const spid = attr(cNvPrOf(n), 'id')
    if (spid !== undefined && !ids.has(spid))
      ids.set(
        spid,
        out.slice(before).map((e) => e.id)
      )
  }
  return ids
}

function cNvPrOf(n: XNode): XNode | undefined {
  // mc:AlternateContent wraps the shape (and its fallback) one level down.
  const shape = n.name === 'mc:AlternateContent' ? (child(n, 'mc:Fallback') ?? child(n, 'mc:Choice'))?.children[0] : n
  return child(
    shape?.children.find((c) => c.name.startsWith('p:nv')),
    'p:cNvPr'
  )
}

/**
 * The slide without its p:timing, for a slide whose XML fails to parse (a timeline nested past the
 * parser's depth limit, say): its shapes are still good. Undefined when the fault is elsewhere.
 */
export function slideWithoutTiming(ctx: PptxContext, part: string): XNode | undefined {
  const text = ctx.pkg.zip.text(part)
  const start = text.search(/<(\w+:)?timing[\s>]/)
  const close = /<\/(\w+:)?timing>/g
  let end = -1
  for (let m = close.exec(text); m; m = close.exec(text)) end = m.index + m[0].length
  if (start < 0 || end < start) return undefined
  let root: XNode
  try {
    root = parseXml(text.slice(0, start) + text.slice(end))
  } catch {
    return undefined
  }
  ctx.approx('animation', ...MALFORMED)
  return root
}
