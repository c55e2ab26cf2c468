import { describe, expect, it } from 'vitest'
import { ommlToLatex } from './omml'
import { parseXml } from './xml'

const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
const r = (t: string) => `<m:r><m:t>${t}</m:t></m:r>`
const latex = (inner: string) => ommlToLatex(parseXml(`<m:oMath ${M}>${inner}</m:oMath>`))

describe('OMML to LaTeX', () => {
  it('writes fractions, scripts and radicals', () => {
    expect(latex(`<m:f><m:num>${r('a')}</m:num><m:den>${r('b+1')}</m:den></m:f>`).latex).toBe('\\frac{a}{b+1}')
    expect(
      latex(
        `<m:sSup><m:e>${r('x')}</m:e><m:sup>${r('2')}</m:sup></m:sSup>${r('+')}<m:sSub><m:e>${r('a')}</m:e><m:sub>${r('n')}</m:sub></m:sSub>`
      ).latex
    ).toBe('x^2+a_n')
    expect(
      latex(`<m:sSubSup><m:e>${r('x')}</m:e><m:sub>${r('i')}</m:sub><m:sup>${r('2')}</m:sup></m:sSubSup>`).latex
    ).toBe('x_i^2')
    expect(
      latex(
        `<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${r('b')}<m:sSup><m:e>${r('')}</m:e><m:sup>${r('2')}</m:sup></m:sSup>${r('−4ac')}</m:e></m:rad>`
      ).latex
    ).toBe('\\sqrt{b{}^2-4ac}')
    expect(latex(`<m:rad><m:deg>${r('3')}</m:deg><m:e>${r('8')}</m:e></m:rad>`).latex).toBe('\\sqrt[3]{8}')
  })

  it('writes n-ary operators with limits, delimiters, matrices and equation arrays', () => {
    expect(
      latex(
        `<m:nary><m:naryPr><m:chr m:val="∑"/><m:limLoc m:val="undOvr"/></m:naryPr><m:sub>${r('i=1')}</m:sub><m:sup>${r('n')}</m:sup><m:e>${r('i')}</m:e></m:nary>`
      ).latex
    ).toBe('\\sum\\limits_{i=1}^{n}{i}')
    expect(
      latex(`<m:nary><m:sub>${r('0')}</m:sub><m:sup>${r('1')}</m:sup><m:e>${r('x dx')}</m:e></m:nary>`).latex
    ).toBe('\\int_{0}^{1}{x\\ dx}')
    expect(
      latex(
        `<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr><m:e>${r('a')}</m:e><m:e>${r('b')}</m:e></m:d>`
      ).latex
    ).toBe('\\left[a\\mid b\\right]')
    expect(
      latex(
        `<m:m><m:mr><m:e>${r('1')}</m:e><m:e>${r('0')}</m:e></m:mr><m:mr><m:e>${r('0')}</m:e><m:e>${r('1')}</m:e></m:mr></m:m>`
      ).latex
    ).toBe('\\begin{matrix}1 & 0 \\\\ 0 & 1\\end{matrix}')
    expect(latex(`<m:eqArr><m:e>${r('x+y=2')}</m:e><m:e>${r('x−y=0')}</m:e></m:eqArr>`).latex).toBe(
      '\\begin{aligned}x+y=2 \\\\ x-y=0\\end{aligned}'
    )
  })

  it('writes functions, accents, bars, limits and symbols', () => {
    expect(
      latex(
        `<m:func><m:fName><m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t>sin</m:t></m:r></m:fName><m:e>${r('θ')}</m:e></m:func>`
      ).latex
    ).toBe('\\sin{θ}')
    expect(latex(`<m:acc><m:accPr><m:chr m:val="⃗"/></m:accPr><m:e>${r('F')}</m:e></m:acc>`).latex).toBe('\\vec{F}')
    expect(latex(`<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e>${r('AB')}</m:e></m:bar>`).latex).toBe(
      '\\overline{AB}'
    )
    expect(
      latex(
        `<m:limLow><m:e><m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t>lim</m:t></m:r></m:e><m:lim>${r('x→0')}</m:lim></m:limLow>`
      ).latex
    ).toBe('\\lim_{x\\rightarrow 0}')
    expect(latex(r('a×b≤c, 90°')).latex).toBe('a\\times b\\le c,\\ 90^{\\circ}')
    expect(latex(r('速度')).latex).toBe('\\text{速度}')
  })

  it('keeps the text of a construct it does not know, and names it', () => {
    expect(latex(`<m:newThing><m:e>${r('q')}</m:e></m:newThing>`)).toEqual({ latex: 'q', unknown: ['newThing'] })
  })
})
