/**
 * Office Math (OMML, m:oMath) → LaTeX for KaTeX, as PowerPoint (a14:m) and Word store equations:
 * fractions, sub- and superscripts, radicals, n-ary operators, delimiters, matrices, equation arrays,
 * functions, accents, bars, group characters, limits and boxes. A construct it does not know keeps
 * its text and is named in `unknown`, so the report can say which formula was approximated.
 */
import type { XNode } from './xml'

export interface OmmlResult {
  latex: string
  /** Element names (without m:) that were reduced to their text. */
  unknown: string[]
}

const SYMBOL: Record<string, string> = {
  '×': '\\times ',
  '÷': '\\div ',
  '±': '\\pm ',
  '∓': '\\mp ',
  '·': '\\cdot ',
  '⋅': '\\cdot ',
  '≤': '\\le ',
  '≥': '\\ge ',
  '≠': '\\ne ',
  '≈': '\\approx ',
  '≡': '\\equiv ',
  '∝': '\\propto ',
  '→': '\\rightarrow ',
  '←': '\\leftarrow ',
  '⇒': '\\Rightarrow ',
  '⇔': '\\Leftrightarrow ',
  '↔': '\\leftrightarrow ',
  '⇌': '\\rightleftharpoons ',
  '∞': '\\infty ',
  '∈': '\\in ',
  '∉': '\\notin ',
  '⊂': '\\subset ',
  '⊆': '\\subseteq ',
  '∪': '\\cup ',
  '∩': '\\cap ',
  '∅': '\\emptyset ',
  '∀': '\\forall ',
  '∃': '\\exists ',
  '∠': '\\angle ',
  '⊥': '\\perp ',
  '∥': '\\parallel ',
  '△': '\\triangle ',
  '°': '^{\\circ}',
  '′': "'",
  '…': '\\ldots ',
  '⋯': '\\cdots ',
  '∴': '\\therefore ',
  '∵': '\\because ',
  '−': '-',
  '∂': '\\partial ',
  '∇': '\\nabla ',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '\\': '\\backslash ',
  '~': '\\sim ',
  '^': '\\hat{}'
}

const NARY: Record<string, string> = {
  '∑': '\\sum',
  '∏': '\\prod',
  '∐': '\\coprod',
  '∫': '\\int',
  '∬': '\\iint',
  '∭': '\\iiint',
  '∮': '\\oint',
  '⋃': '\\bigcup',
  '⋂': '\\bigcap',
  '⋁': '\\bigvee',
  '⋀': '\\bigwedge'
}

const ACCENT: Record<string, string> = {
  '̂': '\\hat',
  '^': '\\hat',
  '̃': '\\tilde',
  '̄': '\\bar',
  '¯': '\\bar',
  '̇': '\\dot',
  '̈': '\\ddot',
  '⃗': '\\vec',
  '→': '\\vec',
  '́': '\\acute',
  '̀': '\\grave',
  '̆': '\\breve',
  '̌': '\\check'
}

const FUNCS = new Set(
  'sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp lim max min sup inf det gcd deg arg dim ker'.split(
    ' '
  )
)

const DELIM: Record<string, string> = {
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  '{': '\\{',
  '}': '\\}',
  '|': '|',
  '‖': '\\|',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '⌈': '\\lceil',
  '⌉': '\\rceil',
  '⌊': '\\lfloor',
  '⌋': '\\rfloor',
  '': '.'
}

const kid = (n: XNode | undefined, name: string) => n?.children.find((c) => c.name === name)
const val = (n: XNode | undefined, name: string) => kid(n, name)?.attrs['m:val']

function text(n: XNode): string {
  return n.children.length ? n.children.map(text).join('') : n.text
}

