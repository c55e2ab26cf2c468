/**
 * A whiteboard page written on in class is kept in the deck as a slide. Its lines (grid, 田字格,
 * 四线三格) cannot be expressed as slide elements, so they are drawn once into a PNG at slide size
 * and stored as the slide's background image; a plain page is just white.
 */
import type { SlideBackground } from '../../../src-shared/courseware/deck'
import type { MediaRef } from '../../../src-shared/courseware/primitives'
import { backgroundSpec, drawBackground, type PageBackgroundKind } from '../tools/page-backgrounds'
import type { BoardPage } from '../presenter/lesson-page'

export type Upload = (file: Blob & { name?: string }) => Promise<MediaRef>

export async function boardBackgroundPng(
  kind: PageBackgroundKind,
  size: { width: number; height: number }
): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('canvas 2d unavailable')
  drawBackground(ctx, backgroundSpec(kind, size), size)
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
  )
}

/** Backgrounds for the boards to keep; one upload per kind of lines, however many pages use it. */
export async function boardBackgrounds(
  boards: readonly BoardPage[],
  size: { width: number; height: number },
  upload: Upload
): Promise<Map<string, SlideBackground>> {
  const out = new Map<string, SlideBackground>()
  const byKind = new Map<PageBackgroundKind, MediaRef>()
  for (const b of boards) {
    if (b.copyOf !== undefined) continue // a snapshot keeps its slide's own background
    if (b.photo) {
      // A photo from the phone remote stays whole under its ink: contained, on white.
      const blob = dataUrlBlob(b.photo)
      const ref = await upload(
        Object.assign(blob, {
          name: `photo.${blob.type === 'image/png' ? 'png' : blob.type === 'image/webp' ? 'webp' : 'jpg'}`
        })
      )
      out.set(b.id, { color: '#FFFFFF', image: ref, fit: 'contain' })
    } else if (b.bg === 'plain') out.set(b.id, { color: '#FFFFFF', fit: 'cover' })
    else {
      let ref = byKind.get(b.bg)
      if (!ref) {
        const png = await boardBackgroundPng(b.bg, size)
        ref = await upload(Object.assign(png, { name: `board-${b.bg}.png` }))
        byKind.set(b.bg, ref)
      }
      out.set(b.id, { image: ref, fit: 'stretch' })
    }
  }
  return out
}

/** A data: URL as a Blob, decoded here: the page's CSP does not let fetch() read data: URLs. */
export function dataUrlBlob(url: string): Blob {
  const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(url)
  if (!m) throw new Error('not a data: URL')
  const bytes = m[2]
    ? Uint8Array.from(atob(m[3]!), (c) => c.charCodeAt(0))
    : new TextEncoder().encode(decodeURIComponent(m[3]!))
  return new Blob([bytes], { type: m[1] })
}
