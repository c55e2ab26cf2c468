/**
 * Interop: the PPTX we write opens in LibreOffice Impress with the right slide count and text.
 * Run with `npm run test:interop`; skips (saying why) where `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { exportPptx } from './pptx-export'
import { sampleDeck } from './sample-deck'

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

const soffice = findSoffice()

describe.skipIf(!soffice)(
  `LibreOffice interop${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('converts our PPTX to PDF with one page per slide and the slide text', async () => {
      const t = tempDir()
      try {
        const { deck, media } = sampleDeck()
        const { bytes } = await exportPptx(deck, media)
        const file = join(t.dir, 'lesson.pptx')
        writeFileSync(file, bytes)
        execFileSync(
          soffice!,
          [
            '--headless',
            `-env:UserInstallation=file://${join(t.dir, 'profile')}`,
            '--convert-to',
            'pdf',
            '--outdir',
            t.dir,
            file
          ],
          { timeout: 120_000, stdio: 'ignore' }
        )
        const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
        const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(t.dir, 'lesson.pdf'))) }).promise
        expect(pdf.numPages).toBe(deck.slides.length)
        const page1 = await pdf.getPage(1)
        const text = (await page1.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')
        expect(text).toContain('分数的初步认识')
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
