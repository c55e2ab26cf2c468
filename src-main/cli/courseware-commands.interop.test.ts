/**
 * Interop: `classdeck convert x.edux x.pdf` through LibreOffice gives one PDF page per slide with
 * the slide text. Run with `npm run test:interop`; skips (saying why) where soffice is not installed.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createManifest } from '../../src-shared/courseware'
import { encodeEdux } from '../services/courseware/edux-file'
import { sampleDeck } from '../services/exporters/sample-deck'
import { tempDir } from '../test-utils/temp-dir'
import { convertCommand } from './courseware-commands'
import { findSoffice } from './libreoffice-pdf'

const soffice = findSoffice()

describe.skipIf(!soffice)(
  `classdeck convert edux → pdf${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('writes a PDF with one page per slide and the slides’ text', async () => {
      const t = tempDir()
      try {
        const { deck, media } = sampleDeck()
        const edux = join(t.dir, '分数.edux')
        writeFileSync(edux, encodeEdux({ manifest: createManifest(deck, new Date(), 'test'), deck, media }))
        const outs: string[] = []
        const errs: string[] = []
        const code = await convertCommand([edux, join(t.dir, '分数.pdf')], {
          out: (l) => outs.push(l),
          err: (l) => errs.push(l)
        })
        expect(errs).toEqual([])
        expect(code).toBe(0)
        expect(outs[0]).toContain(`${deck.slides.length} slides`)
        const bytes = new Uint8Array(readFileSync(join(t.dir, '分数.pdf')))
        expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
        const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
        const pdf = await pdfjs.getDocument({ data: bytes }).promise
        expect(pdf.numPages).toBe(deck.slides.length)
        const text = (await (await pdf.getPage(1)).getTextContent()).items
          .map((i) => ('str' in i ? i.str : ''))
          .join('')
        expect(text).toContain('分数的初步认识')
        // Slides, not notes pages: the page has the deck's 16:9 shape.
        const [, , w, h] = (await pdf.getPage(1)).view
        expect(w! / h!).toBeCloseTo(16 / 9, 1)
        await pdf.destroy()
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
