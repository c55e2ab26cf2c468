/**
 * A Word lesson plan of thousands of paragraphs: the class of file (well under 0.5 MB) that took the
 * importer 24 s and half a GB, because jsdom's fragment parse and its live HTMLCollection are both
 * quadratic in the number of top-level paragraphs. It must import whole and in order.
 */
import { describe, expect, it } from 'vitest'
import { longPlanDocx, longPlanHeading } from '../../test-utils/fixture-docx'
import { importBytes } from './import-file'

describe('Word import of a long lesson plan', () => {
  it('splits 12,000 paragraphs with 300 pictures into every section in order, nothing dropped', async () => {
    const paragraphs = 12_000
    const bytes = longPlanDocx({ paragraphs, perSection: 20, pictures: 300 })
    expect(bytes.length).toBeLessThan(500_000)
    const r = await importBytes('长教案.docx', bytes, { splitHeadingLevel: 1 })

    const sections = paragraphs / 20
    const firsts = r.report.titles.filter((t) => !t.endsWith('（续）'))
    expect(firsts).toEqual(Array.from({ length: sections }, (_, i) => longPlanHeading(i)))

    const texts = r.deck.slides.flatMap((s) =>
      s.elements.flatMap((e) => (e.type === 'text' ? e.paragraphs.map((p) => p.runs.map((x) => x.text).join('')) : []))
    )
    const body = texts.filter((t) => t.startsWith('第 ') && t.includes('段：'))
    expect(body).toHaveLength(paragraphs - sections)
    expect(body.at(-1)).toContain(`第 ${paragraphs - 1} 段`)

    const pictures = r.deck.slides.flatMap((s) => s.elements.filter((e) => e.type === 'image'))
    expect(pictures).toHaveLength(300)
    expect(r.media.size).toBe(300)
    expect(r.deck.lessonPlans[0]!.media).toHaveLength(300)
    const html = r.deck.lessonPlans[0]!.html
    expect(html.match(/<p>/g)?.length).toBe(paragraphs - sections + 300)
    expect(html.match(/<h1>/g)?.length).toBe(sections)
    // 10 s is room for a loaded machine (it takes ~3 s here); the quadratic code needed ~11 s for this file.
  }, 10_000)
})
