import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { tempDir } from '../../test-utils/temp-dir'
import { PLAN_HTML, PLAN_PNG } from '../../test-utils/fixture-lesson-plan'
import { StorageService, allMigrations } from '../storage'
import { CoursewareService } from '../courseware'
import { AppError } from '../../../src-shared/errors'
import { LessonPlanService } from './lesson-plan-service'
import { TEMPLATE_SECTIONS } from './lesson-plan-template'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

function setup() {
  const t = tempDir('lesson-plan-')
  const storage = StorageService.open({ file: join(t.dir, 'db.sqlite'), migrations: allMigrations, appVersion: 'test' })
  const courseware = new CoursewareService({ storage, dataDir: t.dir, autosaveMs: 0 })
  cleanups.push(
    t.cleanup,
    () => storage.close(),
    () => courseware.dispose()
  )
  const plans = new LessonPlanService({ courseware, dataDir: t.dir })
  const doc = courseware.create({ title: '勾股定理' })
  return { t, courseware, plans, docId: doc.docId }
}

describe('the 教案 pane’s service', () => {
  it('starts a plan from the 教学设计 template with every section and the deck’s title as 课题', () => {
    const { courseware, plans, docId } = setup()
    const saved = plans.create(docId)
    expect(saved.plan.title).toBe('勾股定理 教学设计')
    for (const s of TEMPLATE_SECTIONS) expect(saved.plan.html).toContain(s)
    expect(saved.plan.html).toContain('<th><p>教师活动</p></th>')
    expect(courseware.get(docId).deck.lessonPlans.map((p) => p.id)).toEqual([saved.plan.id])
    expect(saved.dirty).toBe(true)
  })

  it('sanitises what the pane sends once, keeping only the text styles it writes', () => {
    const { courseware, plans, docId } = setup()
    const dirty =
      '<h2 onclick="alert(1)">教学目标</h2><script>alert(2)</script>' +
      '<p style="text-align: center; position: fixed">居中</p>' +
      '<p><span style="color: #e53935; background-image: url(https://evil.example/x)">红字</span>' +
      '<span style="color: expression(alert(3))">坏</span>' +
      '<a href="https://evil.example">外链</a><img src="https://evil.example/t.png"></p>'
    const saved = plans.save({ docId, plan: { id: 'plan-1', title: ' 教案 ', html: dirty } })
    const html = saved.plan.html
    expect(html).not.toMatch(/script|onclick|position|url\(|expression|evil/)
    expect(html).toContain('<p style="text-align: center">居中</p>')
    expect(html).toContain('<span style="color: #e53935">红字</span>')
    expect(html).toContain('<span>坏</span>')
    expect(saved).toMatchObject({ removedLinks: 1, removedImages: 1 })
    expect(saved.plan.title).toBe('教案')
    expect(courseware.get(docId).deck.lessonPlans[0]!.html).toBe(html)
  })

  it('replaces a plan saved again under its id, and keeps a picture the media store holds', async () => {
    const { courseware, plans, docId } = setup()
    const ref = await courseware.putMedia(PLAN_PNG, 'png')
    plans.save({ docId, plan: { id: 'p', title: '一', html: '<p>一</p>' } })
    const saved = plans.save({
      docId,
      plan: { id: 'p', title: '二', html: `<p>二<img src="media/${ref.hash}.png" alt="板书"></p>` }
    })
    expect(courseware.get(docId).deck.lessonPlans).toHaveLength(1)
    expect(saved.plan.media).toEqual([ref])
    expect(saved.plan.html).toContain(`src="media/${ref.hash}.png"`)
  })

  it('exports a plan as Word into the exports folder, picture included', async () => {
    const { t, courseware, plans, docId } = setup()
    const ref = await courseware.putMedia(PLAN_PNG, 'png')
    const html = PLAN_HTML.replace(/media\/[0-9a-f]{64}\.png/, `media/${ref.hash}.png`)
    const { plan } = plans.save({ docId, plan: { id: 'p', title: '勾股定理 教学设计', html } })
    const out = await plans.exportDocx({ docId, planId: plan.id })
    expect(out).toEqual({ path: join(t.dir, 'exports', '勾股定理 教学设计.docx'), fileName: '勾股定理 教学设计.docx' })
    const zip = unzipSync(readFileSync(out.path))
    expect(strFromU8(zip['word/document.xml']!)).toContain('教学过程')
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/'))).toHaveLength(1)
  })

  it('refuses to export a deck that has no plan, saying how to start one', async () => {
    const { plans, docId } = setup()
    const err = await plans.exportDocx({ docId, planId: 'none' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toContain('还没有教案')
    expect((err as AppError).code).toBe('NOT_FOUND')
  })
})
