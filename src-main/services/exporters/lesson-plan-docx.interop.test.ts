/**
 * Interop: the 教学设计 we write as .docx opens in LibreOffice Writer, and its text (converted to
 * plain text and to PDF) holds every heading and every table cell.
 * Run with `npm run test:interop`; skips (saying why) where `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { PLAN_CELLS, PLAN_HEADINGS, PLAN_HTML, PLAN_PNG, PLAN_PNG_PATH } from '../../test-utils/fixture-lesson-plan'
import { lessonPlanDocx } from './lesson-plan-docx'

function findSoffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 20_000 })
      return bin
    } catch {
      // not this one
    }
  }
  return null
}

/** Impress alone (libreoffice-impress) cannot load a .docx: "source file could not be loaded". */
function hasWriter(bin: string): boolean {
  try {
    const path = execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim()
    return existsSync(join(dirname(realpathSync(path)), 'libswlo.so'))
  } catch {
    return false
  }
}

const found = findSoffice()
const soffice = found && hasWriter(found) ? found : null
const why = found
  ? 'LibreOffice Writer is not installed (apt-get install libreoffice-writer)'
  : 'soffice is not installed'

describe.skipIf(!soffice)(`LibreOffice reads the 教案 .docx${soffice ? '' : ` — skipped: ${why}`}`, () => {
  it('converts to text and PDF with every heading and table cell', async () => {
    const t = tempDir()
    try {
      const bytes = await lessonPlanDocx({ title: '勾股定理', html: PLAN_HTML }, (p) =>
        p === PLAN_PNG_PATH ? PLAN_PNG : null
      )
      const file = join(t.dir, 'plan.docx')
      writeFileSync(file, bytes)
      const convert = (to: string) =>
        execFileSync(
          soffice!,
          [
            '--headless',
            `-env:UserInstallation=file://${join(t.dir, 'profile')}`,
            '--convert-to',
            to,
            '--outdir',
            t.dir,
            file
          ],
          { timeout: 120_000, stdio: 'ignore' }
        )
      convert('txt:Text (encoded):UTF8')
      const text = readFileSync(join(t.dir, 'plan.txt'), 'utf8')
      for (const s of [...PLAN_HEADINGS, ...PLAN_CELLS]) expect(text).toContain(s)
      convert('pdf')
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(t.dir, 'plan.pdf'))) }).promise
      let all = ''
      for (let i = 1; i <= pdf.numPages; i++)
        all += (await (await pdf.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('')
      for (const s of [...PLAN_HEADINGS, ...PLAN_CELLS]) expect(all.replace(/\s+/g, ' ')).toContain(s)
    } finally {
      t.cleanup()
    }
  }, 180_000)
})
