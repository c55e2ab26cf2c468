/**
 * How text is laid out in its box and how shapes, pictures and table cells are styled, as far as an
 * imported PowerPoint needs it to look the same (issue 14, items 4 and 5). Every field is optional:
 * an element without them is drawn as before, so `.edux` format 3 files need no migration.
 * Lengths are slide units (SLIDE_SIZE), font-related lengths points, like TextRun.fontSize.
 */
import { z } from 'zod'
import { Color } from './primitives'

const length = z.number().min(0).max(10_000)

/** Space between a text box's edge and its text (PowerPoint's lIns, tIns, rIns, bIns). */
export const Insets = z.object({ l: length, t: length, r: length, b: length }).strict()
export type Insets = z.infer<typeof Insets>

/** Fields of a text box (and a shape's text) beside its paragraphs. */
export const textLayoutFields = {
  insets: Insets.optional(),
  /** false: lines never wrap (PowerPoint's wrap="none"); the text runs past the box instead. */
  wrap: z.boolean().optional(),
  /** Vertical text: 'vert' turns every line 90° clockwise, 'vert270' anticlockwise, 'eaVert' stands CJK upright. */
  vertical: z.enum(['vert', 'vert270', 'eaVert', 'wordArtVert']).optional(),
  columns: z.number().int().min(1).max(16).optional(),
  columnGap: length.optional(),
  /** The box grows with its text (PowerPoint's spAutoFit): drawn at least as tall as the text. */
  autoGrow: z.boolean().optional()
}

/** An automatic number in front of a paragraph (PowerPoint's buAutoNum). */
export const Numbering = z
  .object({
    style: z.enum(['arabic', 'alphaLc', 'alphaUc', 'romanLc', 'romanUc', 'circled', 'chinese']),
    /** What follows (or surrounds) the number: "1." "1)" "(1)" "1". */
    punct: z.enum(['period', 'parenR', 'parenBoth', 'plain']),
    startAt: z.number().int().min(0).max(100_000).default(1)
  })
  .strict()
export type Numbering = z.infer<typeof Numbering>

/** Fields of a paragraph beside its runs. */
export const paragraphLayoutFields = {
  /** Points before and after the paragraph (spcBef, spcAft). */
  spaceBefore: z.number().min(0).max(1000).optional(),
  spaceAfter: z.number().min(0).max(1000).optional(),
  /** Exact line pitch in points (lnSpc/spcPts); `lineHeight` is the multiple of the font size otherwise. */
  lineSpacingPt: z.number().positive().max(1000).optional(),
  /** The bullet character when the paragraph's list is 'bullet' (buChar, mapped from symbol fonts). */
  bullet: z.string().min(1).max(8).optional(),
  bulletColor: Color.optional(),
  numbering: Numbering.optional(),
  /** Left margin of the text (marL) and the first line's offset from it (indent, negative = hanging). */
  marginLeft: length.optional(),
  indent: z.number().min(-10_000).max(10_000).optional()
}

export const GradientStop = z.object({ at: z.number().min(0).max(1), color: Color }).strict()
export const Gradient = z
  .object({
    kind: z.enum(['linear', 'radial']),
    /** Degrees, CSS convention (0 = to top, 90 = to the right). */
    angle: z.number().min(-360).max(360).default(90),
    stops: z.array(GradientStop).min(2).max(16)
  })
  .strict()
export type Gradient = z.infer<typeof Gradient>

/** An outer shadow (outerShdw) in slide units; glow and soft edges are approximated with it too. */
export const Shadow = z
  .object({ dx: z.number().min(-1000).max(1000), dy: z.number().min(-1000).max(1000), blur: length, color: Color })
  .strict()
export type Shadow = z.infer<typeof Shadow>

/** Fields of a shape beside its geometry, fill and outline colour. */
export const shapeStyleFields = {
  gradient: Gradient.optional(),
  shadow: Shadow.optional(),
  glow: z.object({ radius: length, color: Color }).strict().optional(),
  /** Radius of PowerPoint's soft edges, drawn as a blur of the edge. */
  softEdge: length.optional(),
  dash: z.enum(['dash', 'dot', 'dashDot', 'longDash']).optional(),
  /** Which ends of a line carry an arrow head ('end' is the arrow kind's default). */
  arrowheads: z.enum(['start', 'end', 'both']).optional()
}

/** Fields of a picture: its outline geometry (p:pic's prstGeom) and shadow. */
export const imageStyleFields = {
  geometry: z.enum(['ellipse', 'rounded', 'triangle']).optional(),
  shadow: Shadow.optional()
}

/** Fields of a table cell: margins (marL/marR/marT/marB) and vertical alignment (anchor). */
export const cellStyleFields = {
  margins: Insets.optional(),
  verticalAlign: z.enum(['top', 'middle', 'bottom']).optional()
}
