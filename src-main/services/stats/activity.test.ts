/**
 * The rule engine against hand-worked weeks, one per shipped region. Every expected figure
 * below was worked out by hand from the region's JSON table; the comments show the working.
 * Week: Monday 2026-03-02 to Sunday 2026-03-08, China time (+08:00).
 */
import { describe, expect, it } from 'vitest'
import { estimateWindow, type ActivityFact, type ActivityRegion } from '../../../src-shared/library'
import { loadRegions, SHIPPED_REGION_FILES } from './regions'

const at = (day: string, hm = '09:00'): string => new Date(`${day}T${hm}:00+08:00`).toISOString()
const lesson = (day: string, activeMinutes: number, hm?: string): ActivityFact => ({
  kind: 'lesson',
  at: at(day, hm),
  activeMinutes
})
const upload = (day: string, type: '课件' | '教案' | '素材', original: boolean): ActivityFact => ({
  kind: 'upload',
  at: at(day),
  type,
  original
})
const quiz = (day: string, students: number): ActivityFact => ({ kind: 'quiz', at: at(day), students })
const active = (day: string): ActivityFact => ({ kind: 'active-day', day })

const week: ActivityFact[] = [
  lesson('2026-03-02', 40, '08:00'),
  lesson('2026-03-02', 20, '10:00'),
  lesson('2026-03-02', 10, '14:00'),
  lesson('2026-03-03', 45),
  lesson('2026-03-04', 5),
  upload('2026-03-03', '课件', true),
  upload('2026-03-05', '课件', true),
  upload('2026-03-06', '课件', false),
  upload('2026-03-06', '教案', true),
  upload('2026-03-06', '素材', false),
  quiz('2026-03-02', 12),
  quiz('2026-03-03', 9),
  quiz('2026-03-04', 30),
  quiz('2026-03-05', 10),
  // Six days in a row before the week, then Mon–Fri and Sunday.
  ...['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01'].map(active),
  ...['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-08'].map(active)
]
const WEEK = { firstDay: '2026-03-02', endDay: '2026-03-09' }

const regions = new Map(loadRegions().map((r) => [r.id, r]))
const region = (id: string): ActivityRegion => regions.get(id)!
const byRule = (r: ReturnType<typeof estimateWindow>) =>
  Object.fromEntries(r.rules.map((x) => [x.ruleId, { matched: x.matched, counted: x.counted, points: x.points }]))

