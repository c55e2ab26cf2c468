/** KaTeX with mhchem, rendered to an HTML string once per formula source. */
import katex from 'katex'
import 'katex/dist/contrib/mhchem.mjs'
import 'katex/dist/katex.min.css'

const cache = new Map<string, string>()

export function renderFormula(latex: string, syntax: 'math' | 'chem'): string {
  const key = `${syntax}\u0000${latex}`
  let html = cache.get(key)
  if (html === undefined) {
    const source = syntax === 'chem' ? `\\ce{${latex}}` : latex
    // throwOnError false: a typo shows in red where it is instead of blanking the slide.
    html = katex.renderToString(source, {
      throwOnError: false,
      displayMode: true,
      output: 'html',
      trust: false,
      strict: 'ignore'
    })
    if (cache.size > 500) cache.clear()
    cache.set(key, html)
  }
  return html
}
