/**
 * Drawing ink on canvases. Committed strokes are cached as Path2D (built once per stroke), so
 * a slide with thousands of strokes redraws with fills only and a new stroke costs one fill.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import { outlinePath, strokeAlpha, strokeOutline } from './stroke-builder'
import type { View } from './view-transform'

const pathCache = new WeakMap<InkStroke, Path2D>()

/** The committed stroke's outline; strokes never change once committed, so it is built once. */
export function committedPath(stroke: InkStroke): Path2D {
  let p = pathCache.get(stroke)
  if (!p) {
    p = new Path2D(outlinePath(strokeOutline(stroke, true)))
    pathCache.set(stroke, p)
  }
  return p
}

export function fillStroke(ctx: CanvasRenderingContext2D, stroke: InkStroke, path: Path2D): void {
  ctx.globalAlpha = strokeAlpha(stroke)
  ctx.fillStyle = stroke.color
  ctx.fill(path)
}

/** Sizes a canvas's backing store to its CSS box at the device pixel ratio; true if it changed. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(width * dpr))
  const h = Math.max(1, Math.round(height * dpr))
  if (canvas.width === w && canvas.height === h) return false
  canvas.width = w
  canvas.height = h
  return true
}

export function applyView(ctx: CanvasRenderingContext2D, v: View, dpr: number): void {
  ctx.setTransform(v.scale * dpr, 0, 0, v.scale * dpr, v.x * dpr, v.y * dpr)
}

export function clearCanvas(ctx: CanvasRenderingContext2D): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
}

export function drawCommitted(
  ctx: CanvasRenderingContext2D,
  strokes: readonly InkStroke[],
  v: View,
  dpr: number
): void {
  clearCanvas(ctx)
  applyView(ctx, v, dpr)
  for (const s of strokes) fillStroke(ctx, s, committedPath(s))
  ctx.globalAlpha = 1
}

/** Device-pixel box of a live stroke's outline (plus a margin), for clearing only what changed. */
export interface PixelBox {
  x: number
  y: number
  w: number
  h: number
}

/**
 * Draws strokes in progress (outlines are rebuilt each time: they are still growing) and
 * returns the pixel box they cover, so the next call clears only that.
 */
export function drawLive(
  ctx: CanvasRenderingContext2D,
  strokes: readonly InkStroke[],
  v: View,
  dpr: number,
  previous: PixelBox | null,
  eraser: { x: number; y: number; r: number } | null
): PixelBox | null {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  if (previous) ctx.clearRect(previous.x, previous.y, previous.w, previous.h)
  applyView(ctx, v, dpr)
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const s of strokes) {
    const outline = strokeOutline(s, false)
    if (outline.length === 0) continue
    for (const p of outline) {
      if (p[0]! < minX) minX = p[0]!
      if (p[0]! > maxX) maxX = p[0]!
      if (p[1]! < minY) minY = p[1]!
      if (p[1]! > maxY) maxY = p[1]!
    }
    fillStroke(ctx, s, new Path2D(outlinePath(outline)))
  }
  ctx.globalAlpha = 1
  let box: PixelBox | null = null
  if (minX <= maxX) {
    const k = v.scale * dpr
    box = { x: minX * k + v.x * dpr, y: minY * k + v.y * dpr, w: (maxX - minX) * k, h: (maxY - minY) * k }
  }
  if (eraser) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.beginPath()
    ctx.arc(eraser.x, eraser.y, eraser.r, 0, Math.PI * 2)
    ctx.lineWidth = 2
    ctx.strokeStyle = 'rgba(60,60,60,0.8)'
    ctx.fillStyle = 'rgba(255,255,255,0.35)'
    ctx.fill()
    ctx.stroke()
    const e = {
      x: (eraser.x - eraser.r) * dpr,
      y: (eraser.y - eraser.r) * dpr,
      w: eraser.r * 2 * dpr,
      h: eraser.r * 2 * dpr
    }
    box = box ? union(box, e) : e
  }
  return box ? grow(box, 4 * dpr) : null
}

function union(a: PixelBox, b: PixelBox): PixelBox {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}

function grow(b: PixelBox, m: number): PixelBox {
  return { x: Math.floor(b.x - m), y: Math.floor(b.y - m), w: Math.ceil(b.w + 2 * m), h: Math.ceil(b.h + 2 * m) }
}
