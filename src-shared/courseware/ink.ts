import { z } from 'zod'
import { Color, Id } from './primitives'

/**
 * One ink sample: `[x, y, pressure, t]` in slide coordinates, pressure 0..1, t in ms since the
 * stroke began. A tuple, not an object, because a lesson's ink runs to tens of thousands of points
 * and perfect-freehand takes `[x, y, pressure]` arrays directly.
 */
export const InkPoint = z.tuple([z.number(), z.number(), z.number().min(0).max(1), z.number().min(0)])
export type InkPoint = z.infer<typeof InkPoint>

export const InkTool = z.enum(['pen', 'highlighter'])
export type InkTool = z.infer<typeof InkTool>

export const InkStroke = z
  .object({
    id: Id,
    tool: InkTool,
    color: Color,
    /** Nominal width in slide units; pressure scales it. */
    width: z.number().positive().max(200),
    points: z.array(InkPoint).max(100_000)
  })
  .strict()
export type InkStroke = z.infer<typeof InkStroke>
