/**
 * The generated decks the benchmarks share: a 400-slide deck with pictures and its open time through
 * the courseware service (bench/courseware.ts and bench/fidelity.ts both report it), and decks of
 * any size for the export figures.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Deck, createManifest, type DeckInput, type Element } from '../../src-shared/courseware'
import { encodeEdux, sha256Hex } from '../../src-main/services/courseware/edux-file'
import { CoursewareService } from '../../src-main/services/courseware/courseware-service'
import { StorageService, allMigrations } from '../../src-main/services/storage'

/** Distinct, incompressible "images" (random bytes behind a PNG signature; nothing decodes them here). */
export function images(n: number, size: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>()
  for (let i = 0; i < n; i++) {
    const b = new Uint8Array(size)
    b.set(randomBytes(size))
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    out.set(`media/${sha256Hex(b)}.png`, b)
  }
  return out
}

export function deckOf(slides: number, media: Map<string, Uint8Array>, imagesTotal: number): Deck {
  const refs = [...media.keys()].map((k) => {
    const m = /^media\/([0-9a-f]{64})\.png$/.exec(k)!
    return { hash: m[1]!, ext: 'png' as const }
  })
  const input: DeckInput = {
    id: 'bench',
    title: '基准课件',
    aspect: '16:9',
    slides: Array.from({ length: slides }, (_, i) => {
      const elements: Element[] = [
        {
          type: 'text',
          id: `t${i}`,
          x: 80,
          y: 40,
          w: 1120,
          h: 90,
          rotation: 0,
          opacity: 1,
          locked: false,
          verticalAlign: 'top',
          autoFit: false,
          paragraphs: [{ level: 0, runs: [{ text: `第 ${i + 1} 页 标题`, bold: true, fontSize: 40 }] }]
        },
        {
          type: 'text',
          id: `b${i}`,
          x: 80,
          y: 160,
          w: 700,
          h: 400,
          rotation: 0,
          opacity: 1,
          locked: false,
          verticalAlign: 'top',
          autoFit: false,
          paragraphs: Array.from({ length: 5 }, (_, j) => ({
            level: 0,
            list: 'bullet' as const,
            runs: [{ text: `要点 ${j + 1}：这一页讲解的内容` }]
          }))
        },
        {
          type: 'shape',
          id: `s${i}`,
          x: 820,
          y: 500,
          w: 200,
          h: 120,
          rotation: 0,
          opacity: 1,
          locked: false,
          kind: 'rounded',
          fill: '#DDEBF7',
          strokeWidth: 1,
          flipH: false,
          flipV: false,
          paragraphs: [],
          verticalAlign: 'middle'
        }
      ]
      if (i < imagesTotal && refs.length) {
        elements.push({
          type: 'image',
          id: `i${i}`,
          x: 820,
          y: 160,
          w: 360,
          h: 300,
          rotation: 0,
          opacity: 1,
          locked: false,
          media: refs[i % refs.length]!,
          alt: '',
          flipH: false,
          flipV: false
        })
      }
      return { id: `slide-${i}`, elements, notes: `第 ${i + 1} 页备注` }
    })
  }
  return Deck.parse(input)
}

/** Writes the 400-slide deck (40 distinct pictures, one on every slide) as `big.edux` in `work`. */
export function writeLargeDeck(work: string): string {
  const media = images(40, 60_000)
  const deck = deckOf(400, media, 400)
  const file = join(work, 'big.edux')
  writeFileSync(file, encodeEdux({ manifest: createManifest(deck, new Date(), 'bench'), deck, media }))
  return file
}

/** Median of three opens of `file` by a fresh courseware service each (read, verify, store media), ms. */
export async function largeDeckOpenMs(file: string, work: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const dir = join(work, `data-${i}`)
    mkdirSync(dir)
    const storage = StorageService.open({
      file: join(dir, 'c.db'),
      migrations: allMigrations,
      appVersion: 'bench',
      now: () => new Date()
    })
    const svc = new CoursewareService({ storage, dataDir: dir, autosaveMs: 0 })
    const t0 = performance.now()
    await svc.open(file)
    times.push(performance.now() - t0)
    svc.dispose()
    storage.close()
  }
  return times.sort((a, b) => a - b)[1]!
}
