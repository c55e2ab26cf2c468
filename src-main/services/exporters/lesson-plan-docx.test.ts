import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { lessonPlanDocx } from './lesson-plan-docx'
import { PLAN_CELLS, PLAN_HEADINGS, PLAN_HTML, PLAN_PNG, PLAN_PNG_PATH } from '../../test-utils/fixture-lesson-plan'

const media = (path: string) => (path === PLAN_PNG_PATH ? PLAN_PNG : null)

describe('the 教案 as Word', () => {
  it('writes headings, run formatting, lists, a merged table cell and the picture', async () => {
    const bytes = await lessonPlanDocx({ title: '勾股定理', html: PLAN_HTML }, media)
    const zip = unzipSync(bytes)
    const xml = strFromU8(zip['word/document.xml']!)
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1)
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(4)
    expect(xml).toContain('<w:jc w:val="center"/>')
    for (const tag of ['<w:b/>', '<w:i/>', '<w:u w:val="single"/>', '<w:strike/>', '<w:color w:val="e53935"/>'])
      expect(xml).toContain(tag)
    expect(xml).toContain('<w:vertAlign w:val="superscript"/>')
    expect(xml).toContain('<w:vertAlign w:val="subscript"/>')
    expect(xml).toContain('w:fill="FFF176"')
    expect(xml).toContain('<w:gridSpan w:val="4"/>')
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/>/)
    // The nested bullet sits one level below its numbered item.
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/)
    const pictures = Object.keys(zip).filter((k) => k.startsWith('word/media/'))
    expect(pictures).toHaveLength(1)
    expect(zip[pictures[0]!]).toEqual(PLAN_PNG)
  })

  it('reads back through a Word reader with every heading and table cell', async () => {
    const bytes = await lessonPlanDocx({ title: '勾股定理', html: PLAN_HTML }, media)
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    for (const h of PLAN_HEADINGS) expect(html).toMatch(new RegExp(`<h[12]>${h}</h[12]>`))
    for (const c of PLAN_CELLS) expect(html).toContain(c)
    expect(html).toContain('<strong>八年级</strong>')
    expect(html).toContain('<sup>2</sup>')
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/)
  })

  it('leaves out a picture whose file is missing and a source that is not the plan’s own', async () => {
    const html = `<p>前<img src="${PLAN_PNG_PATH.replace(/[0-9a-f]{8}\./, '00000000.')}">中<img src="https://example.com/x.png">后</p>`
    const zip = unzipSync(await lessonPlanDocx({ title: 't', html }, media))
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/'))).toHaveLength(0)
    expect(strFromU8(zip['word/document.xml']!)).toContain('前')
  })

  it('writes an empty plan as a document holding its title', async () => {
    const zip = unzipSync(await lessonPlanDocx({ title: '空白教案', html: '' }, media))
    expect(strFromU8(zip['word/document.xml']!)).toContain('空白教案')
  })
})
