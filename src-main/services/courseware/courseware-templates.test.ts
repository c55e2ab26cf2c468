/** Templates (issue 17, item 6): the aspect chosen, a whole Chinese lesson, and the school's own. */
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { StorageService, allMigrations } from '../storage'
import { SLIDE_SIZE, paragraphsText } from '../../../src-shared/courseware'
import { CoursewareService } from './courseware-service'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.reverse()) c()
  cleanups = []
})

function setup(dir?: string) {
  const t = dir ? { dir, cleanup: () => undefined } : tempDir()
  const storage = StorageService.open({
    file: join(t.dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'test',
    now: () => new Date()
  })
  const svc = new CoursewareService({ storage, dataDir: t.dir, autosaveMs: 0 })
  cleanups.push(
    t.cleanup,
    () => storage.close(),
    () => svc.dispose()
  )
  return { dir: t.dir, svc }
}

describe('templates', () => {
  it('make a deck of the aspect chosen, every element laid out within its width', () => {
    const { svc } = setup()
    for (const t of svc.listTemplates()) {
      const deck = svc.create({ title: `四比三-${t.id}`, aspect: '4:3', template: t.id }).deck
      expect(deck.aspect).toBe('4:3')
      for (const s of deck.slides)
        for (const e of s.elements) expect(e.x + e.w).toBeLessThanOrEqual(SLIDE_SIZE['4:3'].width + 0.01)
      const wide = svc.create({ title: `十六比九-${t.id}`, aspect: '16:9', template: t.id }).deck
      expect(wide.aspect).toBe('16:9')
    }
  })

  it('include a whole lesson: 课题, 学习目标, 新课导入, 新授, 练习, 小结, 作业, each with notes', () => {
    const { svc } = setup()
    const deck = svc.create({ title: '分数的意义', template: 'lesson' }).deck
    const titles = deck.slides.map((s) => paragraphsText(s.elements.find((e) => e.type === 'text')!.paragraphs))
    expect(titles).toEqual(['课题', '学习目标', '新课导入', '新授', '练习', '小结', '作业'])
    expect(deck.slides.every((s) => s.notes.length > 0)).toBe(true)
  })

  it('saves any deck as a school template, offered from then on, and new decks from it get fresh ids', () => {
    const a = setup()
    const mine = a.svc.create({ title: '我们学校的课', template: 'lesson', aspect: '4:3' })
    const info = a.svc.saveAsTemplate(mine.docId, '实验小学 · 数学课')
    expect(info).toMatchObject({ title: '实验小学 · 数学课', id: expect.stringMatching(/^school-[0-9a-f]{8}$/) })
    // Another start of ClassDeck on the same data folder still offers it.
    const b = setup(a.dir)
    expect(b.svc.listTemplates().map((t) => t.title)).toContain('实验小学 · 数学课')
    const made = b.svc.create({ title: '新课', template: info.id })
    expect(made.deck.aspect).toBe('4:3')
    expect(made.deck.title).toBe('新课')
    expect(made.deck.slides).toHaveLength(mine.deck.slides.length)
    expect(made.deck.slides.map((s) => s.id)).not.toEqual(mine.deck.slides.map((s) => s.id))
    expect(made.deck.slides.map((s) => s.notes)).toEqual(mine.deck.slides.map((s) => s.notes))
  })
})