describe('activity estimate', () => {
  it('loads and validates every shipped region table', () => {
    expect([...regions.keys()].sort()).toEqual(['fujian-teacher-space', 'shihe-district', 'zhejiang-zhijianghui'])
    expect(Object.keys(SHIPPED_REGION_FILES)).toHaveLength(3)
  })

  it('refuses a quiz rule that does not say whether classroom questions count, and on what basis', () => {
    const zj = structuredClone(SHIPPED_REGION_FILES['zhejiang-zhijianghui.json']) as {
      rules: { kind: string; classroomQuestions?: unknown }[]
    }
    for (const r of zj.rules) if (r.kind === 'quiz') delete r.classroomQuestions
    expect(() => loadRegions({ 'zhejiang-zhijianghui.json': zj })).toThrow(/classroomQuestions/)
  })

  it('refuses a rule table that breaks the schema, naming the file', () => {
    const broken = {
      ...(SHIPPED_REGION_FILES['shihe-district.json'] as object),
      rules: [{ id: 'x', kind: 'lesson', name: '授课', nameEn: 'L', points: -5, minActiveMinutes: 15 }]
    }
    expect(() => loadRegions({ 'shihe-district.json': broken })).toThrow(/shihe-district\.json 不符合格式/)
    expect(() => loadRegions({ 'other.json': SHIPPED_REGION_FILES['shihe-district.json'] })).toThrow(/与文件名不一致/)
  })

  it('Zhejiang 之江汇: a hand-worked week with every cap reached', () => {
    const r = estimateWindow(region('zhejiang-zhijianghui'), week, WEEK)
    expect(byRule(r)).toEqual({
      // ≥ 15 min: Mon 40, Mon 20, Tue 45 → 3; 2 a week → 2 × 5
      'interactive-lesson': { matched: 3, counted: 2, points: 10 },
      // original 课件: Tue, Thu → 2; 1 a week → 1 × 10 (Fri's 课件 is not original, Fri's 教案 is not 课件)
      courseware: { matched: 2, counted: 1, points: 10 },
      // 导学检测 is done before class on the platform: none of ClassDeck's in-class questions count
      'guided-test': { matched: 0, counted: 0, points: 0 },
      // every lesson, 10 points a day: Mon 3 lessons → 10, Tue 5, Wed 5
      'classroom-teaching': { matched: 5, counted: 4, points: 20 },
      // Mon: 6 days before → 1; Tue–Fri: 7+ days before → 2 each; Sun after a gap → 1
      login: { matched: 6, counted: 6, points: 10 }
    })
    expect(r.points).toBe(50)
    expect(r.rules.find((x) => x.ruleId === 'guided-test')!.why).toBe(
      '导学检测：这段时间没有可计入的检测——ClassDeck 的课堂提问不算导学检测（依据：导学是课前导学：学生课前在平台上完成的学习与检测；规则表摘录只说“导学检测”，没有把课堂上的即时提问算进去。）（每次 5 分，每周最多 2 次）。'
    )
    const why = r.rules.find((x) => x.ruleId === 'interactive-lesson')!.why
    expect(why).toBe(
      '互动授课：有效授课满 15 分钟的课 3 次，计分 2 次，1 次超出上限未计（每次 5 分，每周最多 2 次），共 10 分。'
    )
  })

  it('Shihe 浉河区: valid teaching days at 10 minutes, one a day', () => {
    const r = estimateWindow(region('shihe-district'), week, WEEK)
    expect(byRule(r)).toEqual({
      // ≥ 10 min: Mon 40/20/10, Tue 45 → 4; once a day → Mon, Tue → 2 × 5 (Wed's 5 min does not count)
      'effective-teaching-day': { matched: 4, counted: 2, points: 10 },
      'classroom-interaction': { matched: 3, counted: 2, points: 10 },
      // any share: 5, at most 5 a week → 5 × 2
      'resource-share': { matched: 5, counted: 5, points: 10 },
      // no streak bonus in this table: 6 days × 1
      login: { matched: 6, counted: 6, points: 6 }
    })
    expect(r.points).toBe(36)
    // Where the region's rule does count classroom questions, the estimate says which words say so.
    expect(r.rules.find((x) => x.ruleId === 'classroom-interaction')!.why).toContain('依据：规则名为“课堂互动”')
  })

  it('Fujian 教师空间: a points cap per day that the third share on Friday exceeds', () => {
    const r = estimateWindow(region('fujian-teacher-space'), week, WEEK)
    expect(byRule(r)).toEqual({
      'interactive-lesson': { matched: 3, counted: 2, points: 10 },
      // 课件, original or not: Tue, Thu, Fri → 3; 2 a week → 2 × 5
      'courseware-upload': { matched: 3, counted: 2, points: 10 },
      // 2 each, 4 points a day: Tue 2, Thu 2, Fri 2 + 2 and the third gets nothing
      'resource-share': { matched: 5, counted: 4, points: 8 },
      'quiz-completion': { matched: 3, counted: 2, points: 10 },
      login: { matched: 6, counted: 6, points: 10 }
    })
    expect(r.points).toBe(48)
  })

  it('counts a week cap across the month boundary: lessons late in February use up the week that ends on 1 March', () => {
    const facts = [lesson('2026-02-27', 20), lesson('2026-02-28', 20), lesson('2026-03-01', 20), ...week]
    const march = estimateWindow(region('zhejiang-zhijianghui'), facts, {
      firstDay: '2026-03-01',
      endDay: '2026-04-01'
    })
    // 1 March is in the week of 23 Feb, whose 2 are already taken; the week of 2 March adds 2 × 5.
    expect(byRule(march)['interactive-lesson']).toEqual({ matched: 4, counted: 2, points: 10 })
    // The day cap is per day: 1 March's lesson alone earns 5.
    expect(byRule(march)['classroom-teaching']).toEqual({ matched: 6, counted: 5, points: 25 })
  })

  it('says plainly when nothing was recorded', () => {
    const r = estimateWindow(region('zhejiang-zhijianghui'), [], WEEK)
    expect(r.points).toBe(0)
    expect(r.rules[0]!.why).toBe('互动授课：这段时间没有有效授课满 15 分钟的课（每次 5 分，每周最多 2 次）。')
  })
})
