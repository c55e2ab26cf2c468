/**
 * What every part of a PPTX import shares: the package, unit conversion, theme colours, media
 * collected by hash, and the report of approximations.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { mediaExtFor, type Approximation, type MediaRef } from '../../../../src-shared/courseware'
import type { OpcPackage } from '../opc'
import { attr, child, children, path, type XNode } from '../xml'

export const EMU_PER_PT = 12700

export class PptxContext {
  readonly pkg: OpcPackage
  /** Slide units per EMU, horizontally and vertically (source size → our fixed slide space). */
  readonly sx: number
  readonly sy: number
  /** Our font points per source point (keeps text the same size relative to the slide). */
  readonly fontScale: number
  readonly media = new Map<string, Uint8Array>()
  readonly approximations: Approximation[] = []
  #mediaByPart = new Map<string, MediaRef | null>()
  #seq = 0
  slideNo = 0

  constructor(pkg: OpcPackage, srcW: number, srcH: number, dstW: number, dstH: number) {
    this.pkg = pkg
    this.sx = dstW / srcW
    this.sy = dstH / srcH
    // A 720-unit-high slide is 540 pt tall at its nominal size (7.5 in, as in PowerPoint).
    this.fontScale = 540 / (srcH / EMU_PER_PT)
  }

  id(prefix: string): string {
    return `${prefix}${++this.#seq}`
  }

  approx(kind: Approximation['kind'], message: string, messageEn: string): void {
    this.approximations.push({ ...(this.slideNo ? { slide: this.slideNo } : {}), kind, message, messageEn })
  }

  /** The media for a relationship of `part`, stored once by content hash; null if missing. */
  mediaFor(part: string, rId: string | undefined): MediaRef | null {
    if (!rId) return null
    const rel = this.pkg.rels(part).get(rId)
    if (!rel || rel.external) return null
    if (this.#mediaByPart.has(rel.target)) return this.#mediaByPart.get(rel.target) ?? null
    let ref: MediaRef | null = null
    if (this.pkg.has(rel.target)) {
      const bytes = this.pkg.zip.read(rel.target)
      const ext = mediaExtFor(posix.basename(rel.target))
      ref = { hash: createHash('sha256').update(bytes).digest('hex'), ext }
      this.media.set(`media/${ref.hash}.${ref.ext}`, bytes)
    }
    this.#mediaByPart.set(rel.target, ref)
    return ref
  }
}

/**
 * Theme colours by scheme name, with the standard clrMap aliases (tx1 → dk1 …), and the theme's fonts
 * under the names runs refer to them by (+mj-lt, +mn-lt, +mj-ea, +mn-ea): one map travels to every reader.
 */
export function themeColors(theme: XNode | undefined): Map<string, string> {
  const m = new Map<string, string>()
  const fonts = path(theme, 'a:themeElements', 'a:fontScheme')
  for (const [key, node] of [
    ['mj', child(fonts, 'a:majorFont')],
    ['mn', child(fonts, 'a:minorFont')]
  ] as const) {
    const latin = attr(child(node, 'a:latin'), 'typeface')
    // A theme names its Chinese font under a:font script="Hans" when a:ea is left empty.
    const ea =
      attr(child(node, 'a:ea'), 'typeface') ||
      attr(
        node?.children.find((c) => c.name === 'a:font' && attr(c, 'script') === 'Hans'),
        'typeface'
      )
    if (latin) m.set(`+${key}-lt`, latin)
    if (ea) m.set(`+${key}-ea`, ea)
  }
  const scheme = path(theme, 'a:themeElements', 'a:clrScheme')
  for (const c of scheme?.children ?? []) {
    const name = c.name.replace(/^a:/, '')
    const srgb = attr(child(c, 'a:srgbClr'), 'val') ?? attr(child(c, 'a:sysClr'), 'lastClr')
    if (srgb) m.set(name, `#${srgb.toUpperCase()}`)
  }
  const effects = children(path(theme, 'a:themeElements', 'a:fmtScheme', 'a:effectStyleLst'), 'a:effectStyle')
  THEME_EFFECTS.set(m, effects)
  const alias: Record<string, string> = { tx1: 'dk1', bg1: 'lt1', tx2: 'dk2', bg2: 'lt2' }
  for (const [a, b] of Object.entries(alias)) if (m.has(b)) m.set(a, m.get(b)!)
  return m
}

/** The theme's effect styles (a:effectStyle, 1-based by a shape style's effectRef idx), by theme map. */
const THEME_EFFECTS = new WeakMap<Map<string, string>, XNode[]>()

/** The effect list a shape style's a:effectRef names, wrapped as a shape's properties would hold it. */
export function themeEffect(theme: Map<string, string>, ref: XNode | undefined): XNode | undefined {
  const idx = Number(attr(ref, 'idx') ?? 0)
  const lst = child(THEME_EFFECTS.get(theme)?.[idx - 1], 'a:effectLst')
  return idx > 0 && lst?.children.length ? { name: 'p:spPr', attrs: {}, text: '', children: [lst] } : undefined
}
