/**
 * 分享为公开课, the service side. It gathers the set from an open, saved deck — the 教案 written as
 * Word, the deck exported as PPTX, the saved .edux, and the 微课 the library holds for the deck's
 * chapter — copies the files it makes into `<data>/open-lessons/<clientKey>/` (so a later export or
 * save cannot change a file halfway through its upload), and queues the whole set as one
 * 'open-lesson' outbox row stamped with the signed-in teacher (open-lesson-delivery.ts sends it).
 * The dialog's client key is the row's idempotency key: asking again with it returns the same share.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import type { AppErrorData } from '../../../src-shared/errors'
import { bareTitle } from '../../../src-shared/library'
import { safeFileName } from '../../../src-shared/files/safe-file-name'
import type { LibraryBrowse } from '../../../src-shared/contract/library'
import type { z } from 'zod'
import { OpenLessonJob, type OpenLessonMemberJob } from '../../../src-shared/contract/open-lesson-job'
import type {
  OpenLessonPreview,
  OpenLessonShare,
  OpenLessonShareStatus
} from '../../../src-shared/contract/open-lessons'
import { levelMark, type OpenLessonLevel } from '../../../src-shared/platform/open-lesson'
import type { StorageService } from '../storage'
import type { CoursewareService } from '../courseware'
import type { LessonPlanService } from '../lesson-plans'
import type { LibraryService } from '../library'
import { enqueueOutbox } from './outbox-repo'
import type { OutboxRow } from './outbox-queue'
import { deliveredMembers, deliveredSet } from './open-lesson-delivery'
import type { SyncService } from './sync-service'

export interface OpenLessonShareDeps {
  readonly storage: StorageService
  readonly sync: SyncService
  readonly courseware: CoursewareService
  readonly lessonPlans: LessonPlanService
  readonly library: LibraryService
  readonly dataDir: string
  readonly clock?: () => Date
}

/** 【原创】【区县级公开课】勾股定理 教学设计 — the order the platforms' notices use. */
export function openLessonTitle(title: string, level: OpenLessonLevel, original: boolean, suffix = ''): string {
  return `${original ? '【原创】' : ''}${levelMark(level)}${bareTitle(title)}${suffix}`.slice(0, 200)
}

export class OpenLessonShareService {
  readonly #deps: OpenLessonShareDeps
  readonly #clock: () => Date

  constructor(deps: OpenLessonShareDeps) {
    this.#deps = deps
    this.#clock = deps.clock ?? (() => new Date())
  }

  /** What the dialog shows before anything is sent: what is there, what is missing. */
  prepare(docId: string): OpenLessonPreview {
    const doc = this.#deps.courseware.get(docId)
    const chapter = doc.manifest.curriculum.chapter ?? null
    const plan = doc.deck.lessonPlans[0]
    const video = chapter ? this.#video(chapter.id, doc.deck.title) : null
    const me = this.#deps.sync.client.teacher
    return {
      docId,
      title: doc.deck.title,
      original: doc.manifest.original,
      chapter: chapter ? { id: chapter.id, name: chapter.name } : null,
      saved: doc.path !== null && !doc.dirty,
      plan: plan ? { id: plan.id, title: plan.title } : null,
      video: video ? { id: video.id, title: video.title, fileName: video.fileName, size: video.size } : null,
      teacher: me ? { id: me.id, name: me.name } : null
    }
  }

