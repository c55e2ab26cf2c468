/**
 * Interop: decks LibreOffice writes import with their slides, titles, text, lists, notes, pictures and
 * tables: a lesson we write as flat ODP (fixture-fodp.ts) and our generated PPTX files re-saved by
 * Impress. Run with `npm run test:interop`; skips, saying why, where `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { FODP_LESSON, lessonFodp } from '../../test-utils/fixture-fodp'
import { groupDeck, layoutDeck, pptxgenLesson, tableDeck } from '../../test-utils/fixture-decks'
import { expectSlidesAndText } from '../../test-utils/import-oracle'
import { importBytes } from './import-file'

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

/** LibreOffice's PPTX of each input, converted in one run. */
function toPptx(dir: string, inputs: string[]): string[] {
  const out = join(dir, 'out')
  mkdirSync(out, { recursive: true })
  execFileSync(
    soffice!,
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to',
      'pptx',
      '--outdir',
      out,
      ...inputs
    ],
    { timeout: 150_000, stdio: 'ignore' }
  )
  return inputs.map((f) =>
    join(
      out,
      f
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '.pptx')
    )
  )
}

describe.skipIf(!soffice)(
  `PowerPoint files LibreOffice writes${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('imports a lesson written as flat ODP and converted by Impress: titles, text, bullets, notes, picture, table', async () => {
      const t = tempDir()
      try {
        const src = join(t.dir, '勾股定理.fodp')
        writeFileSync(src, lessonFodp())
        const [pptx] = toPptx(t.dir, [src])
        const bytes = new Uint8Array(readFileSync(pptx!))
        const r = await importBytes('勾股定理.pptx', bytes)
        expectSlidesAndText('勾股定理.pptx', bytes, r)
        expect(r.report.titles).toEqual(FODP_LESSON.titles)
        expect(r.deck.aspect).toBe('16:9')
        const [s1, s2, s3] = r.deck.slides
        expect(s1!.notes).toBe(FODP_LESSON.notes)
        const bullets = s2!.elements
          .flatMap((e) => ('paragraphs' in e ? e.paragraphs : []))
          .filter((p) => p.list === 'bullet')
        expect(bullets.map((p) => p.runs.map((x) => x.text).join(''))).toEqual(FODP_LESSON.bullets)
        expect(s2!.elements.filter((e) => e.type === 'image')).toHaveLength(1)
        expect(r.media.size).toBe(1)
        const table = s3!.elements.find((e) => e.type === 'table')
        expect(
          table?.type === 'table' &&
            table.rows.flatMap((row) =>
              row.cells.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join(''))
            )
        ).toEqual(FODP_LESSON.cells)
      } finally {
        t.cleanup()
      }
    }, 180_000)

    it('imports our generated decks as Impress re-saves them, with every slide and all their text', async () => {
      const t = tempDir()
      try {
        const inputs = [
          ['lesson.pptx', await pptxgenLesson()],
          ['layouts.pptx', layoutDeck()],
          ['groups.pptx', groupDeck()],
          ['table.pptx', tableDeck()]
        ] as const
        mkdirSync(join(t.dir, 'in'))
        const files = inputs.map(([name, bytes]) => {
          const f = join(t.dir, 'in', name)
          writeFileSync(f, bytes)
          return f
        })
        const outs = toPptx(t.dir, files)
        let checked = 0
        for (const out of outs) {
          const bytes = new Uint8Array(readFileSync(out))
          const name = out.split('/').pop()!
          const r = await importBytes(name, bytes)
          checked += expectSlidesAndText(name, bytes, r)
        }
        expect(checked).toBeGreaterThan(20)
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
