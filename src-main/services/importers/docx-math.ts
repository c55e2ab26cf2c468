/**
 * Equations in Word (m:oMath, m:oMathPara): mammoth drops them, so a 教案 lost every formula. Before
 * mammoth reads the file, each equation in the body becomes a run of its LaTeX between dollar signs
 * ($…$, as the app writes inline formulas), converted by omml.ts; the report counts them.
 */
import { zipSync } from 'fflate'
import type { GuardedZip } from '../courseware/zip-guard'
import { ommlToLatex } from './omml'
import { parseXml } from './xml'

export interface DocxMath {
  /** The package with the equations replaced, for mammoth. */
  bytes: Uint8Array
  count: number
  /** Constructs reduced to their text (omml.ts). */
  unknown: string[]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const MATH = /<m:oMathPara\b[\s\S]*?<\/m:oMathPara>|<m:oMath\b[\s\S]*?<\/m:oMath>/g

/** Null when the document has no equations (the file is then read as it is). */
export function docxMathAsLatex(zip: GuardedZip, part = 'word/document.xml'): DocxMath | null {
  if (!zip.has(part)) return null
  const xml = zip.text(part)
  if (!xml.includes('<m:oMath')) return null
  let count = 0
  const unknown = new Set<string>()
  const replaced = xml.replace(MATH, (m) => {
    let latex = ''
    try {
      const r = ommlToLatex(parseXml(m))
      latex = r.latex
      r.unknown.forEach((u) => unknown.add(u))
    } catch {
      latex = m.replace(/<[^>]+>/g, '')
    }
    if (!latex) return ''
    count++
    const run = `<w:r><w:t xml:space="preserve">$${esc(latex)}$</w:t></w:r>`
    // An equation paragraph (m:oMathPara) stands in a w:p as a run would.
    return run
  })
  const files = Object.fromEntries(zip.readMany(zip.names))
  files[part] = new TextEncoder().encode(replaced)
  return { bytes: zipSync(files, { level: 1 }), count, unknown: [...unknown] }
}

export function reportMath(math: DocxMath, approx: (kind: 'text', message: string, messageEn: string) => void): void {
  approx(
    'text',
    `Word 中的 ${math.count} 个公式已转为 LaTeX 文字（$…$），在教案中显示为源码。`,
    `${math.count} Word equations became LaTeX text ($…$), shown as source in the lesson plan.`
  )
  if (math.unknown.length)
    approx(
      'text',
      `公式中的 ${math.unknown.join('、')} 未能转换，只保留了其中的文字。`,
      `In an equation, ${math.unknown.join(', ')} could not be converted; only its text was kept.`
    )
}
