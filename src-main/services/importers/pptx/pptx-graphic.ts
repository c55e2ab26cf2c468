/**
 * Graphic frames that are not tables or charts: SmartArt, drawn from the fallback drawing PowerPoint
 * saves beside the diagram's data (ppt/diagrams/drawingN.xml, the same shapes it shows), and OLE
 * objects, shown as the preview picture saved with them. LibreOffice's oox import reads SmartArt the
 * same way (oox/source/drawingml/diagram: the "drawing" fallback is preferred when present).
 */
import type { Element, Paragraph } from '../../../../src-shared/courseware'
import { attr, child, path, type XNode } from '../xml'
import type { Affine, Frame, TreeEnv } from './pptx-shapes'
import { readParagraphs } from './pptx-text'

type Walk = (tree: XNode, t: Affine, env: TreeEnv, out: Element[]) => void

/** dsp:* (the diagram drawing's namespace) read as the p:* a slide's shape tree uses. */
function asSlideTree(n: XNode): XNode {
  const name = n.name.startsWith('dsp:') ? `p:${n.name.slice(4)}` : n.name
  return { name, attrs: n.attrs, text: n.text, children: n.children.map(asSlideTree) }
}

/**
 * PowerPoint lays a SmartArt shape's text in its own rectangle (dsp:txXfrm), which for arrows,
 * chevrons and circles is not the shape's. Such a shape becomes the shape without text and a text box.
 */
function splitText(tree: XNode): XNode {
  const kids: XNode[] = []
  for (const c of tree.children) {
    if (c.name === 'p:grpSp') {
      kids.push(splitText(c))
      continue
    }
    const tx = child(c, 'p:txXfrm')
    const body = child(c, 'p:txBody')
    const xf = path(c, 'p:spPr', 'a:xfrm')
    if (c.name !== 'p:sp' || !tx || !body || sameRect(tx, xf)) {
      kids.push(c)
      continue
    }
    kids.push({ ...c, children: c.children.filter((k) => k !== body) })
    const rect: XNode = { name: 'a:xfrm', attrs: {}, text: '', children: tx.children }
    const spPr: XNode = { name: 'p:spPr', attrs: {}, text: '', children: [rect] }
    const style = child(c, 'p:style')
    kids.push({
      name: 'p:sp',
      attrs: {},
      text: '',
      children: [child(c, 'p:nvSpPr'), spPr, ...(style ? [stripFills(style)] : []), body].filter((k): k is XNode => !!k)
    })
  }
  return { ...tree, children: kids }
}

/** The text box keeps the shape style's font colour, not its fill or outline. */
function stripFills(style: XNode): XNode {
  return { ...style, children: style.children.filter((k) => k.name === 'a:fontRef') }
}

function sameRect(a: XNode, b: XNode | undefined): boolean {
  const key = (x: XNode | undefined) =>
    ['a:off', 'a:ext'].map((k) => JSON.stringify(child(x, k)?.attrs ?? {})).join('|')
  return !!b && key(a) === key(b)
}

/** The drawing part of a diagram: named by the data part's dsp:dataModelExt, else the slide's only drawing. */
function drawingPart(data: XNode, env: TreeEnv): string | undefined {
  const pkg = env.ctx.pkg
  const rels = pkg.rels(env.part)
  const dm = rels.get(attr(child(data, 'dgm:relIds'), 'r:dm') ?? '')
  let drawingId: string | undefined
  if (dm && !dm.external && pkg.has(dm.target)) {
    const ext = findNamed(pkg.xml(dm.target), 'dsp:dataModelExt')
    drawingId = attr(ext, 'relId')
  }
  const byId = drawingId ? rels.get(drawingId) : undefined
  if (byId && !byId.external && pkg.has(byId.target)) return byId.target
  const drawings = [...rels.values()].filter((r) => r.type.endsWith('/diagramDrawing') && !r.external)
  return drawings.length === 1 && pkg.has(drawings[0]!.target) ? drawings[0]!.target : undefined
}

function findNamed(n: XNode, name: string): XNode | undefined {
  if (n.name === name) return n
  for (const c of n.children) {
    const f = findNamed(c, name)
    if (f) return f
  }
  return undefined
}

/** The text of a diagram's data points (what a teacher typed into the SmartArt), one paragraph each. */
function dataText(data: XNode, env: TreeEnv): Paragraph[] {
  const rel = env.ctx.pkg.rels(env.part).get(attr(child(data, 'dgm:relIds'), 'r:dm') ?? '')
  if (!rel || rel.external || !env.ctx.pkg.has(rel.target)) return []
  const out: Paragraph[] = []
  for (const pt of child(env.ctx.pkg.xml(rel.target), 'dgm:ptLst')?.children ?? []) {
    const type = attr(pt, 'type') ?? 'node'
    if (type !== 'node') continue
    const paras = readParagraphs(child(pt, 'dgm:t'), { theme: env.theme, fontScale: env.ctx.fontScale, styles: [] })
    out.push(...paras.filter((p) => p.runs.some((r) => r.text.trim())))
  }
  return out
}

/**
 * SmartArt: its fallback drawing's shapes, placed in the frame (drawing coordinates start at the
 * frame's top-left). Without a drawing its typed text is kept in a text box over the frame.
 */