/** Plain text of a run in math mode: symbols as commands, CJK and multi-letter plain words in \text. */
function runText(t: string, plain: boolean): string {
  if (!t) return ''
  if (/[\u3000-\u9fff\uff00-\uffef]/.test(t)) return `\\text{${t.replace(/[{}\\]/g, '')}}`
  if (plain && /^[A-Za-z]{2,}$/.test(t)) return FUNCS.has(t) ? `\\${t} ` : `\\mathrm{${t}}`
  let out = ''
  for (const ch of t) out += SYMBOL[ch] ?? (ch === ' ' ? '\\ ' : ch)
  return out
}

class Converter {
  unknown = new Set<string>()

  all(n: XNode | undefined): string {
    if (!n) return ''
    return n.children.map((c) => this.node(c)).join('')
  }

  /** An argument: braced unless it is a single character. */
  arg(n: XNode | undefined): string {
    const s = this.all(n).trim()
    return s.length === 1 ? s : `{${s}}`
  }

  node(n: XNode): string {
    switch (n.name) {
      case 'm:r': {
        const t = kid(n, 'm:t')
        const plain = val(kid(n, 'm:rPr'), 'm:sty') === 'p' || !!kid(kid(n, 'm:rPr'), 'm:nor')
        return t ? runText(text(t), plain) : ''
      }
      case 'm:oMath':
      case 'm:e':
      case 'm:num':
      case 'm:den':
      case 'm:sub':
      case 'm:sup':
      case 'm:deg':
      case 'm:lim':
      case 'm:fName':
        return this.all(n)
      case 'm:f': {
        const type = val(kid(n, 'm:fPr'), 'm:type')
        const num = this.all(kid(n, 'm:num'))
        const den = this.all(kid(n, 'm:den'))
        if (type === 'noBar') return `\\binom{${num}}{${den}}`
        if (type === 'lin' || type === 'skw') return `{${num}}/{${den}}`
        return `\\frac{${num}}{${den}}`
      }
      case 'm:sSub':
        return `${this.arg(kid(n, 'm:e'))}_${this.arg(kid(n, 'm:sub'))}`
      case 'm:sSup':
        return `${this.arg(kid(n, 'm:e'))}^${this.arg(kid(n, 'm:sup'))}`
      case 'm:sSubSup':
        return `${this.arg(kid(n, 'm:e'))}_${this.arg(kid(n, 'm:sub'))}^${this.arg(kid(n, 'm:sup'))}`
      case 'm:sPre':
        return `{}_${this.arg(kid(n, 'm:sub'))}^${this.arg(kid(n, 'm:sup'))}${this.arg(kid(n, 'm:e'))}`
      case 'm:rad': {
        const hide = val(kid(n, 'm:radPr'), 'm:degHide')
        const deg = this.all(kid(n, 'm:deg')).trim()
        return hide === '1' || hide === 'on' || !deg
          ? `\\sqrt{${this.all(kid(n, 'm:e'))}}`
          : `\\sqrt[${deg}]{${this.all(kid(n, 'm:e'))}}`
      }
      case 'm:nary': {
        const pr = kid(n, 'm:naryPr')
        const chr = val(pr, 'm:chr') ?? '∫'
        const op = NARY[chr] ?? chr
        const hidden = (k: string) => ['1', 'on', 'true'].includes(val(pr, k) ?? '')
        const sub = hidden('m:subHide') ? '' : this.all(kid(n, 'm:sub')).trim()
        const sup = hidden('m:supHide') ? '' : this.all(kid(n, 'm:sup')).trim()
        const limits = val(pr, 'm:limLoc') === 'undOvr' && !op.includes('int') ? '\\limits' : ''
        return `${op}${limits}${sub ? `_{${sub}}` : ''}${sup ? `^{${sup}}` : ''}{${this.all(kid(n, 'm:e'))}}`
      }
      case 'm:d': {
        const pr = kid(n, 'm:dPr')
        const beg = val(pr, 'm:begChr') ?? '('
        const end = val(pr, 'm:endChr') ?? ')'
        const sep = val(pr, 'm:sepChr') ?? '|'
        const items = n.children.filter((c) => c.name === 'm:e').map((e) => this.all(e))
        const d = (c: string) => DELIM[c] ?? (c ? c : '.')
        return `\\left${d(beg)}${items.join(sep === '|' ? '\\mid ' : runText(sep, false))}\\right${d(end)}`
      }
      case 'm:m': {
        const rows = n.children
          .filter((c) => c.name === 'm:mr')
          .map((r) =>
            r.children
              .filter((c) => c.name === 'm:e')
              .map((e) => this.all(e))
              .join(' & ')
          )
        return `\\begin{matrix}${rows.join(' \\\\ ')}\\end{matrix}`
      }
      case 'm:eqArr': {
        const rows = n.children.filter((c) => c.name === 'm:e').map((e) => this.all(e))
        return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`
      }
      case 'm:func': {
        const name = text(kid(n, 'm:fName') ?? n).trim()
        const fn = FUNCS.has(name) ? `\\${name}` : this.all(kid(n, 'm:fName'))
        return `${fn}{${this.all(kid(n, 'm:e'))}}`
      }
      case 'm:acc': {
        const chr = val(kid(n, 'm:accPr'), 'm:chr') ?? '̂'
        return `${ACCENT[chr] ?? '\\hat'}{${this.all(kid(n, 'm:e'))}}`
      }
      case 'm:bar':
        return `${val(kid(n, 'm:barPr'), 'm:pos') === 'top' ? '\\overline' : '\\underline'}{${this.all(kid(n, 'm:e'))}}`
      case 'm:groupChr': {
        const pr = kid(n, 'm:groupChrPr')
        const top = val(pr, 'm:pos') === 'top'
        return `${top ? '\\overbrace' : '\\underbrace'}{${this.all(kid(n, 'm:e'))}}`
      }
      case 'm:limLow': {
        const base = this.all(kid(n, 'm:e')).trim()
        const lim = this.all(kid(n, 'm:lim'))
        return /^\\(lim|max|min|sup|inf)\s*$/.test(base) ? `${base.trim()}_{${lim}}` : `\\underset{${lim}}{${base}}`
      }
      case 'm:limUpp':
        return `\\overset{${this.all(kid(n, 'm:lim'))}}{${this.all(kid(n, 'm:e'))}}`
      case 'm:borderBox':
        return `\\boxed{${this.all(kid(n, 'm:e'))}}`
      case 'm:box':
      case 'm:phant':
        return this.all(kid(n, 'm:e'))
      case 'm:ctrlPr':
      case 'm:rPr':
      case 'm:fPr':
      case 'm:radPr':
      case 'm:naryPr':
      case 'm:dPr':
      case 'm:mPr':
      case 'm:sSubPr':
      case 'm:sSupPr':
      case 'm:sSubSupPr':
      case 'm:sPrePr':
      case 'm:funcPr':
      case 'm:accPr':
      case 'm:barPr':
      case 'm:groupChrPr':
      case 'm:limLowPr':
      case 'm:limUppPr':
      case 'm:eqArrPr':
      case 'm:boxPr':
      case 'm:borderBoxPr':
      case 'm:oMathParaPr':
      case 'm:argPr':
      case 'w:rPr':
      case 'a:rPr':
      case 'w:bookmarkStart':
      case 'w:bookmarkEnd':
        return ''
      case 'm:oMathPara':
        return n.children
          .filter((c) => c.name === 'm:oMath')
          .map((c) => this.all(c))
          .join(' \\\\ ')
      default: {
        // Word's own runs inside math (w:r) and anything new: keep the text, name the construct.
        if (n.name !== 'w:r' && n.name !== 'w:t') this.unknown.add(n.name.replace(/^m:/, ''))
        return runText(text(n), false)
      }
    }
  }
}

/** One equation (m:oMath or m:oMathPara) as LaTeX. */
export function ommlToLatex(n: XNode): OmmlResult {
  const c = new Converter()
  const latex = c.node(n).replace(/\s+/g, ' ').replace(/\\ $/, '').trim()
  return { latex, unknown: [...c.unknown] }
}
