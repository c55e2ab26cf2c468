import { z } from 'zod'
import { Aspect } from './primitives'

/** A catalogue node (学段, 学科, 版本, 册, 章节): the platform's id and the name a teacher reads. */
export const CatalogueRef = z.object({ id: z.string().max(100), name: z.string().max(200) }).strict()
export type CatalogueRef = z.infer<typeof CatalogueRef>

export const Curriculum = z
  .object({
    /** 学段, e.g. 初中 */
    stage: CatalogueRef.optional(),
    /** 学科, e.g. 数学 */
    subject: CatalogueRef.optional(),
    /** 版本 (textbook edition), e.g. 人教版 */
    edition: CatalogueRef.optional(),
    /** 册, e.g. 七年级上册 */
    volume: CatalogueRef.optional(),
    /** 章节, e.g. 第一章 有理数 */
    chapter: CatalogueRef.optional()
  })
  .strict()
export type Curriculum = z.infer<typeof Curriculum>

/** `manifest.json` at the root of every .edux: what a library can show without reading the deck. */
export const Manifest = z
  .object({
    format: z.literal('edux'),
    /** The .edux format version this file was written in (see EDUX_FORMAT_VERSION). */
    formatVersion: z.number().int().positive(),
    /** Program and version that wrote it, e.g. "ClassDeck 0.1.0". */
    generator: z.string().max(200),
    title: z.string().max(500),
    aspect: Aspect,
    slideCount: z.number().int().nonnegative(),
    curriculum: Curriculum.default({}),
    author: z
      .object({ id: z.string().max(100).optional(), name: z.string().max(200) })
      .strict()
      .optional(),
    /** 【原创】: the author made this themselves (not adapted from someone else's courseware). */
    original: z.boolean().default(false),
    createdAt: z.iso.datetime({ offset: true }),
    modifiedAt: z.iso.datetime({ offset: true })
  })
  .strict()
export type Manifest = z.infer<typeof Manifest>
export type ManifestInput = z.input<typeof Manifest>
