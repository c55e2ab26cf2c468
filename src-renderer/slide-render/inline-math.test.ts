import { describe, expect, it } from 'vitest'
import { hasInlineMath, renderInlineMath } from './inline-math'

describe('renderInlineMath', () => {
  it('draws $…$ with KaTeX and escapes the text around it', () => {
    const html = renderInlineMath('<b>面积</b> $\\frac{1}{2}ah$ 对吗？')
    expect(html.startsWith('&lt;b&gt;面积&lt;/b&gt; ')).toBe(true)
    expect(html).toContain('class="katex"')
    expect(html).toContain('mfrac')
    expect(html.endsWith(' 对吗？')).toBe(true)
  })

  it('leaves prices and escaped dollars as text', () => {
    expect(hasInlineMath('苹果 5$ 一斤，梨 6$')).toBe(false)
    expect(renderInlineMath('苹果 5$ 一斤，梨 6$')).toBe('苹果 5$ 一斤，梨 6$')
    expect(renderInlineMath('\\$5')).toBe('$5')
    expect(hasInlineMath('$x^2$')).toBe(true)
  })

  it('draws chemistry with mhchem and shows a typo instead of failing', () => {
    expect(renderInlineMath('$\\ce{H2O}$')).toContain('katex')
    expect(renderInlineMath('$\\frac{1}{$')).toContain('katex-error')
  })
})
