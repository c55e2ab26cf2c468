/**
 * Text with formulas between $…$ (and $$…$$ on a line of its own) as HTML: the text escaped, each
 * formula drawn by KaTeX with mhchem as the slide renderer draws formula elements (trust off, a typo
 * in red). A lone or escaped dollar (\$, "5$") stays text. Used for question stems and options on the
 * board and the tablets.
 */
import katex from 'katex'
import 'katex/dist/contrib/mhchem.mjs'
import 'katex/dist/katex.min.css'

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** $$display$$ or $inline$; the inline body neither starts nor ends with a space (so "5$ and 6$" is text). */
const MATH = /\$\$([^$]+?)\$\$|(?<!\\)\$(?! )((?:\\\$|[^$\n])+?)(?<! |\\)\$/g

export function hasInlineMath(text: string): boolean {
  return new RegExp(MATH).test(text)
}

export function renderInlineMath(text: string): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(new RegExp(MATH))) {
    out += escape(text.slice(last, m.index).replace(/\\\$/g, '$'))
    const display = m[1] !== undefined
    out += katex.renderToString((m[1] ?? m[2])!, {
      throwOnError: false,
      displayMode: display,
      output: 'html',
      trust: false,
      strict: 'ignore'
    })
    last = m.index + m[0].length
  }
  return out + escape(text.slice(last).replace(/\\\$/g, '$'))
}
