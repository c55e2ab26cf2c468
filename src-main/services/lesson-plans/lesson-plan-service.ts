/**
 * The 教案 pane's backend. Plans live in the open deck (CoursewareService): this service starts one
 * from the 教学设计 template, saves an edited one — sanitising its HTML once, here, with the
 * lesson-plan rules (html-sanitize.ts, keeping only the inline text styles the pane writes) — and
 * writes one as Word into `<data>/exports/`, atomically, named from its title.
 */
import { join } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import { LessonPlan, MediaRef, createId, type Deck } from '../../../src-shared/courseware'
import type { LessonPlanExported, LessonPlanSave, LessonPlanSaved } from '../../../src-shared/contract/lesson-plans'
import { safeFileName } from '../../../src-shared/files/safe-file-name'
import type { CoursewareService } from '../courseware'
import { writeFileAtomic } from '../courseware'
import { sanitizeLessonHtml } from '../importers/html-sanitize'
import { lessonPlanDocx } from '../exporters/lesson-plan-docx'
import { lessonDesignTemplate } from './lesson-plan-template'

export interface LessonPlanServiceDeps {
  readonly courseware: CoursewareService
  readonly dataDir: string
}

const MEDIA_SRC = /\bsrc="media\/([0-9a-f]{64})\.([a-z0-9]+)"/g

export class LessonPlanService {
  readonly #courseware: CoursewareService
  readonly #exportsDir: string

  constructor(deps: LessonPlanServiceDeps) {
    this.#courseware = deps.courseware
    this.#exportsDir = join(deps.dataDir, 'exports')
  }

  /** A new plan from the 教学设计 template, added to the deck after any it has. */
  create(docId: string): LessonPlanSaved {
    const deck = this.#courseware.get(docId).deck
    const t = lessonDesignTemplate(deck.title)
    return this.#put(docId, deck, { id: createId(), ...t })
  }

  save(input: LessonPlanSave): LessonPlanSaved {
    const deck = this.#courseware.get(input.docId).deck
    return this.#put(input.docId, deck, input.plan)
  }

  async exportDocx(input: { docId: string; planId: string; name?: string | undefined }): Promise<LessonPlanExported> {
    const plan = this.plan(input.docId, input.planId)
    const bytes = new Map<string, Uint8Array>()
    for (const ref of plan.media) {
      try {
        bytes.set(`media/${ref.hash}.${ref.ext}`, await this.#courseware.media.get(ref))
      } catch {
        // A picture missing from the media store is left out of the Word file, not the whole export.
      }
    }
    const fileName = safeFileName(input.name ?? plan.title, { fallback: '教案', extension: '.docx' })
    const path = join(this.#exportsDir, fileName)
    await writeFileAtomic(path, await lessonPlanDocx(plan, (p) => bytes.get(p) ?? null))
    return { path, fileName }
  }

  /** The deck's plan by id (the first one when `planId` is omitted), or a specific refusal. */
  plan(docId: string, planId?: string): LessonPlan {
    const plans = this.#courseware.get(docId).deck.lessonPlans
    const plan = planId === undefined ? plans[0] : plans.find((p) => p.id === planId)
    if (!plan) {
      throw new AppError(
        'NOT_FOUND',
        plans.length === 0
          ? '这份课件还没有教案。请先在“教案”栏新建一份教学设计。'
          : '找不到这份教案，它可能已被删除。请重新打开“教案”栏。',
        plans.length === 0
          ? 'This deck has no lesson plan yet. Start one in the 教案 pane first.'
          : 'That lesson plan is not in the deck; it may have been deleted. Reopen the 教案 pane.',
        { docId, planId: planId ?? null }
      )
    }
    return plan
  }

  #put(docId: string, deck: Deck, input: { id: string; title: string; html: string }): LessonPlanSaved {
    const clean = sanitizeLessonHtml(input.html, { textStyles: true })
    // The plan keeps the pictures it still shows that the media store holds; others were removed above or are gone.
    const media: MediaRef[] = []
    const seen = new Set<string>()
    for (const m of clean.html.matchAll(MEDIA_SRC)) {
      const ref = MediaRef.safeParse({ hash: m[1], ext: m[2] })
      if (ref.success && !seen.has(m[1]!) && this.#courseware.media.has(ref.data)) {
        seen.add(m[1]!)
        media.push(ref.data)
      }
    }
    const plan = LessonPlan.parse({ id: input.id, title: input.title.trim(), html: clean.html, media })
    const i = deck.lessonPlans.findIndex((p) => p.id === plan.id)
    const lessonPlans = i < 0 ? [...deck.lessonPlans, plan] : deck.lessonPlans.map((p, k) => (k === i ? plan : p))
    const view = this.#courseware.update(docId, { ...deck, lessonPlans })
    return { plan, dirty: view.dirty, removedLinks: clean.removedLinks, removedImages: clean.removedImages }
  }
}
