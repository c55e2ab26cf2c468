/** A 小黑板 drawing as the picture the tablet sends: its strokes on a white 4:3 page. */
import type { InkStroke } from '../../src-shared/courseware/ink'
import { committedPath, fillStroke } from '../features/ink/ink-renderer'

/** Page units of the drawing; the PNG has the same pixels (a few tens of KB for a sketch). */
export const DRAWING_PAGE = { width: 960, height: 720 } as const

export async function drawingPng(strokes: readonly InkStroke[]): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = DRAWING_PAGE.width
  canvas.height = DRAWING_PAGE.height
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#FFFFFF'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  for (const s of strokes) fillStroke(ctx, s, committedPath(s))
  ctx.globalAlpha = 1
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'))
  if (!blob) throw new Error('canvas.toBlob gave no PNG')
  return blob
}