  async share(input: OpenLessonShare): Promise<OpenLessonShareStatus> {
    const key = `open-lesson:${input.clientKey}`
    const already = this.#rowByKey(key)
    if (already) return this.status(already.id)
    const p = this.prepare(input.docId)
    const me = this.#deps.sync.client.teacher
    if (!me || !p.teacher) {
      throw new AppError(
        'UNAUTHORIZED',
        '请先在“同步”页登录教育平台：公开课记在登录的老师名下。',
        'Sign in to the platform on the Sync page first: the open lesson is credited to the teacher signed in.',
        { kind: 'auth' }
      )
    }
    if (!p.chapter) {
      throw new AppError(
        'VALIDATION',
        '这份课件还没有挂到教材章节上。请在“课件信息”中选择章节，再分享为公开课。',
        'This deck is not filed on a textbook chapter yet. Choose one in the deck details, then share it.',
        { missing: 'chapter' }
      )
    }
    if (!p.plan) {
      throw new AppError(
        'VALIDATION',
        '这份课件还没有教案（教学设计）。公开课需要 Word 教学设计：请先在“教案”栏新建或导入一份。',
        'This deck has no lesson plan. An open lesson needs its Word 教学设计: start or import one in the 教案 pane first.',
        { missing: 'lesson-plan' }
      )
    }
    const doc = this.#deps.courseware.get(input.docId)
    if (!p.saved || !doc.path) {
      throw new AppError(
        'VALIDATION',
        '请先保存课件，再分享为公开课：分享的是保存后的版本。',
        'Save the deck first: what is shared is the saved version.',
        { missing: 'save' }
      )
    }
    const dir = join(this.#deps.dataDir, 'open-lessons', input.clientKey)
    await mkdir(dir, { recursive: true })
    const stage = async (from: string, name: string, ext: `.${string}`): Promise<{ path: string; name: string }> => {
      const fileName = safeFileName(name, { fallback: '公开课', extension: ext })
      const path = join(dir, fileName)
      await copyFile(from, path)
      return { path, name: fileName }
    }
    const member = async (
      role: OpenLessonMemberJob['role'],
      title: string,
      file: { path: string; name: string },
      original: boolean,
      mimeType?: string
    ): Promise<OpenLessonMemberJob> => ({
      role,
      title,
      type: role === '教学设计' ? '教案' : role,
      chapterId: p.chapter!.id,
      original,
      public: true,
      filePath: file.path,
      fileName: file.name,
      ...(mimeType ? { mimeType } : {}),
      size: (await stat(file.path)).size
    })
    const t = (suffix: string) => openLessonTitle(p.title, input.level, p.original, suffix)
    const word = await this.#deps.lessonPlans.exportDocx({ docId: input.docId, planId: p.plan.id })
    const pptx = await this.#deps.courseware.export({ docId: input.docId, format: 'pptx' })
    const members = [
      await member('教学设计', t(' 教学设计'), await stage(word.path, `${p.title} 教学设计`, '.docx'), p.original),
      await member('课件', t(''), await stage(pptx.path, p.title, '.pptx'), p.original),
      await member('课件', t('（教学助手课件）'), await stage(doc.path, p.title, '.edux'), p.original)
    ]
    if (p.video) {
      // The library's copy is content-addressed and never rewritten in place, so it is sent as it is.
      const v = this.#deps.library.get(p.video.id)
      members.push(
        await member('微课', t(' 微课'), { path: v.absolutePath, name: v.fileName }, v.original, 'video/mp4')
      )
    }
    const job = OpenLessonJob.parse({ level: input.level, chapterId: p.chapter.id, title: bareTitle(p.title), members })
    const now = this.#clock()
    const id = this.#deps.storage.transaction((db) =>
      enqueueOutbox(
        db,
        {
          kind: 'open-lesson',
          entityId: input.docId,
          payload: job,
          idempotencyKey: key,
          teacher: { id: me.id, name: me.name },
          display: { className: null, title: `${levelMark(input.level)}${bareTitle(p.title)}`, at: now.toISOString() }
        },
        now
      )
    )
    void this.#deps.sync.syncNow()
    return this.status(id)
  }

  status(shareId: number): OpenLessonShareStatus {
    const row = this.#deps.storage.db.prepare('SELECT * FROM outbox WHERE id = ?').get(shareId) as OutboxRow | undefined
    const job = row?.kind === 'open-lesson' ? OpenLessonJob.safeParse(JSON.parse(row.payload)) : null
    if (!row || !job?.success) {
      throw new AppError(
        'NOT_FOUND',
        '找不到这次公开课分享，它可能已在“同步”页被删除。',
        'This open-lesson share is not there; it may have been deleted on the Sync page.',
        { shareId }
      )
    }
    const members = job.data.members
    const db = this.#deps.storage.db
    const delivered = deliveredMembers(db, row.idempotency_key, members.length)
    const live = row.state === 'sending' ? this.#deps.sync.progressOf(row.id) : null
    let before = 0
    const files = members.map((m, i) => {
      const uploaded = delivered[i] !== null || row.state === 'sent'
      // The set's running byte count falls into the first member not yet on the platform.
      const done = uploaded ? m.size : live ? Math.max(0, Math.min(m.size, live.done - before)) : 0
      before += m.size
      return { role: m.role, title: m.title, fileName: m.fileName, size: m.size, done, uploaded }
    })
    return {
      shareId: row.id,
      level: job.data.level,
      title: job.data.title,
      state: row.state,
      files,
      done: files.reduce((s, f) => s + f.done, 0),
      total: files.reduce((s, f) => s + f.size, 0),
      set: deliveredSet(db, row.idempotency_key),
      lastError: row.last_error ? (JSON.parse(row.last_error) as AppErrorData) : null
    }
  }

  #rowByKey(key: string): OutboxRow | undefined {
    return this.#deps.storage.db.prepare('SELECT * FROM outbox WHERE idempotency_key = ?').get(key) as
      OutboxRow | undefined
  }

  /** The lesson's 微课: a video filed as 微课 on the chapter, the one titled like the deck first, else the newest. */
  #video(chapterId: string, title: string) {
    // Built whole (every default spelt out) rather than parsed again: a call's input is parsed once, in dispatch.
    const query: z.output<typeof LibraryBrowse> = {
      types: ['微课'],
      formats: ['video'],
      chapter: { chapterId },
      sort: 'updated',
      limit: 50,
      offset: 0
    }
    const page = this.#deps.library.browse(query)
    const bare = bareTitle(title)
    return page.items.find((r) => bareTitle(r.title) === bare) ?? page.items[0] ?? null
  }
}
