/**
 * Interop: LibreOffice opens the charts we export as charts (not pictures): converted to ODP, every
 * slide holds a draw:object whose embedded document is a chart of the right class, with our numbers
 * in its table. Run with `npm run test:interop`; skips (saying why) where `soffice` is not installed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { ChartElement } from '../../../src-shared/courseware'
import { chartDeck } from '../../test-utils/fixture-charts'
import { tempDir } from '../../test-utils/temp-dir'
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

/** LibreOffice's chart:class for each of our kinds. */
const ODF_CLASS: Record<ChartElement['kind'], string> = {
  column: 'chart:bar',
  bar: 'chart:bar',
  line: 'chart:line',
  area: 'chart:area',
  pie: 'chart:circle',
  doughnut: 'chart:ring',
  scatter: 'chart:scatter',
  radar: 'chart:radar'
}

describe.skipIf(!soffice)(
  `LibreOffice chart interop${soffice ? '' : ' — skipped: soffice is not installed (apt-get install libreoffice-impress)'}`,
  () => {
    it('opens every exported chart as a chart object of its kind, with its values', async () => {
      const t = tempDir()
      try {
        const deck = chartDeck()
        const { bytes } = await exportPptx(deck, new Map())
        const file = join(t.dir, 'charts.pptx')
        writeFileSync(file, bytes)
        execFileSync(
          soffice!,
          [
            '--headless',
            `-env:UserInstallation=file://${join(t.dir, 'profile')}`,
            '--convert-to',
            'odp',
            '--outdir',
            t.dir,
            file
          ],
          { timeout: 120_000, stdio: 'ignore' }
        )
        const odp = unzipSync(new Uint8Array(readFileSync(join(t.dir, 'charts.odp'))))
        const content = strFromU8(odp['content.xml']!)
        const pages = content.split('<draw:page ').slice(1)
        expect(pages).toHaveLength(deck.slides.length)
        pages.forEach((page, i) => {
          const want = deck.slides[i]!.elements[0] as ChartElement
          const href = /<draw:object[^>]*xlink:href="\.\/([^"]+)"/.exec(page)?.[1]
          expect(href, `slide ${i + 1} has a chart object`).toBeTruthy()
          const chart = strFromU8(odp[`${href}/content.xml`]!)
          expect(chart, want.title).toContain(`chart:class="${ODF_CLASS[want.kind]}"`)
          for (const v of want.series[0]!.values) expect(chart, want.title).toContain(`office:value="${v}"`)
          expect(chart, want.title).toContain(want.series[0]!.name)
        })
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
