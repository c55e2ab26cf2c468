import { z } from 'zod'
import {
  cellStyleFields,
  imageStyleFields,
  paragraphLayoutFields,
  shapeStyleFields,
  textLayoutFields
} from './element-style'
export * from './element-style'
import { Color, Id, MediaRef } from './primitives'
import { Question } from './question'
import { chartFields } from './chart'

/** Where an element sits, in slide coordinates (see SLIDE_SIZE). Array order is paint order. */
const frame = {
  id: Id,
  x: z.number(),
  y: z.number(),
  w: z.number().nonnegative(),
  h: z.number().nonnegative(),
  /** Degrees clockwise about the centre. */
  rotation: z.number().default(0),
  opacity: z.number().min(0).max(1).default(1),
  locked: z.boolean().default(false),
  /** Set by importers: what this element approximates (shown in the import report). */
  approximated: z.string().max(500).optional()
}

export const TextRun = z
  .object({
    text: z.string().max(100_000),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
    strike: z.boolean().optional(),
    color: Color.optional(),
    /** The marker behind the text (PowerPoint's a:highlight, Word's 突出显示). */
    highlight: Color.optional(),
    /** Points at the slide's nominal size (a 720-unit-high slide is 540 pt tall in PowerPoint). */
    fontSize: z.number().positive().max(1000).optional(),
    fontFamily: z.string().max(200).optional(),
    /** The font for Latin letters and digits when it differs from fontFamily (PowerPoint's a:latin beside a:ea). */
    latinFont: z.string().max(200).optional(),
    superscript: z.boolean().optional(),
    subscript: z.boolean().optional(),
    /** Jump to another slide of this deck when clicked. */
    linkSlideId: Id.optional()
  })
  .strict()
export type TextRun = z.infer<typeof TextRun>

export const Paragraph = z
  .object({
    runs: z.array(TextRun).max(10_000),
    align: z.enum(['left', 'center', 'right', 'justify']).optional(),
    list: z.enum(['bullet', 'number']).optional(),
    /** Indent level 0..8 for lists. */
    level: z.number().int().min(0).max(8).default(0),
    lineHeight: z.number().positive().max(10).optional(),
    ...paragraphLayoutFields
  })
  .strict()
export type Paragraph = z.infer<typeof Paragraph>

const textBody = {
  paragraphs: z.array(Paragraph).max(10_000),
  verticalAlign: z.enum(['top', 'middle', 'bottom']).default('top'),
  /** Shrink text to fit the box (PowerPoint's normAutofit). */
  autoFit: z.boolean().default(false),
  ...textLayoutFields
}

export const TextElement = z.object({ type: z.literal('text'), ...frame, ...textBody }).strict()
export type TextElement = z.infer<typeof TextElement>

/** Fractions 0..1 cut from each side of the source image before it is stretched to the frame. */
export const Crop = z
  .object({
    left: z.number().min(0).max(1),
    top: z.number().min(0).max(1),
    right: z.number().min(0).max(1),
    bottom: z.number().min(0).max(1)
  })
  .strict()
  .refine((c) => c.left + c.right < 1 && c.top + c.bottom < 1, 'crop must leave some of the image')
export type Crop = z.infer<typeof Crop>

export const ImageElement = z
  .object({
    type: z.literal('image'),
    ...frame,
    media: MediaRef,
    crop: Crop.optional(),
    alt: z.string().max(2000).default(''),
    flipH: z.boolean().default(false),
    flipV: z.boolean().default(false),
    ...imageStyleFields
  })
  .strict()
export type ImageElement = z.infer<typeof ImageElement>

export const ShapeKind = z.enum(['rectangle', 'rounded', 'ellipse', 'line', 'arrow', 'triangle', 'star'])
export type ShapeKind = z.infer<typeof ShapeKind>

export const ShapeElement = z
  .object({
    type: z.literal('shape'),
    ...frame,
    kind: ShapeKind,
    fill: Color.optional(),
    stroke: Color.optional(),
    strokeWidth: z.number().nonnegative().max(100).default(1),
    /** Lines and arrows run from the frame's top-left to bottom-right unless flipped. */
    flipH: z.boolean().default(false),
    flipV: z.boolean().default(false),
    /** Text inside the shape, as in PowerPoint. */
    paragraphs: z.array(Paragraph).max(10_000).default([]),
    verticalAlign: z.enum(['top', 'middle', 'bottom']).default('middle'),
    ...textLayoutFields,
    ...shapeStyleFields
  })
  .strict()
