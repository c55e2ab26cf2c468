/**
 * Printing a deck (PDF export): the page geometry the print view lays out, and the signals
 * between that view and the Electron host that prints it to PDF. Pure, so both sides share it.
 */
import type { Aspect } from './courseware/primitives'

/** The route of the print view, as a hash path (both hosts use hash history). */
export function printRoute(docId: string, opts: { notes?: boolean; auto?: boolean } = {}): string {
  const q = new URLSearchParams()
  if (opts.notes) q.set('notes', '1')
  if (opts.auto) q.set('auto', '1')
  const query = q.toString()
  return `/print/${encodeURIComponent(docId)}${query ? `?${query}` : ''}`
}

/** document.title once every slide, picture and font is painted; the Electron host waits for it. */
export const PRINT_READY_TITLE = 'classdeck:print-ready'
/** document.title prefix when the deck could not be loaded (the English reason follows). */
export const PRINT_ERROR_TITLE = 'classdeck:print-error:'

/** CSS pixels per millimetre (96 px per inch). */
const PX_PER_MM = 96 / 25.4

export interface PrintLayout {
  /** The paper, in millimetres, for `@page { size }`. */
  readonly page: { readonly width: number; readonly height: number }
  /** Blank border inside each page, in millimetres. */
  readonly margin: number
  /** How wide the slide is drawn, in CSS pixels. */
  readonly slideWidthPx: number
}

/**
 * Slides alone: one page per slide, 10 in (254 mm) wide with the slide's shape and no margin,
 * as PowerPoint and Impress print a deck. With notes: A4 portrait, the slide across the top
 * inside a 15 mm margin and the notes below it.
 */
export function printLayout(aspect: Aspect, withNotes: boolean): PrintLayout {
  if (withNotes) {
    const margin = 15
    return { page: { width: 210, height: 297 }, margin, slideWidthPx: Math.floor((210 - 2 * margin) * PX_PER_MM) }
  }
  const width = 254
  return {
    page: { width, height: aspect === '16:9' ? (width * 9) / 16 : (width * 3) / 4 },
    margin: 0,
    slideWidthPx: Math.round(width * PX_PER_MM)
  }
}
