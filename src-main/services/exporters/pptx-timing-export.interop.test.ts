/**
 * Interop: LibreOffice plays the animations we write, and we read the ones it writes. Our PPTX is
 * converted to ODP by Impress and its effects counted per slide (content.xml's anim:par effect
 * nodes); Impress's PPTX of our export, and of a flat ODP with animations, comes back through our
 * importer with its clicks. Run with `npm run test:interop`; skips, saying why, without `soffice`.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { clickCount, type Deck } from '../../../src-shared/courseware'
import { tempDir } from '../../test-utils/temp-dir'
import { corpusFile, CORPUS_ABSENT, haveCorpus } from '../../test-utils/corpus'
import { FODP_ANIM, animatedFodp, animationDeck } from '../../test-utils/fixture-animations'
import { importPptx } from '../importers/pptx/pptx-import'
import { exportPptx } from './pptx-export'

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

/** Impress's conversion of each file, in one run. */
function convertAll(dir: string, files: string[], to: 'odp' | 'pptx'): string[] {
  const out = join(dir, `out-${to}`)
  mkdirSync(out, { recursive: true })
  execFileSync(
    soffice!,
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to',
      to,
      '--outdir',
      out,
      ...files
    ],
    { timeout: 600_000, stdio: 'ignore' }
  )
  return files.map((file) =>
    join(
      out,
      file
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, `.${to}`)
    )
  )
}

const convert = (dir: string, file: string, to: 'odp' | 'pptx') => convertAll(dir, [file], to)[0]!

/** Effects per slide as Impress holds them: anim:par nodes that start on a click, with or after the previous. */
function odpEffects(odp: string): number[] {
  const content = strFromU8(unzipSync(new Uint8Array(readFileSync(odp)))['content.xml']!)
  return [...content.matchAll(/<draw:page [\s\S]*?<\/draw:page>/g)].map(
    (m) => (m[0].match(/<anim:par [^>]*presentation:node-type="(on-click|with-previous|after-previous)"/g) ?? []).length
  )
}

const steps = (d: Deck) => d.slides.map((s) => s.animations.length)

describe.skipIf(!soffice)(
  `LibreOffice animations interop${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('opens our export with the same number of effects on every slide, and saves them back with the same clicks', async () => {
      const t = tempDir()
      try {
        const { deck, media } = importPptx('动画.pptx', animationDeck().bytes)
        const { bytes } = await exportPptx(deck, media)
        const file = join(t.dir, 'lesson.pptx')
        writeFileSync(file, bytes)
        expect(odpEffects(convert(t.dir, file, 'odp'))).toEqual(steps(deck))
        const again = importPptx('again.pptx', new Uint8Array(readFileSync(convert(t.dir, file, 'pptx'))))
        expect(again.deck.slides.map((s) => clickCount(s.animations))).toEqual(
          deck.slides.map((s) => clickCount(s.animations))
        )
      } finally {
        t.cleanup()
      }
    }, 300_000)

    it('imports the animations Impress writes from a flat ODP: its clicks and effects', () => {
      const t = tempDir()
      try {
        const fodp = join(t.dir, 'anim.fodp')
        writeFileSync(fodp, animatedFodp())
        const r = importPptx('anim.pptx', new Uint8Array(readFileSync(convert(t.dir, fodp, 'pptx'))))
        const s = r.deck.slides[0]!
        expect(clickCount(s.animations)).toBe(FODP_ANIM.clicks)
        expect(s.animations.map((a) => [a.class, a.effect, a.start])).toEqual([
          ['entrance', 'appear', 'click'],
          ['entrance', 'fade', 'with'],
          ['exit', 'fly', 'click']
        ])
        expect(s.animations[1]).toMatchObject({ delay: 500, duration: 1000 })
        const text = s.elements.find((e) => e.type === 'text' || e.type === 'shape')
        expect(s.animations[1]!.elementId).toBe(text?.id)
      } finally {
        t.cleanup()
      }
    }, 300_000)

    const OPENXML = corpusFile('pptx-openxml')
    const corpus = haveCorpus && existsSync(OPENXML)
    it.runIf(corpus)(
      `opens our export of every animated corpus deck with the same effects per slide${corpus ? '' : ` [skipped: ${CORPUS_ABSENT}]`}`,
      async () => {
        const t = tempDir()
        try {
          const files: string[] = []
          const expected: number[][] = []
          for (const name of readdirSync(OPENXML).sort()) {
            let r: ReturnType<typeof importPptx>
            try {
              r = importPptx(name, new Uint8Array(readFileSync(join(OPENXML, name))))
            } catch {
              continue
            }
            if (!r.deck.slides.some((s) => s.animations.length)) continue
            const file = join(t.dir, `deck-${files.length}.pptx`)
            writeFileSync(file, (await exportPptx(r.deck, r.media)).bytes)
            files.push(file)
            expected.push(steps(r.deck))
          }
          expect(files.length).toBeGreaterThanOrEqual(36)
          expect(convertAll(t.dir, files, 'odp').map(odpEffects)).toEqual(expected)
        } finally {
          t.cleanup()
        }
      },
      600_000
    )
  }
)
