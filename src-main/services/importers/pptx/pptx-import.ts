/**
 * PowerPoint (.pptx/.pptm) → deck. Written on fast-xml-parser + fflate rather than an npm PPTX
 * reader; docs/edux-format.md says why. Slides come in presentation order (p:sldIdLst).
 */
import { AppError } from '../../../../src-shared/errors'
import {
  Deck,
  SLIDE_SIZE,
  slideTitle,
  type Aspect,
  type Element,
  type Slide,
  type SlideBackground
} from '../../../../src-shared/courseware'
import { GuardedZip, DEFAULT_ZIP_LIMITS } from '../../courseware/zip-guard'
import { OpcPackage } from '../opc'
import { attr, child, children, numAttr, path, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import { PptxContext, themeColors } from './pptx-context'
import { IDENTITY, phInfo, walkTree, type PlaceholderInfo, type TreeEnv } from './pptx-shapes'
import { readParagraphs } from './pptx-text'
import { reportLosses } from './pptx-losses'
import { readTiming, slideWithoutTiming, timingOf, walkRecordingIds } from './pptx-timing'
import type { ImportResult, ImportOptions } from '../import-types'

const PPTX_LIMITS = { ...DEFAULT_ZIP_LIMITS, opaque: /^ppt\/embeddings\// }

function invalid(file: string, zh: string, en: string, extra: object = {}): AppError {
  return new AppError('FILE_INVALID', `无法导入“${file}”：${zh}`, `Cannot import "${file}": ${en}`, { file, ...extra })
}

export function importPptx(file: string, bytes: Uint8Array, opts: ImportOptions = {}): ImportResult {
  try {
    return importPptxUnguarded(file, bytes, opts)
  } catch (e) {
    if (e instanceof AppError) throw e
    // Anything else is a part we could not make sense of: refuse the file, never crash the app.
    throw invalid(
      file,
      `文件内容已损坏或格式异常（${(e as Error).message}）。`,
      `the file is damaged or malformed (${(e as Error).message}).`,
      { reason: (e as Error).message }
    )
  }
}

function importPptxUnguarded(file: string, bytes: Uint8Array, opts: ImportOptions): ImportResult {
  const started = performance.now()
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw invalid(
      file,
      '这是旧版 .ppt 文件或已加密的演示文稿。请在 PowerPoint/WPS 中另存为 .pptx（并取消密码）后再导入。',
      'it is a legacy .ppt file or a password-protected presentation. Save it as .pptx (without a password) in PowerPoint or WPS and import again.',
      { reason: 'ole2' }
    )
  }
  const pkg = new OpcPackage(GuardedZip.open(file, bytes, PPTX_LIMITS))
  const presPart = pkg.relOfType('', 'officeDocument')?.target ?? 'ppt/presentation.xml'
  if (!pkg.has(presPart))
    throw invalid(
      file,
      '文件里没有演示文稿内容，它不是 PowerPoint 文件。',
      'it has no presentation part; it is not a PowerPoint file.',
      { reason: 'no presentation part' }
    )
  let pres: XNode
  try {
    pres = pkg.xml(presPart)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw invalid(file, '演示文稿内容已损坏（XML 无法解析）。', 'the presentation part is damaged (malformed XML).', {
      reason: 'malformed xml'
    })
  }
  const sz = child(pres, 'p:sldSz')
  const srcW = numAttr(sz, 'cx') ?? 9144000
  const srcH = numAttr(sz, 'cy') ?? 6858000
  const ratio = srcW / srcH
  const aspect: Aspect = Math.abs(ratio - 16 / 9) < Math.abs(ratio - 4 / 3) ? '16:9' : '4:3'
  const size = SLIDE_SIZE[aspect]
  const ctx = new PptxContext(pkg, srcW, srcH, size.width, size.height)
  if (Math.abs(ratio - size.width / size.height) > 0.02) {
    ctx.approx(
      'layout',
      `幻灯片比例 ${ratio.toFixed(2)} 不是 16:9 或 4:3，已按 ${aspect} 拉伸。`,
      `Slide ratio ${ratio.toFixed(2)} is neither 16:9 nor 4:3; it was stretched to ${aspect}.`
    )
  }

  if (pkg.zip.names.some((n) => /vbaProject\.bin$/i.test(n))) {
    ctx.approx(
      'content',
      '演示文稿中的宏（VBA）不会被导入或运行。',
      'Macros (VBA) in the presentation are neither imported nor run.'
    )
  }
  const presRels = pkg.rels(presPart)
  const slideParts: string[] = []
  for (const s of children(child(pres, 'p:sldIdLst'), 'p:sldId')) {
    const rel = presRels.get(attr(s, 'r:id') ?? '')
    if (rel && !rel.external && pkg.has(rel.target)) slideParts.push(rel.target)
    else
      ctx.approx(
        'content',
        '演示文稿引用了一张不存在的幻灯片，已跳过。',
        'The presentation lists a slide that does not exist; it was skipped.'
      )
  }
  const slideIds = new Map(slideParts.map((p, i) => [p, `slide-${i + 1}`]))
  const defaultTextStyle = child(pres, 'p:defaultTextStyle')

  const slides: Slide[] = []
  const titles: string[] = []
  slideParts.forEach((part, i) => {
    ctx.slideNo = i + 1
    opts.onProgress?.(i, slideParts.length)
    const { slide, title } = readSlide(ctx, part, slideIds.get(part)!, slideIds, defaultTextStyle, file, size)
    slides.push(slide)
    titles.push(title)
  })
  ctx.slideNo = 0
  opts.onProgress?.(slideParts.length, slideParts.length)

  const title = opts.title ?? (titles.find((t) => t) || file.replace(/\.[^.]+$/, ''))
  const deck = Deck.parse({ id: opts.deckId ?? globalThis.crypto.randomUUID(), title, aspect, slides })
  const report = {
    file,
    format: 'pptx' as const,
    slideCount: slides.length,
    mediaCount: ctx.media.size,
    durationMs: Math.round(performance.now() - started),
    approximations: ctx.approximations,
    titles
  }
  // Kept with the deck, so the teacher can reopen it from the deck's details after saving.
  deck.importReport = report
  return { deck, media: ctx.media, report }
}

interface Layer {
  part: string
  root: XNode
}

function readSlide(
  ctx: PptxContext,
  part: string,
  id: string,
  slideIds: Map<string, string>,
  defaultTextStyle: XNode | undefined,
  file: string,
  size: { width: number; height: number }
): { slide: Slide; title: string } {
  const pkg = ctx.pkg
  let root: XNode
  try {
    root = pkg.xml(part)
  } catch (e) {
    if (e instanceof AppError) throw e
    // A timeline nested past the parser's limit should cost the slide its animations, not the file.
    const salvaged = slideWithoutTiming(ctx, part)
    if (salvaged) root = salvaged
    else
      throw invalid(
        file,
        `第 ${ctx.slideNo} 张幻灯片已损坏（XML 无法解析）。`,
        `slide ${ctx.slideNo} is damaged (malformed XML).`,
        { slide: ctx.slideNo }
      )
  }
  const layoutPart = pkg.relOfType(part, 'slideLayout')?.target
  const layout: Layer | undefined =
    layoutPart && pkg.has(layoutPart) ? { part: layoutPart, root: pkg.xml(layoutPart) } : undefined
  const masterPart =
    (layout && pkg.relOfType(layout.part, 'slideMaster')?.target) ?? pkg.relOfType(part, 'slideMaster')?.target
  const master: Layer | undefined =
    masterPart && pkg.has(masterPart) ? { part: masterPart, root: pkg.xml(masterPart) } : undefined
  const themePart = master ? pkg.relOfType(master.part, 'theme')?.target : undefined
  const theme = themeColors(themePart && pkg.has(themePart) ? pkg.xml(themePart) : undefined)

  const findPh = (layer: Layer | undefined, ph: PlaceholderInfo): XNode | undefined => {
    const tree = path(layer?.root, 'p:cSld', 'p:spTree')
    if (!tree) return undefined
    const all = tree.children.filter((c) => c.name === 'p:sp' || c.name === 'p:pic' || c.name === 'p:graphicFrame')
    const withPh = all.map((c) => [c, phInfo(c)] as const).filter(([, p]) => p)
    const sameType = (a: string, b: string) => a === b || (isTitle(a) && isTitle(b))
    return (
      (ph.idx !== undefined ? withPh.find(([, p]) => p!.idx === ph.idx)?.[0] : undefined) ??
      withPh.find(([, p]) => sameType(p!.type, ph.type))?.[0]
    )
  }
  const txStyles = child(master?.root, 'p:txStyles')
  const inheritPh = (ph: PlaceholderInfo) => {
    const fromLayout = findPh(layout, ph)
    const fromMaster =
      findPh(master, { type: ph.type, idx: undefined }) ??
      (fromLayout ? findPh(master, phInfo(fromLayout)!) : undefined)
    const xfrmOf = (n: XNode | undefined) => path(n, 'p:spPr', 'a:xfrm') ?? child(n, 'p:xfrm')
    const masterStyle = isTitle(ph.type)
      ? child(txStyles, 'p:titleStyle')
      : ph.type === 'body' || ph.type === 'obj' || ph.type === 'subTitle'
        ? child(txStyles, 'p:bodyStyle')
        : child(txStyles, 'p:otherStyle')
    const lstStyles = [fromLayout, fromMaster]
      .map((n) => path(n, 'p:txBody', 'a:lstStyle'))
      .filter((n): n is XNode => !!n)
    const xfrm = xfrmOf(fromLayout) ?? xfrmOf(fromMaster)
    return { ...(xfrm ? { xfrm } : {}), lstStyles: [...lstStyles], masterStyle: masterStyle ?? defaultTextStyle }
  }
  const slideLink = (rId: string) => {
    const rel = pkg.rels(part).get(rId)
    return rel && !rel.external ? slideIds.get(rel.target) : undefined
  }

  const elements: Element[] = []
  // Master and layout decorations (not their placeholders) are painted under the slide's own shapes.
  const showMaster = (l: XNode | undefined) => attr(l, 'showMasterSp') !== '0'
  if (showMaster(root) && (!layout || showMaster(layout.root)) && master) {
    const tree = path(master.root, 'p:cSld', 'p:spTree')
    if (tree) walkTree(tree, IDENTITY, { ctx, part: master.part, theme, inheritPh, skipPlaceholders: true }, elements)
  }
  if (showMaster(root) && layout) {
    const tree = path(layout.root, 'p:cSld', 'p:spTree')
    if (tree) walkTree(tree, IDENTITY, { ctx, part: layout.part, theme, inheritPh, skipPlaceholders: true }, elements)
  }
  const env: TreeEnv = { ctx, part, theme, inheritPh, skipPlaceholders: false, slideLink }
  const tree = path(root, 'p:cSld', 'p:spTree')
  const own: Element[] = []
  const shapeIds = tree ? walkRecordingIds(tree, (sub) => walkTree(sub, IDENTITY, env, own), own) : new Map()
  elements.push(...own)
  reportLosses(root, ctx)
  const animations = readTiming(timingOf(root), { shapeIds, elements: own, ...size, theme }, ctx)

  const background = readBackground(ctx, [{ part, root }, layout, master], theme)
  const notes = readNotes(ctx, part, theme)
  const slide: Slide = { id, elements, notes, background, ink: [], hidden: attr(root, 'show') === '0', animations }

  // The title is the title placeholder's text when there is one, else the first text on the slide.
  let title = ''
  const titleSp = tree?.children.find((c) => c.name === 'p:sp' && isTitle(phInfo(c)?.type ?? ''))
  if (titleSp) {
    title = readParagraphs(child(titleSp, 'p:txBody'), { theme, fontScale: 1, styles: [] })
      .map((p) => p.runs.map((r) => r.text).join(''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
  }
  if (!title) title = slideTitle({ ...slide, elements: own })
  return { slide, title }
}

function isTitle(type: string): boolean {
  return type === 'title' || type === 'ctrTitle'
}

function readBackground(ctx: PptxContext, layers: (Layer | undefined)[], theme: Map<string, string>): SlideBackground {
  for (const layer of layers) {
    const bg = path(layer?.root, 'p:cSld', 'p:bg')
    if (!layer || !bg) continue
    const bgPr = child(bg, 'p:bgPr')
    if (bgPr) {
      const solid = child(bgPr, 'a:solidFill')
      if (solid) {
        const color = colorOf(solid, theme)
        if (color) return { color, fit: 'cover' }
      }
      const blip = path(bgPr, 'a:blipFill', 'a:blip')
      if (blip) {
        const image = ctx.mediaFor(layer.part, attr(blip, 'r:embed'))
        if (image) return { image, fit: 'stretch' }
      }
      const grad = child(bgPr, 'a:gradFill')
      if (grad) {
        ctx.approx('background', '渐变背景改为单色。', 'A gradient background became a solid colour.')
        const color = colorOf(path(grad, 'a:gsLst', 'a:gs'), theme)
        if (color) return { color, fit: 'cover' }
      }
      if (child(bgPr, 'a:pattFill'))
        ctx.approx('background', '图案背景未导入。', 'A pattern background was not imported.')
      return { fit: 'cover' }
    }
    const ref = child(bg, 'p:bgRef')
    if (ref) {
      const color = colorOf(ref, theme)
      if (color) return { color, fit: 'cover' }
    }
  }
  return { fit: 'cover' }
}

function readNotes(ctx: PptxContext, slidePart: string, theme: Map<string, string>): string {
  const notesPart = ctx.pkg.relOfType(slidePart, 'notesSlide')?.target
  if (!notesPart || !ctx.pkg.has(notesPart)) return ''
  const tree = path(ctx.pkg.xml(notesPart), 'p:cSld', 'p:spTree')
  const body = tree?.children.find((c) => c.name === 'p:sp' && phInfo(c)?.type === 'body')
  if (!body) return ''
  return readParagraphs(child(body, 'p:txBody'), { theme, fontScale: 1, styles: [] })
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n')
    .trim()
}
