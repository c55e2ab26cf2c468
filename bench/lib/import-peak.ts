/**
 * One file imported through runImport (the app's worker path) in this fresh process, which
 * bench/courseware.ts starts per file: the first import pays the worker's cold start, the second
 * is taken by the spare worker the first left. Prints JSON: both wall times and the process's peak RSS
 * (worker included). Usage: tsx bench/lib/import-peak.ts <file> [splitHeadingLevel]
 */
import { runImport } from '../../src-main/services/importers/run-import'

const [file, split] = process.argv.slice(2)
const opts = split ? { splitHeadingLevel: Number(split) } : {}
const t0 = performance.now()
const first = await runImport(file!, opts)
const coldMs = performance.now() - t0
// The spare loads mammoth and jsdom after the first import ends; give it the time a teacher would.
await new Promise((r) => setTimeout(r, 3000))
const t1 = performance.now()
await runImport(file!, opts)
const warmMs = performance.now() - t1
console.log(
  JSON.stringify({
    coldMs,
    warmMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    slides: first.deck.slides.length,
    media: first.media.size
  })
)
