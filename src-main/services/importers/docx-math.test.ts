import { describe, expect, it } from 'vitest'
import { handDocx, wPara } from '../../test-utils/fixture-docx'
import { QUADRATIC_LATEX } from '../../test-utils/fixture-fidelity'
import { importBytes } from './import-file'

const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
const r = (t: string) => `<m:r><m:t>${t}</m:t></m:r>`

describe('Word equations (m:oMath)', () => {
  it('keeps each equation of a 教案 as its LaTeX between dollar signs, and counts them in the report', async () => {
    const quadratic =
      `<m:oMathPara ${M}><m:oMath>${r('x=')}<m:f><m:num>${r('−b±')}<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/>` +
      `<m:e><m:sSup><m:e>${r('b')}</m:e><m:sup>${r('2')}</m:sup></m:sSup>${r('−4ac')}</m:e></m:rad></m:num><m:den>${r('2a')}</m:den></m:f></m:oMath></m:oMathPara>`
    const inline = `<w:p><w:r><w:t xml:space="preserve">面积 </w:t></w:r><m:oMath ${M}><m:sSup><m:e>${r('r')}</m:e><m:sup>${r('2')}</m:sup></m:sSup></m:oMath></w:p>`
    const bytes = handDocx(wPara('求根公式') + `<w:p>${quadratic}</w:p>` + inline)
    const { deck, report } = await importBytes('公式.docx', bytes)
    const html = deck.lessonPlans[0]!.html
    expect(html).toContain(`$${QUADRATIC_LATEX}$`)
    expect(html).toContain('面积 $r^2$')
    expect(report.approximations.map((a) => a.message)).toEqual([
      'Word 中的 2 个公式已转为 LaTeX 文字（$…$），在教案中显示为源码。'
    ])
  })
})
