/**
 * Interop (issue 17, item 1): an imported box of mixed formatting, one word retyped through the
 * in-place editor's mapping (runs ⇄ ProseMirror), exported to PowerPoint, still shows every run's
 * formatting in LibreOffice: the export is converted to flat ODF (.fodp) and each word's span
 * style read back. The deck comes from pptxgenjs, so a bare clone has it. Run with
 * `npm run test:interop`; skips (saying why) where `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { tempDir } from '../../src-main/test-utils/temp-dir'
import { importPptx } from '../../src-main/services/importers/pptx/pptx-import'
import { exportPptx } from '../../src-main/services/exporters/pptx-export'
import { docToParagraphs, paragraphsToDoc, type PmNode } from '../../src-shared/rich-text/runs-doc'

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

/** One line of every format, as a teacher's imported title slide has it. */
async function mixedDeck(): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.addSlide().addText(
    [
      { text: '粗体', options: { bold: true, fontSize: 28 } },
      { text: '斜体', options: { italic: true, fontSize: 28 } },
      { text: '下划线', options: { underline: { style: 'sng' }, fontSize: 28 } },
      { text: '删除线', options: { strike: 'sngStrike', fontSize: 28 } },
      { text: '红色', options: { color: 'C00000', fontSize: 28 } },
      { text: '大字', options: { fontSize: 44 } },
      { text: '楷体字', options: { fontFace: '楷体', fontSize: 28 } },
      { text: 'x', options: { fontSize: 28 } },
      { text: '2', options: { superscript: true, fontSize: 28 } },
      { text: 'H', options: { fontSize: 28 } },
      { text: '2', options: { subscript: true, fontSize: 28 } },
      { text: 'O', options: { fontSize: 28 } }
    ],
    { x: 0.5, y: 0.5, w: 9, h: 1.5 }
  )
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array)
}

interface SpanStyle {
  text: string
  props: Record<string, string>
}

/** The text spans of a .fodp with the text properties of their automatic styles. */
function spans(fodp: string): SpanStyle[] {
  const doc = new JSDOM(fodp, { contentType: 'text/xml' }).window.document
  // A span names a font face declaration ("楷体3"); the face says which font it is.
  const faces = new Map<string, string>()
  for (const f of doc.getElementsByTagName('style:font-face'))
    faces.set(f.getAttribute('style:name') ?? '', (f.getAttribute('svg:font-family') ?? '').replace(/^['"]|['"]$/g, ''))
  const styles = new Map<string, Record<string, string>>()
  for (const s of doc.getElementsByTagName('style:style')) {
    const tp = s.getElementsByTagName('style:text-properties')[0]
    if (!tp) continue
    const props: Record<string, string> = {}
    for (const a of tp.attributes)
      props[a.name] = /^style:font-name/.test(a.name) ? (faces.get(a.value) ?? a.value) : a.value
    styles.set(s.getAttribute('style:name') ?? '', props)
  }
  return [...doc.getElementsByTagName('text:span')].map((sp) => ({
    text: sp.textContent ?? '',
    props: styles.get(sp.getAttribute('text:style-name') ?? '') ?? {}
  }))
}

describe.skipIf(!soffice)(
  `the in-place editor with LibreOffice${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('keeps every run’s formatting through import, a one-word edit and PowerPoint export', async () => {
      const t = tempDir()
      try {
        const imported = await importPptx('混排.pptx', await mixedDeck())
        const slide = imported.deck.slides[0]!
        const box = slide.elements.find((e) => e.type === 'text')
        if (box?.type !== 'text') throw new Error('no text box imported')
        // The teacher retypes “红色” as “蓝色” in the editor: one text node changes.
        const doc = paragraphsToDoc(box.paragraphs)
        const node = doc.content![0]!.content!.find((n) => n.text === '红色')!
        node.text = '蓝色'
        const edited = { ...box, paragraphs: docToParagraphs(JSON.parse(JSON.stringify(doc)) as PmNode) }
        const deck = { ...imported.deck, slides: [{ ...slide, elements: [edited] }] }
        const media = new Map([...imported.media].map(([k, v]) => [k, v]))
        const { bytes } = await exportPptx(deck, media)
        const file = join(t.dir, 'edited.pptx')
        writeFileSync(file, bytes)
        execFileSync(
          soffice!,
          [
            '--headless',
            `-env:UserInstallation=file://${join(t.dir, 'profile')}`,
            '--convert-to',
            'fodp',
            '--outdir',
            t.dir,
            file
          ],
          { timeout: 120_000, stdio: 'ignore' }
        )
        const found = spans(readFileSync(join(t.dir, 'edited.fodp'), 'utf8'))
        const span = (text: string): Record<string, string> => {
          const s = found.find((x) => x.text === text)
          if (!s) throw new Error(`LibreOffice shows no span “${text}”: ${found.map((x) => x.text).join('|')}`)
          return s.props
        }
        expect(found.map((s) => s.text).join('')).toContain('粗体斜体下划线删除线蓝色大字楷体字x2H2O')
        expect(span('粗体')['fo:font-weight']).toBe('bold')
        expect(span('斜体')['fo:font-style']).toBe('italic')
        expect(span('下划线')['style:text-underline-style']).toBe('solid')
        expect(span('删除线')['style:text-line-through-style']).toBe('solid')
        expect(span('蓝色')['fo:color']?.toLowerCase()).toBe('#c00000') // retyped, its colour kept
        // Sizes are kept relative to the slide (ours is 540 pt tall, pptxgenjs's 16:9 405 pt): 44 to 28.
        const pt = (text: string) => parseFloat(span(text)['fo:font-size'] ?? '0')
        expect(pt('大字') / pt('粗体')).toBeCloseTo(44 / 28, 2)
        expect(span('楷体字')['style:font-name-asian'] ?? span('楷体字')['style:font-name']).toBe('楷体')
        const raised = found.filter((s) => s.text === '2').map((s) => s.props['style:text-position'] ?? '')
        expect(raised).toHaveLength(2)
        expect(raised[0]).toMatch(/^(super|\d)/)
        expect(raised[1]).toMatch(/^(sub|-\d)/)
        // Neighbours of the edited word are untouched: nothing else became bold or coloured.
        expect(span('斜体')['fo:font-weight'] ?? 'normal').toBe('normal')
        expect(span('大字')['fo:font-style'] ?? 'normal').toBe('normal')
        expect(span('大字')['fo:color']?.toLowerCase() ?? '#000000').not.toBe('#c00000')
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
