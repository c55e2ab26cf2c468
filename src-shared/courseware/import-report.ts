import { z } from 'zod'

/** One thing an import could not carry over exactly, shown to the teacher after importing. */
export const Approximation = z
  .object({
    /** 1-based slide number; absent for the whole file. */
    slide: z.number().int().positive().optional(),
    kind: z.enum([
      'chart',
      'smartart',
      'ole',
      'freeform',
      'shape',
      'media',
      'animation',
      'text',
      'image',
      'table',
      'background',
      'layout',
      'link',
      'content'
    ]),
    message: z.string(),
    messageEn: z.string()
  })
  .strict()
export type Approximation = z.infer<typeof Approximation>

export const ImportReport = z
  .object({
    file: z.string(),
    format: z.enum(['pptx', 'docx', 'edux', 'pdf']),
    slideCount: z.number().int().nonnegative(),
    mediaCount: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    approximations: z.array(Approximation),
    /** Slide titles in order, so a teacher (and a test) can check nothing was lost or reordered. */
    titles: z.array(z.string())
  })
  .strict()
export type ImportReport = z.infer<typeof ImportReport>
