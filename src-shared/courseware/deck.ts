import { z } from 'zod'
import { Aspect, Color, Id, MediaRef, mediaPath } from './primitives'
import { Element, elementMedia, paragraphsText } from './element'
import { InkStroke } from './ink'
import { BuildStep } from './animation'
import { ImportReport } from './import-report'
import { chartText } from './chart'

export const SlideBackground = z
  .object({
    color: Color.optional(),
    image: MediaRef.optional(),
    /** How a background image fills the slide. */
    fit: z.enum(['cover', 'contain', 'stretch']).default('cover')
  })
  .strict()
export type SlideBackground = z.infer<typeof SlideBackground>

export const Slide = z
  .object({
    id: Id,
    elements: z.array(Element).max(2000),
    /** Speaker notes, plain text. */
    notes: z.string().max(100_000).default(''),
    background: SlideBackground.default({ fit: 'cover' }),
    /** Ink drawn on this slide while preparing or teaching. */
    ink: z.array(InkStroke).max(10_000).default([]),
    hidden: z.boolean().default(false),
    /** Build steps (动画) in play order; see animation.ts. */
    animations: z.array(BuildStep).max(2000).default([])
  })
  .strict()
  .superRefine((slide, ctx) => {
    const ids = new Set(slide.elements.map((e) => e.id))
    slide.animations.forEach((a, i) => {
      if (!ids.has(a.elementId))
        ctx.addIssue({
          code: 'custom',
          message: `build step acts on missing element ${a.elementId}`,
          path: ['animations', i, 'elementId']
        })
      if (a.trigger !== undefined && !ids.has(a.trigger))
        ctx.addIssue({
          code: 'custom',
          message: `build step triggered by missing element ${a.trigger}`,
          path: ['animations', i, 'trigger']
        })
    })
  })
export type Slide = z.infer<typeof Slide>

/** A Word lesson plan (教案) kept beside the slides: sanitised HTML whose images are `media/<hash>.<ext>`. */
export const LessonPlan = z
  .object({
    id: Id,
    title: z.string().max(500),
    html: z.string().max(20_000_000),
    media: z.array(MediaRef).default([])
  })
  .strict()
export type LessonPlan = z.infer<typeof LessonPlan>

export const Deck = z
  .object({
    id: Id,
    title: z.string().max(500),
    aspect: Aspect,
    slides: z.array(Slide).max(5000),
    lessonPlans: z.array(LessonPlan).default([]),
    /** The report of the import that made this deck, so a teacher can reopen it from the deck's details. */
    importReport: ImportReport.optional()
  })
  .strict()
  .superRefine((deck, ctx) => {
    const ids = new Set<string>()
    deck.slides.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({ code: 'custom', message: `duplicate slide id ${s.id}`, path: ['slides', i, 'id'] })
      ids.add(s.id)
    })
  })
export type Deck = z.infer<typeof Deck>
/** What a caller may hand in (defaults not yet applied). */
export type DeckInput = z.input<typeof Deck>

/** Every media file a deck refers to, once each (keyed by its path in the zip). */
export function deckMedia(deck: Deck): Map<string, MediaRef> {
  const out = new Map<string, MediaRef>()
  const add = (r: MediaRef) => out.set(mediaPath(r), r)
  for (const s of deck.slides) {
    if (s.background.image) add(s.background.image)
    for (const e of s.elements) elementMedia(e).forEach(add)
  }
  for (const p of deck.lessonPlans) p.media.forEach(add)
  return out
}

/** A slide's title as a teacher would name it: the first non-empty line of text on it. */
export function slideTitle(slide: Slide): string {
  for (const e of slide.elements) {
    const text =
      e.type === 'text' || e.type === 'shape'
        ? paragraphsText(e.paragraphs)
        : e.type === 'question'
          ? e.question.prompt
          : ''
    const line = text.split('\n').find((l) => l.trim())
    if (line) return line.trim()
  }
  return ''
}

/** All the text on a slide (elements, tables, questions), for search, tests and thumbnails. */
export function slideText(slide: Slide): string {
  const parts: string[] = []
  for (const e of slide.elements) {
    if (e.type === 'text' || e.type === 'shape') parts.push(paragraphsText(e.paragraphs))
    else if (e.type === 'table')
      for (const r of e.rows) for (const c of r.cells) parts.push(paragraphsText(c.paragraphs))
    else if (e.type === 'question') {
      parts.push(e.question.prompt)
      if ('options' in e.question) for (const o of e.question.options) parts.push(o.text)
    } else if (e.type === 'slide-link') parts.push(e.label)
    else if (e.type === 'placeholder') parts.push(e.label)
    else if (e.type === 'chart') parts.push(...chartText(e))
  }
  return parts.filter((p) => p.length > 0).join('\n')
}
