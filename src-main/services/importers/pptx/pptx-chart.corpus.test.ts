/**
 * Every chart in the real decks of ../shared/corpus (python-pptx's cht-*.pptx and the Open XML SDK's
 * chart decks) imports as an editable chart, or as a placeholder or PowerPoint's cached picture that
 * the report names; none is lost silently. pptx-chart.test.ts reaches the same branches with files it
 * makes itself, so a clone without the corpus still proves them.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { corpusFile, corpusTitle, haveCorpus } from '../../../test-utils/corpus'
import { importFile } from '../import-file'

const CHART_URI = /uri="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/chart"/g
const CHARTEX_URI = /uri="http:\/\/schemas\.microsoft\.com\/office\/drawing\/2014\/chartex"/g

/** Chart frames on the slides of a file, counted in the raw XML (so the importer does not grade itself). */
function chartFrames(bytes: Uint8Array): number {
  const files = unzipSync(bytes, { filter: (f) => /^ppt\/slides\/slide\d+\.xml$/.test(f.name) })
  let n = 0
  for (const xml of Object.values(files).map((b) => strFromU8(b)))
    n += (xml.match(CHART_URI)?.length ?? 0) + (xml.match(CHARTEX_URI)?.length ?? 0)
  return n
}

describe.runIf(haveCorpus)(corpusTitle('PPTX corpus charts'), () => {
  it('imports every chart as an editable chart or as a reported placeholder or picture', async () => {
    const totals = { frames: 0, editable: 0, fallback: 0, lost: 0 }
    for (const dir of ['pptx', 'pptx-openxml']) {
      const folder = corpusFile(dir)
      for (const name of readdirSync(folder).sort()) {
        const file = join(folder, name)
        let frames: number
        try {
          frames = chartFrames(new Uint8Array(readFileSync(file)))
        } catch {
          continue // not a zip: the corpus sweep checks its refusal
        }
        if (!frames) continue
        const r = await importFile(file)
        const els = r.deck.slides.flatMap((s) => s.elements)
        const editable = els.filter((e) => e.type === 'chart').length
        const placeholders = els.filter((e) => e.type === 'placeholder' && e.source === 'chart').length
        const pictures = r.report.approximations.filter((a) => a.kind === 'chart' && a.message.includes('保存的图片'))
        const reported = r.report.approximations.filter(
          (a) => a.kind === 'chart' && (a.message.includes('占位框') || a.message.includes('保存的图片'))
        ).length
        expect(reported, `${name}: every chart not drawn is in the report`).toBe(placeholders + pictures.length)
        const lost = frames - editable - placeholders - pictures.length
        expect(lost, `${name}: ${frames} chart frames, ${editable} charts, ${placeholders} placeholders`).toBe(0)
        totals.frames += frames
        totals.editable += editable
        totals.fallback += placeholders + pictures.length
      }
    }
    console.info(
      `corpus charts: ${totals.frames} frames, ${totals.editable} editable, ${totals.fallback} fallback, ${totals.lost} lost`
    )
    expect(totals.frames).toBeGreaterThan(60)
    expect(totals.editable / totals.frames).toBeGreaterThan(0.9)
  })
})
