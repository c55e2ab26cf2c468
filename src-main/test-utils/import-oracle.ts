/**
 * What the import tests check every file against, real or generated: it imports or is refused with a
 * specific AppError naming it, within 5 s; and an oracle independent of the importer (slide parts in
 * p:sldIdLst order and their <a:t> strings) that the imported slides must contain.
 */
import { expect } from 'vitest'
import { unzipSync, strFromU8 } from 'fflate'
import { AppError } from '../../src-shared/errors'
import { slideText, type Slide } from '../../src-shared/courseware'
import type { ImportResult } from '../services/importers/import-types'

export async function importOrRefuse(name: string, run: () => Promise<ImportResult>): Promise<ImportResult | AppError> {
  const t0 = performance.now()
  let out: ImportResult | AppError
  try {
    out = await run()
  } catch (e) {
    expect(e, `${name} threw a non-AppError: ${String(e)}`).toBeInstanceOf(AppError)
    const err = e as AppError
    expect(['FILE_INVALID', 'LIMIT']).toContain(err.code)
    expect(err.message).toContain(name.split('/').pop())
    out = err
  }
  expect(performance.now() - t0, `${name} took too long`).toBeLessThan(5000)
  return out
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Slide parts in sldIdLst order (those that exist) and their <a:t> strings, read with regular expressions. */
export function rawSlides(bytes: Uint8Array): { texts: string[] }[] {
  const files = unzipSync(bytes, {
    filter: (f) => /^ppt\/(presentation\.xml|_rels\/presentation\.xml\.rels|slides\/slide\d+\.xml)$/.test(f.name)
  })
  const pres = strFromU8(files['ppt/presentation.xml']!)
  const rels = strFromU8(files['ppt/_rels/presentation.xml.rels']!)
  const ids = [...pres.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!)
  return ids.flatMap((id) => {
    const target =
      new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1]
    const part = target?.startsWith('/') ? target.slice(1) : `ppt/${target}`
    if (!files[part]) return []
    const xml = strFromU8(files[part]!)
    return [{ texts: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!).trim()).filter(Boolean) }]
  })
}

export function allText(s: Slide): string {
  return slideText(s).replace(/\s+/g, ' ')
}

/** The imported deck has the oracle's slides, in order, each with all its text; returns how many strings were checked. */
export function expectSlidesAndText(name: string, bytes: Uint8Array, r: ImportResult): number {
  const raw = rawSlides(bytes)
  expect(r.deck.slides.length, name).toBe(raw.length)
  expect(r.report.slideCount, name).toBe(raw.length)
  let checked = 0
  raw.forEach((slide, i) => {
    const text = allText(r.deck.slides[i]!)
    for (const t of slide.texts) expect(text, `${name} slide ${i + 1} lost "${t}"`).toContain(t.replace(/\s+/g, ' '))
    checked += slide.texts.length
  })
  return checked
}
