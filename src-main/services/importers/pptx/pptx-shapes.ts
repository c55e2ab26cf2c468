/**
 * A slide's shape tree (p:spTree) → our elements. Groups are flattened: each child keeps its place
 * on the slide through the group's child-space transform. What we cannot draw becomes a labelled
 * placeholder and an entry in the import report.
 */
import type { Element, Paragraph, ShapeKind } from '../../../../src-shared/courseware'
import { attr, boolAttr, child, numAttr, path, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import { readChart, reportUnreadChart, walkChartAlternate } from './pptx-chart'
import { themeEffect, type PptxContext } from './pptx-context'
import { readParagraphs, type TextEnv } from './pptx-text'
import { estimateTextHeight, readBodyPr, type BodyProps } from './pptx-body'
import { readOle, readSmartArt } from './pptx-graphic'
import { readTable } from './pptx-table'
import { readMathAlternate } from './pptx-math'
import { patternColor, readEffects, readGradient, readLineStyle } from './pptx-effects'

/** Child EMU → slide EMU, per axis: X = ax·x + bx. */
export interface Affine {
  ax: number
  bx: number
  ay: number
  by: number
}
export const IDENTITY: Affine = { ax: 1, bx: 0, ay: 1, by: 0 }

export interface Frame {
  x: number
  y: number
  w: number
  h: number
  rotation: number
  flipH: boolean
  flipV: boolean
}

export interface PlaceholderInfo {
  type: string
  idx: string | undefined
}

/** What a slide's shapes need from their surroundings. */
export interface TreeEnv {
  ctx: PptxContext
  /** The part the shapes live in (for relationships). */
  part: string
  theme: Map<string, string>
  /** Placeholders from layout and master, for position and text style inheritance. */
  inheritPh: (ph: PlaceholderInfo) => { xfrm?: XNode; lstStyles: XNode[]; masterStyle?: XNode }
  /** Skip placeholders entirely (used for layout and master decorations). */
  skipPlaceholders: boolean
  slideLink?: (rId: string) => string | undefined
}

const PRESET_KIND: Record<string, ShapeKind> = {
  rect: 'rectangle',
  roundRect: 'rounded',
  snipRoundRect: 'rounded',
  round1Rect: 'rounded',
  round2SameRect: 'rounded',
  ellipse: 'ellipse',
  circle: 'ellipse',
  line: 'line',
  straightConnector1: 'line',
  triangle: 'triangle',
  rtTriangle: 'triangle',
  star4: 'star',
  star5: 'star',
  star6: 'star',
  star7: 'star',
  star8: 'star',
  star10: 'star',
  star12: 'star',
  star16: 'star',
  star24: 'star',
  star32: 'star',
  rightArrow: 'arrow',
  leftArrow: 'arrow',
  upArrow: 'arrow',
  downArrow: 'arrow',
  leftRightArrow: 'arrow',
  upDownArrow: 'arrow',
  notchedRightArrow: 'arrow',
  stripedRightArrow: 'arrow',
  bentConnector2: 'line',
  bentConnector3: 'line',
  curvedConnector3: 'line'
}

export function phInfo(n: XNode): PlaceholderInfo | undefined {
  const nv = n.children.find((c) => c.name.startsWith('p:nv'))
  const ph = path(nv, 'p:nvPr', 'p:ph')
  if (!ph) return undefined
  return { type: attr(ph, 'type') ?? 'body', idx: attr(ph, 'idx') }
}

export function readXfrm(x: XNode | undefined): Frame | undefined {
  const off = child(x, 'a:off')
  const ext = child(x, 'a:ext')
  if (!off || !ext) return undefined
  return {
    x: numAttr(off, 'x') ?? 0,
    y: numAttr(off, 'y') ?? 0,
    w: numAttr(ext, 'cx') ?? 0,
    h: numAttr(ext, 'cy') ?? 0,
    rotation: (numAttr(x, 'rot') ?? 0) / 60000,
    flipH: boolAttr(x, 'flipH') ?? false,
    flipV: boolAttr(x, 'flipV') ?? false
  }
}

export function toSlide(f: Frame, t: Affine, ctx: PptxContext): Frame {
  const r = (v: number) => Math.round(v * 100) / 100
  return {
    ...f,
    x: r((t.ax * f.x + t.bx) * ctx.sx),
    y: r((t.ay * f.y + t.by) * ctx.sy),
    w: r(Math.abs(t.ax * f.w * ctx.sx)),
    h: r(Math.abs(t.ay * f.h * ctx.sy))
  }
}

function base(id: string, f: Frame) {
  return { id, x: f.x, y: f.y, w: f.w, h: f.h, rotation: f.rotation, opacity: 1, locked: false }
}

function nameOf(n: XNode): string {
  const nv = n.children.find((c) => c.name.startsWith('p:nv'))
  return attr(child(nv, 'p:cNvPr'), 'name') ?? ''
}

export function walkTree(tree: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  for (const n of tree.children) {
    switch (n.name) {
      case 'p:sp':
        readSp(n, t, env, out)
        break
      case 'p:cxnSp':
        readConnector(n, t, env, out)
        break
      case 'p:pic':
        readPic(n, t, env, out)
        break
      case 'p:graphicFrame':
        readGraphicFrame(n, t, env, out)
        break
      case 'p:grpSp':
        readGroup(n, t, env, out)
        break
      case 'mc:AlternateContent': {
        if (readMathAlternate(n, t, env, out)) break
        if (walkChartAlternate(n, (choice) => walkTree(choice, t, env, out), out, env)) break
        const pick = child(n, 'mc:Fallback') ?? child(n, 'mc:Choice')
        if (pick) walkTree(pick, t, env, out)
        break
      }
      case 'p:contentPart':
        env.ctx.approx('content', '一段墨迹或嵌入内容未能导入。', 'An ink or embedded content part was not imported.')
        break
      default:
        break
    }
  }
}

function readGroup(n: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  const x = path(n, 'p:grpSpPr', 'a:xfrm')
  const off = child(x, 'a:off')
  const ext = child(x, 'a:ext')
  const chOff = child(x, 'a:chOff')
  const chExt = child(x, 'a:chExt')
  const sx = (numAttr(chExt, 'cx') ?? 0) > 0 ? (numAttr(ext, 'cx') ?? 0) / numAttr(chExt, 'cx')! : 1
  const sy = (numAttr(chExt, 'cy') ?? 0) > 0 ? (numAttr(ext, 'cy') ?? 0) / numAttr(chExt, 'cy')! : 1
  // child → group's parent: X = off + (x − chOff)·s, then the parent's own transform.
  const gx = { a: sx, b: (numAttr(off, 'x') ?? 0) - (numAttr(chOff, 'x') ?? 0) * sx }
  const gy = { a: sy, b: (numAttr(off, 'y') ?? 0) - (numAttr(chOff, 'y') ?? 0) * sy }
  const inner: Affine = { ax: t.ax * gx.a, bx: t.ax * gx.b + t.bx, ay: t.ay * gy.a, by: t.ay * gy.b + t.by }
  if ((numAttr(x, 'rot') ?? 0) !== 0)
    env.ctx.approx(
      'layout',
      '旋转的组合已展开，组内元素未随组旋转。',
      'A rotated group was flattened without its rotation.'
    )
  walkTree(n, inner, env, out)
}

function fillOf(
  spPr: XNode | undefined,
  style: XNode | undefined,
  theme: Map<string, string>,
  ctx: PptxContext
): string | undefined | null {
  if (child(spPr, 'a:noFill')) return null
  const solid = child(spPr, 'a:solidFill')
  if (solid) return colorOf(solid, theme)
  const grad = child(spPr, 'a:gradFill')
  if (grad) {
    // The first stop is the solid colour where a gradient cannot be drawn (export, thumbnails of old builds).
    if (!readGradient(grad, theme)) ctx.approx('shape', '渐变填充改为单色。', 'A gradient fill became a solid colour.')
    return colorOf(path(grad, 'a:gsLst', 'a:gs'), theme)
  }
  const patt = child(spPr, 'a:pattFill')
  if (patt) {
    ctx.approx(
      'shape',
      '图案填充以两种颜色的混合色近似显示。',
      'A pattern fill is approximated by the mix of its colours.'
    )
    return patternColor(patt, theme)
  }
  if (child(spPr, 'a:blipFill')) {
    ctx.approx('shape', '形状的图片填充未导入。', 'A picture fill of a shape was not imported.')
    return null
  }
  if (child(spPr, 'a:grpFill')) return null
  const ref = child(style, 'a:fillRef')
  if (ref && (numAttr(ref, 'idx') ?? 0) > 0) return colorOf(ref, theme)
  return undefined
}

function lineOf(spPr: XNode | undefined, style: XNode | undefined, theme: Map<string, string>, ctx: PptxContext) {
  const ln = child(spPr, 'a:ln')
  const ref = child(style, 'a:lnRef')
  const width = numAttr(ln, 'w')
  const strokeWidth = width !== undefined ? Math.max(0, Math.round(width * ctx.sy * 100) / 100) : 1
  if (child(ln, 'a:noFill')) return { stroke: undefined, strokeWidth, ln }
  const stroke =
    colorOf(child(ln, 'a:solidFill'), theme) ??
    (ref && (numAttr(ref, 'idx') ?? 0) > 0 ? colorOf(ref, theme) : undefined)
  return { stroke, strokeWidth, ln }
}

function textEnvFor(env: TreeEnv, ph: PlaceholderInfo | undefined): { text: TextEnv; xfrm?: XNode } {
  if (!ph) return { text: { theme: env.theme, fontScale: env.ctx.fontScale, styles: [], slideLink: env.slideLink } }
  const inh = env.inheritPh(ph)
  return {
    text: {
      theme: env.theme,
      fontScale: env.ctx.fontScale,
      styles: [...inh.lstStyles, inh.masterStyle],
      slideLink: env.slideLink
    },
    xfrm: inh.xfrm
  }
}

function readSp(n: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  const ph = phInfo(n)
  if (ph && env.skipPlaceholders) return
  const spPr = child(n, 'p:spPr')
  const { text, xfrm: inheritedXfrm } = textEnvFor(env, ph)
  const f0 = readXfrm(child(spPr, 'a:xfrm')) ?? readXfrm(inheritedXfrm)
  if (!f0) return
  const f = toSlide(f0, t, env.ctx)
  const txBody = child(n, 'p:txBody')
  const style = child(n, 'p:style')
  const body = readBodyPr(child(txBody, 'a:bodyPr'), env.ctx.sx, env.ctx.sy)
  const fontRefColor = colorOf(child(style, 'a:fontRef'), env.theme)
  const paragraphs = readParagraphs(txBody, {
    ...text,
    ...(fontRefColor ? { fontRefColor } : {}),
    ...(body.autofit ? { autofit: body.autofit } : {}),
    emuX: env.ctx.sx
  })
  const hasText = paragraphs.some((p) => p.runs.some((r) => r.text.trim()))
  // An empty placeholder shows "Click to add…" only while editing; in a show it is invisible.
  if (ph && !hasText) return
  if (hasText) reportOverflow(paragraphs, f, body, nameOf(n), env.ctx)
  const prst = attr(child(spPr, 'a:prstGeom'), 'prst')
  const custom = !!child(spPr, 'a:custGeom')
  const fill = fillOf(spPr, style, env.theme, env.ctx)
  const line = lineOf(spPr, style, env.theme, env.ctx)
  const bodyPr = child(txBody, 'a:bodyPr')
  const anchor = attr(bodyPr, 'anchor')
  const verticalAlign = anchor === 'ctr' ? 'middle' : anchor === 'b' ? 'bottom' : 'top'
  const autoFit = !!child(bodyPr, 'a:normAutofit')
  const visibleShape = (fill !== undefined && fill !== null) || line.stroke !== undefined
  if (!custom && (!prst || prst === 'rect') && !visibleShape) {
    if (!hasText) return
    out.push({ type: 'text', ...base(env.ctx.id('t'), f), paragraphs, verticalAlign, autoFit, ...body.layout })
    return
  }
  let kind: ShapeKind = prst ? (PRESET_KIND[prst] ?? 'rectangle') : 'rectangle'
  const approximated = custom ? 'freeform' : prst && !PRESET_KIND[prst] ? `preset ${prst}` : undefined
  if (custom)
    env.ctx.approx('freeform', `自由曲线“${nameOf(n)}”以矩形显示。`, `Freeform "${nameOf(n)}" is shown as a rectangle.`)
  else if (approximated) env.ctx.approx('shape', `形状 ${prst} 以矩形显示。`, `Shape ${prst} is shown as a rectangle.`)
  if (kind === 'line' && hasArrowHead(line.ln)) kind = 'arrow'
  const gradient = readGradient(child(spPr, 'a:gradFill'), env.theme)
  out.push({
    type: 'shape',
    ...base(env.ctx.id('s'), f),
    kind,
    ...(gradient ? { gradient } : {}),
    // The shape's own effects, else those its style names from the theme (Office 2007 themes' shadows).
    ...readEffects(
      child(spPr, 'a:effectLst') ? spPr : themeEffect(env.theme, child(style, 'a:effectRef')),
      env.theme,
      env.ctx.sy,
      env.ctx
    ),
    ...readLineStyle(line.ln, env.ctx),
    ...(fill ? { fill } : {}),
    ...(line.stroke ? { stroke: line.stroke } : {}),
    strokeWidth: line.strokeWidth,
    flipH: f.flipH,
    flipV: f.flipV,
    paragraphs,
    verticalAlign: anchor ? verticalAlign : 'middle',
    ...(paragraphs.length ? body.layout : {}),
    ...(approximated ? { approximated } : {})
  })
}

/**
 * Text that still runs past its box is drawn in full (the renderer never clips it); the report says
 * where, so a teacher can look. A growing box (spAutoFit), unwrapped lines and vertical text are not judged.
 */
function reportOverflow(paragraphs: Paragraph[], f: Frame, body: BodyProps, name: string, ctx: PptxContext): void {
  const { insets, autoGrow, wrap, vertical } = body.layout
  if (autoGrow || wrap === false || vertical) return
  const w = f.w - (insets?.l ?? 0) - (insets?.r ?? 0)
  const h = f.h - (insets?.t ?? 0) - (insets?.b ?? 0)
  const columns = body.layout.columns ?? 1
  const need = estimateTextHeight(paragraphs, w / columns, 18) / columns
  if (w <= 0 || need <= Math.max(h, 1) * 1.2 + 12) return
  ctx.approx(
    'text',
    `文字超出文本框“${name}”，超出部分显示在框外。`,
    `Text runs past its box "${name}"; the overflow is shown outside the box.`
  )
}

const PIC_GEOMETRY: Record<string, 'ellipse' | 'rounded' | 'triangle'> = {
  ellipse: 'ellipse',
  roundRect: 'rounded',
  round2SameRect: 'rounded',
  snipRoundRect: 'rounded',
  triangle: 'triangle'
}

/** A picture cropped to a shape (p:pic's prstGeom): ellipse, rounded rectangle, triangle. */
function pictureGeometry(spPr: XNode | undefined, name: string, ctx: PptxContext) {
  const prst = attr(child(spPr, 'a:prstGeom'), 'prst') ?? 'rect'
  if (prst === 'rect') return {}
  const geometry = PIC_GEOMETRY[prst]
  if (geometry) return { geometry }
  ctx.approx(
    'image',
    `图片“${name}”的形状（${prst}）以矩形显示。`,
    `Picture "${name}" is shown as a rectangle, not a ${prst}.`
  )
  return {}
}

function hasArrowHead(ln: XNode | undefined): boolean {
  return [child(ln, 'a:headEnd'), child(ln, 'a:tailEnd')].some((e) => e && (attr(e, 'type') ?? 'none') !== 'none')
}

function readConnector(n: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  const spPr = child(n, 'p:spPr')
  const f0 = readXfrm(child(spPr, 'a:xfrm'))
  if (!f0) return
  const f = toSlide(f0, t, env.ctx)
  const line = lineOf(spPr, child(n, 'p:style'), env.theme, env.ctx)
  const prst = attr(child(spPr, 'a:prstGeom'), 'prst') ?? 'line'
  if (prst.startsWith('bent') || prst.startsWith('curved'))
    env.ctx.approx('shape', `折线/曲线连接线以直线显示。`, `An elbow or curved connector is shown as a straight line.`)
  out.push({
    type: 'shape',
    ...base(env.ctx.id('c'), f),
    kind: hasArrowHead(line.ln) ? 'arrow' : 'line',
    ...readLineStyle(line.ln, env.ctx),
    ...readEffects(spPr, env.theme, env.ctx.sy, env.ctx),
    stroke: line.stroke ?? '#000000',
    strokeWidth: line.strokeWidth,
    flipH: f.flipH,
    flipV: f.flipV,
    paragraphs: [],
    verticalAlign: 'middle'
  })
}

function readPic(n: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  if (phInfo(n) && env.skipPlaceholders) return
  const spPr = child(n, 'p:spPr')
  const f0 =
    readXfrm(child(spPr, 'a:xfrm')) ?? readXfrm(env.inheritPh(phInfo(n) ?? { type: 'pic', idx: undefined }).xfrm)
  if (!f0) return
  const f = toSlide(f0, t, env.ctx)
  const nvPr = path(n, 'p:nvPicPr', 'p:nvPr')
  const blip = path(n, 'p:blipFill', 'a:blip')
  const poster = env.ctx.mediaFor(env.part, attr(blip, 'r:embed'))
  const video = child(nvPr, 'a:videoFile')
  const audio = child(nvPr, 'a:audioFile')
  if (video || audio) {
    const mediaExt = path(nvPr, 'p:extLst', 'p:ext', 'p14:media')
    const media =
      env.ctx.mediaFor(env.part, attr(mediaExt, 'r:embed')) ??
      env.ctx.mediaFor(env.part, attr(video ?? audio, 'r:link'))
    if (media) {
      if (video)
        out.push({
          type: 'video',
          ...base(env.ctx.id('v'), f),
          media,
          autoplay: false,
          loop: false,
          ...(poster ? { poster } : {})
        })
      else out.push({ type: 'audio', ...base(env.ctx.id('a'), f), media, autoplay: false, loop: false })
      return
    }
    env.ctx.approx(
      'media',
      `链接的外部${video ? '视频' : '音频'}未导入，以占位框代替。`,
      `A linked external ${video ? 'video' : 'audio'} was not imported; a placeholder stands in.`
    )
    out.push({
      type: 'placeholder',
      ...base(env.ctx.id('p'), f),
      label: video ? '视频（外部链接）' : '音频（外部链接）',
      source: 'media',
      ...(poster ? { preview: poster } : {})
    })
    return
  }
  if (!poster) {
    env.ctx.approx(
      'image',
      `图片“${nameOf(n)}”缺失或为外部链接，以占位框代替。`,
      `Picture "${nameOf(n)}" is missing or linked externally; a placeholder stands in.`
    )
    out.push({ type: 'placeholder', ...base(env.ctx.id('p'), f), label: `图片：${nameOf(n)}`, source: 'other' })
    return
  }
  const src = path(n, 'p:blipFill', 'a:srcRect')
  const c = (k: string) => Math.max(0, (numAttr(src, k) ?? 0) / 100000)
  let crop = src ? { left: c('l'), top: c('t'), right: c('r'), bottom: c('b') } : undefined
  if (crop && crop.left + crop.right >= 1) crop = undefined
  if (crop && crop.top + crop.bottom >= 1) crop = undefined
  if (crop && !crop.left && !crop.top && !crop.right && !crop.bottom) crop = undefined
  if (src && ['l', 't', 'r', 'b'].some((k) => (numAttr(src, k) ?? 0) < 0)) {
    env.ctx.approx('image', '图片的外扩裁剪（负值）被忽略。', 'A negative (outset) crop was ignored.')
  }
  if (poster.ext === 'emf' || poster.ext === 'wmf' || poster.ext === 'tif') {
    env.ctx.approx(
      'image',
      `图片格式 ${poster.ext.toUpperCase()} 在部分设备上无法显示。`,
      `${poster.ext.toUpperCase()} pictures may not display on every device.`
    )
  }
  const alt = attr(path(n, 'p:nvPicPr', 'p:cNvPr'), 'descr') ?? ''
  const { shadow } = readEffects(spPr, env.theme, env.ctx.sy, env.ctx)
  out.push({
    type: 'image',
    ...base(env.ctx.id('i'), f),
    media: poster,
    ...(crop ? { crop } : {}),
    ...pictureGeometry(spPr, nameOf(n), env.ctx),
    ...(shadow ? { shadow } : {}),
    alt,
    flipH: f.flipH,
    flipV: f.flipV
  })
}

function readGraphicFrame(n: XNode, t: Affine, env: TreeEnv, out: Element[]): void {
  const f0 = readXfrm(child(n, 'p:xfrm')) ?? readXfrm(env.inheritPh(phInfo(n) ?? { type: 'obj', idx: undefined }).xfrm)
  if (!f0) return
  const f = toSlide(f0, t, env.ctx)
  const data = path(n, 'a:graphic', 'a:graphicData')
  const uri = attr(data, 'uri') ?? ''
  const name = nameOf(n)
  if (uri.endsWith('/diagram')) return readSmartArt(n, f0, t, env, out, walkTree, f)
  if (uri.endsWith('/ole')) return readOle(n, f, env, out)
  if (uri.endsWith('/table')) {
    readTable(child(data, 'a:tbl'), f, env, out)
    return
  }
  let source: 'chart' | 'smartart' | 'ole' | 'other' = 'other'
  let label = `无法导入的内容：${name}`
  let preview
  if (uri.endsWith('/chart') && data) {
    const chart = readChart(data, base(env.ctx.id('ch'), f), name, env)
    if (chart.ok) {
      out.push(chart.element)
      return
    }
    source = 'chart'
    label = `图表：${name}`
    reportUnreadChart(chart, name, env.ctx)
  } else if (uri.includes('/chart')) {
    source = 'chart'
    label = `图表：${name}`
    env.ctx.approx(
      'chart',
      `图表“${name}”以占位框代替（请在 PowerPoint 中截图后插入）。`,
      `Chart "${name}" became a placeholder (insert a picture of it instead).`
    )
  } else {
    env.ctx.approx('content', `未知内容“${name}”以占位框代替。`, `Unknown content "${name}" became a placeholder.`)
  }
  out.push({ type: 'placeholder', ...base(env.ctx.id('p'), f), label, source, ...(preview ? { preview } : {}) })
}