export function readSmartArt(
  frame: XNode,
  f0: Frame,
  t: Affine,
  env: TreeEnv,
  out: Element[],
  walk: Walk,
  slideFrame: Frame
): void {
  const data = path(frame, 'a:graphic', 'a:graphicData')
  const name = attr(path(frame, 'p:nvGraphicFramePr', 'p:cNvPr'), 'name') ?? ''
  const part = data ? drawingPart(data, env) : undefined
  const tree = part ? child(env.ctx.pkg.xml(part), 'dsp:spTree') : undefined
  if (tree) {
    const inner: Affine = { ax: t.ax, bx: t.ax * f0.x + t.bx, ay: t.ay, by: t.ay * f0.y + t.by }
    walk(splitText(asSlideTree(tree)), inner, { ...env, part: part!, skipPlaceholders: false }, out)
    env.ctx.approx(
      'smartart',
      `SmartArt“${name}”已按 PowerPoint 保存的图形导入为一组形状，不能再作为 SmartArt 编辑。`,
      `SmartArt "${name}" was imported as the shapes PowerPoint saved for it; it is no longer editable as SmartArt.`
    )
    return
  }
  const paragraphs = data ? dataText(data, env) : []
  if (paragraphs.length) {
    out.push({
      type: 'text',
      id: env.ctx.id('t'),
      x: slideFrame.x,
      y: slideFrame.y,
      w: slideFrame.w,
      h: slideFrame.h,
      rotation: 0,
      opacity: 1,
      locked: false,
      paragraphs,
      verticalAlign: 'middle',
      autoFit: false,
      approximated: 'smartart'
    })
    env.ctx.approx(
      'smartart',
      `SmartArt“${name}”没有保存图形，只导入了其中的文字。`,
      `SmartArt "${name}" has no saved drawing; only its text was imported.`
    )
    return
  }
  out.push({
    type: 'placeholder',
    id: env.ctx.id('p'),
    x: slideFrame.x,
    y: slideFrame.y,
    w: slideFrame.w,
    h: slideFrame.h,
    rotation: 0,
    opacity: 1,
    locked: false,
    label: `SmartArt：${name}`,
    source: 'smartart'
  })
  env.ctx.approx('smartart', `SmartArt“${name}”以占位框代替。`, `SmartArt "${name}" became a placeholder.`)
}

/** Preview formats every surface (Chromium, the tablets' browsers) can draw. */
const DRAWABLE = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp'])

/**
 * An OLE object: its preview picture (p:oleObj/p:pic, or the picture in mc:Fallback) as an image.
 * EMF and WMF previews cannot be drawn by a browser: the object stays a labelled placeholder that
 * keeps the preview (PowerPoint export writes it back) and the report says so.
 */
export function readOle(frame: XNode, slideFrame: Frame, env: TreeEnv, out: Element[]): void {
  const data = path(frame, 'a:graphic', 'a:graphicData')
  const name = attr(path(frame, 'p:nvGraphicFramePr', 'p:cNvPr'), 'name') ?? ''
  const pics = data ? findAll(data, 'p:pic') : []
  const ole = data ? findNamed(data, 'p:oleObj') : undefined
  const previews = pics
    .map((p) => env.ctx.mediaFor(env.part, attr(path(p, 'p:blipFill', 'a:blip'), 'r:embed')))
    .filter((m) => !!m)
  if (!previews.length) {
    const legacy = vmlPreview(attr(ole, 'spid'), env)
    if (legacy) previews.push(legacy)
  }
  const preview = previews.find((m) => DRAWABLE.has(m.ext)) ?? previews[0]
  const prog = attr(ole, 'progId') ?? name
  const what = prog || name
  const base = {
    id: env.ctx.id(preview && DRAWABLE.has(preview.ext) ? 'i' : 'p'),
    x: slideFrame.x,
    y: slideFrame.y,
    w: slideFrame.w,
    h: slideFrame.h,
    rotation: 0,
    opacity: 1,
    locked: false
  }
  if (preview && DRAWABLE.has(preview.ext)) {
    out.push({ type: 'image', ...base, media: preview, alt: `嵌入对象：${what}`, flipH: false, flipV: false })
    env.ctx.approx(
      'ole',
      `嵌入对象“${what}”以其预览图显示，不能在这里打开编辑。`,
      `Embedded object "${what}" is shown as its preview picture; it cannot be opened for editing here.`
    )
    return
  }
  out.push({ type: 'placeholder', ...base, label: `嵌入对象：${what}`, source: 'ole', ...(preview ? { preview } : {}) })
  env.ctx.approx(
    'ole',
    preview
      ? `嵌入对象“${what}”的预览图是 ${preview.ext.toUpperCase()} 格式，无法显示，以占位框代替（导出时保留预览图）。`
      : `嵌入对象“${what}”没有预览图，以占位框代替。`,
    preview
      ? `Embedded object "${what}" has a ${preview.ext.toUpperCase()} preview that cannot be drawn; a placeholder stands in (the preview is kept for export).`
      : `Embedded object "${what}" has no preview picture; a placeholder stands in.`
  )
}

/** PowerPoint 2007 keeps an OLE object's preview in the slide's VML drawing, on the v:shape named by spid. */
function vmlPreview(spid: string | undefined, env: TreeEnv) {
  if (!spid) return null
  const rel = env.ctx.pkg.relOfType(env.part, 'vmlDrawing')
  if (!rel || rel.external || !env.ctx.pkg.has(rel.target)) return null
  let vml: XNode
  try {
    vml = env.ctx.pkg.xml(rel.target)
  } catch {
    return null // VML is often not well-formed XML; the object then has no preview.
  }
  const shape = findAll(vml, 'v:shape').find((v) => attr(v, 'id') === spid)
  const relid = attr(child(shape, 'v:imagedata'), 'o:relid')
  return env.ctx.mediaFor(rel.target, relid)
}

function findAll(n: XNode, name: string, acc: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (c.name === name) acc.push(c)
    else findAll(c, name, acc)
  }
  return acc
}