export type ShapeElement = z.infer<typeof ShapeElement>

export const TableCell = z
  .object({
    paragraphs: z.array(Paragraph).max(1000),
    fill: Color.optional(),
    colSpan: z.number().int().min(1).max(100).default(1),
    rowSpan: z.number().int().min(1).max(1000).default(1),
    /** True for a cell covered by another cell's span (kept so the grid stays rectangular). */
    merged: z.boolean().default(false),
    ...cellStyleFields
  })
  .strict()
export type TableCell = z.infer<typeof TableCell>

export const TableElement = z
  .object({
    type: z.literal('table'),
    ...frame,
    /** Relative widths; renderers scale them to `w`. */
    columns: z.array(z.number().positive()).min(1).max(100),
    rows: z
      .array(z.object({ height: z.number().positive(), cells: z.array(TableCell) }).strict())
      .min(1)
      .max(1000),
    borderColor: Color.default('#000000'),
    headerRow: z.boolean().default(false)
  })
  .strict()
  .refine((t) => t.rows.every((r) => r.cells.length === t.columns.length), {
    message: 'every row must have one cell per column',
    path: ['rows']
  })
export type TableElement = z.infer<typeof TableElement>

export const FormulaElement = z
  .object({
    type: z.literal('formula'),
    ...frame,
    /** KaTeX source. With syntax 'chem' it is wrapped in mhchem's \ce{…} when rendered. */
    latex: z.string().min(1).max(20_000),
    syntax: z.enum(['math', 'chem']).default('math'),
    color: Color.default('#000000'),
    fontSize: z.number().positive().max(400).default(32)
  })
  .strict()
export type FormulaElement = z.infer<typeof FormulaElement>

const playback = {
  media: MediaRef,
  autoplay: z.boolean().default(false),
  loop: z.boolean().default(false)
}

export const AudioElement = z.object({ type: z.literal('audio'), ...frame, ...playback }).strict()
export type AudioElement = z.infer<typeof AudioElement>

export const VideoElement = z
  .object({ type: z.literal('video'), ...frame, ...playback, poster: MediaRef.optional() })
  .strict()
export type VideoElement = z.infer<typeof VideoElement>

/** A button that jumps to another slide of the same deck. */
export const SlideLinkElement = z
  .object({
    type: z.literal('slide-link'),
    ...frame,
    targetSlideId: Id,
    label: z.string().max(500),
    fill: Color.optional(),
    color: Color.default('#1F4E79')
  })
  .strict()
export type SlideLinkElement = z.infer<typeof SlideLinkElement>

export const QuestionElement = z.object({ type: z.literal('question'), ...frame, question: Question }).strict()
export type QuestionElement = z.infer<typeof QuestionElement>

/**
 * Content an importer could not represent (chart, SmartArt, OLE object, freeform…): a labelled box,
 * with a picture of it where the source file had one.
 */
export const PlaceholderElement = z
  .object({
    type: z.literal('placeholder'),
    ...frame,
    label: z.string().max(500),
    source: z.enum(['chart', 'smartart', 'ole', 'freeform', 'media', 'other']),
    preview: MediaRef.optional()
  })
  .strict()
export type PlaceholderElement = z.infer<typeof PlaceholderElement>

/** A chart drawn from its data (chart.ts), with PowerPoint's cached picture kept as `fallback` when imported. */
export const ChartElement = z.object({ type: z.literal('chart'), ...frame, ...chartFields }).strict()
export type ChartElement = z.infer<typeof ChartElement>

export const Element = z.discriminatedUnion('type', [
  TextElement,
  ImageElement,
  ShapeElement,
  TableElement,
  FormulaElement,
  AudioElement,
  VideoElement,
  SlideLinkElement,
  QuestionElement,
  PlaceholderElement,
  ChartElement
])
export type Element = z.infer<typeof Element>
export type ElementType = Element['type']

/** Plain text of paragraphs, one line per paragraph. */
export function paragraphsText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')
}

/** The media an element refers to (for packing, garbage collection and export). */
export function elementMedia(e: Element): MediaRef[] {
  switch (e.type) {
    case 'image':
    case 'audio':
      return [e.media]
    case 'video':
      return e.poster ? [e.media, e.poster] : [e.media]
    case 'placeholder':
      return e.preview ? [e.preview] : []
    case 'chart':
      return e.fallback ? [e.fallback] : []
    default:
      return []
  }
}
