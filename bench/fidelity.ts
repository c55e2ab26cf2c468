/**
 * Fidelity benchmark (`npm run bench -- fidelity`, issue 14 "Measured"): every deck of
 * ../shared/corpus/pptx and pptx-openxml drawn by LibreOffice (soffice → PDF, pages drawn by pdf.js)
 * and by our own importer and slide renderer (the browser host's print view in Chromium), each
 * slide pair scored with SSIM (ssim.js) on greyscale pictures of one size and with text recall
 * (LibreOffice's words our slide shows). Also: click animations and charts the import keeps, against
 * the files' own XML; import speed against LibreOffice's conversion; the 400-slide open. Writes
 * bench/results/fidelity.json and the 12 worst slides, ours | LibreOffice, as
 * bench/results/fidelity/*.png. Without the corpus or soffice it says so and measures nothing.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, median, round, writeResults, type Figure } from './bench-kit'
import { pooledRecall, ssimGrey, textRecall } from './lib/fidelity-score'
import { deckFacts, type SlideFacts } from './lib/fidelity-xml'
import { convertToPdf, findSoffice, libreOfficePdfs, type DeckFile } from './lib/fidelity-libreoffice'
import { Lab } from './lib/fidelity-lab'
import { OurRenderer } from './lib/fidelity-ours'
import { largeDeckOpenMs, writeLargeDeck } from './lib/large-deck'
import { clickCount } from '../src-shared/courseware/animation'
import { SLIDE_SIZE } from '../src-shared/courseware/primitives'
import { importBytes } from '../src-main/services/importers/import-file'
import { CORPUS_ABSENT, corpusFile, haveCorpus } from '../src-main/test-utils/corpus'

/** Our slides are drawn, and LibreOffice's pages rasterised, this many pixels wide. */
const WIDTH = 960
/** The worst slides written side by side, each half this wide (keeps the PNGs small enough to commit). */
const SHOT_WIDTH = 640
const MAX_SHOT_BYTES = 2.5e6
const WORST = 12
const FOLDERS = ['pptx', 'pptx-openxml']
const root = join(import.meta.dirname, '..')
const cacheDir = join(import.meta.dirname, '.cache/fidelity')
const resultsDir = join(import.meta.dirname, 'results/fidelity')

interface NotedFigure extends Figure {
  note?: string
}

interface SlideScore {
  deck: string
  /** 1-based, among the slides shown (hidden ones are drawn by neither side). */
  slide: number
  ssim: number
  recall: number | null
  total: number
  kept: number
  missing: string[]
  /** Where the pair's PNGs wait in the work folder until the worst are chosen. */
  pair: string
}

interface DeckScore {
  deck: string
  slides: number
  ssimMedian: number | null
  recall: number | null
  worst: { slide: number; ssim: number; recall: number | null } | null
  /** Why some or all of the deck was not scored. */
  problem?: string
}

/** FIDELITY_DECKS=<regex> scores only the decks whose folder/name matches (for working on one). */
const only = process.env['FIDELITY_DECKS'] ? new RegExp(process.env['FIDELITY_DECKS'], 'i') : null
/** A part of the corpus is not the figure: its pictures go to the cache, and no results file is written. */
const outDir = only ? join(cacheDir, '../fidelity-subset') : resultsDir

function listDecks(): DeckFile[] {
  return FOLDERS.flatMap((d) =>
    readdirSync(corpusFile(d))
      .filter((n) => /\.(pptx|pptm)$/i.test(n) && (!only || only.test(`${d}/${n}`)))
      .sort()
      .map((n) => {
        const path = corpusFile(d, n)
        return {
          path,
          sha: createHash('sha256').update(readFileSync(path)).digest('hex'),
          ext: n.split('.').pop()!.toLowerCase()
        }
      })
  )
}

const label = (d: DeckFile) => `${basename(join(d.path, '..'))}/${basename(d.path)}`

/** One slide's score: low SSIM and lost words both make a slide bad. */
const badness = (s: SlideScore) => s.ssim * (s.recall ?? 1)

async function main(): Promise<void> {
  if (!haveCorpus || !FOLDERS.every((d) => existsSync(corpusFile(d)))) {
    console.log(`fidelity: not run, nothing measured: ${CORPUS_ABSENT} (needs pptx/ and pptx-openxml/)`)
    return
  }
  const soffice = findSoffice()
  if (!soffice) {
    console.log('fidelity: not run, nothing measured: LibreOffice (soffice) is not installed')
    return
  }
  // The print view is the built renderer: build it if the sources are newer.
  execFileSync(process.execPath, [join(root, 'scripts/build-if-stale-cli.mjs')], { cwd: root, stdio: 'inherit' })
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return ''
    }
  }
  // FIDELITY_COMMIT names the commit of a tree that is not a checkout (an archive of an older commit).
  const commit = process.env['FIDELITY_COMMIT'] ?? (git('rev-parse', '--short', 'HEAD') || 'unknown')
  const dirty = process.env['FIDELITY_COMMIT'] ? '' : git('status', '--porcelain', '--untracked-files=no')
  console.log(`fidelity at ${commit}${dirty.trim() ? ' (with uncommitted changes in the tree)' : ''}`)
  console.log(`scores: SSIM by ssim.js (its defaults: weber, 11 px window) on greyscale ${WIDTH} px-wide pictures;`)
  console.log('        text recall = LibreOffice PDF words (pdf.js) our rendered slide shows (DOM, clipping applied)')

  const work = mkdtempSync(join(tmpdir(), 'classdeck-bench-fidelity-'))
  try {
    const decks = listDecks()
    const t0 = performance.now()
    const lo = await libreOfficePdfs(soffice, decks, cacheDir, work)
    console.log(
      `LibreOffice: ${decks.length} decks, ${lo.converted} converted now (${round((performance.now() - t0) / 1000, 1)} s), the rest from bench/.cache/fidelity` +
        (lo.timedOutBatches ? `; ${lo.timedOutBatches} batch(es) timed out` : '')
    )

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const slides: SlideScore[] = []
    const deckScores: DeckScore[] = []
    const anim = { fileClicks: 0, ourClicks: 0, slides: 0, slidesMatching: 0 }
    const charts = { frames: 0, chartex: 0, elements: 0 }
    try {
      const lab = await Lab.open(browser)
      const ours = await OurRenderer.start(browser, join(work, 'data'), WIDTH)
      try {
        for (const d of decks) {
          const name = label(d)
          const bytes = new Uint8Array(readFileSync(d.path))
          let facts: SlideFacts[] | null = null
          try {
            facts = deckFacts(bytes)
          } catch {
            // not a zip (an encrypted deck): neither side can show it; our import refuses it below
          }
          let rendered
          try {
            rendered = await ours.render(d.path)
          } catch (e) {
            deckScores.push({
              deck: name,
              slides: 0,
              ssimMedian: null,
              recall: null,
              worst: null,
              problem: `import refused: ${String(e).slice(0, 160)}`
            })
            continue
          }
          facts?.forEach((f, i) => {
            const s = rendered.deck.slides[i]
            const ourClicks = s ? clickCount(s.animations) : 0
            if (f.clicks > 0 || ourClicks > 0) {
              anim.slides++
              if (f.clicks === ourClicks) anim.slidesMatching++
            }
            anim.fileClicks += f.clicks
            anim.ourClicks += ourClicks
            charts.frames += f.charts
            charts.chartex += f.chartex
          })
          charts.elements += rendered.deck.slides.reduce(
            (n, s) => n + s.elements.filter((e) => e.type === 'chart').length,
            0
          )

          const pdf = lo.pdfs.get(d.sha)
          if (!pdf) {
            deckScores.push({
              deck: name,
              slides: rendered.slides.length,
              ssimMedian: null,
              recall: null,
              worst: null,
              problem: 'LibreOffice made no PDF in time'
            })
            continue
          }
          const size = SLIDE_SIZE[rendered.deck.aspect]
          const height = Math.round((WIDTH * size.height) / size.width)
          const pages = await lab.renderPdf(new Uint8Array(readFileSync(pdf)), WIDTH, height)
          const n = Math.min(pages.length, rendered.slides.length)
          const mine: SlideScore[] = []
          for (let i = 0; i < n; i++) {
            const page = pages[i]!
            const slide = rendered.slides[i]!
            const oursPng = slide.png.toString('base64')
            const a = await lab.grey(oursPng, WIDTH, height)
            const b = new Uint8Array(Buffer.from(page.grey, 'base64'))
            const r = textRecall(page.text, slide.text)
            if (process.env['FIDELITY_DEBUG'])
              console.log(
                `${name} #${i + 1}\n  LibreOffice: ${JSON.stringify(page.text)}\n  ours: ${JSON.stringify(slide.text)}`
              )
            const pair = join(work, `pair-${slides.length + mine.length}`)
            writeFileSync(`${pair}.ours`, oursPng)
            writeFileSync(`${pair}.lo`, page.png)
            mine.push({ deck: name, slide: i + 1, ssim: ssimGrey(a, b, WIDTH, height), ...r, pair })
          }
          slides.push(...mine)
          const worst = mine.length ? mine.reduce((w, s) => (badness(s) < badness(w) ? s : w)) : null
          deckScores.push({
            deck: name,
            slides: mine.length,
            ssimMedian: mine.length ? median(mine.map((s) => s.ssim)) : null,
            recall: pooledRecall(mine),
            worst: worst && { slide: worst.slide, ssim: worst.ssim, recall: worst.recall },
            ...(rendered.slides.length === 0
              ? { problem: 'the deck has no slides to show (LibreOffice prints one blank page)' }
              : pages.length !== rendered.slides.length
                ? {
                    problem: `LibreOffice has ${pages.length} pages, we show ${rendered.slides.length} slides; the first ${n} paired`
                  }
                : {})
          })
          const ds = deckScores.at(-1)!
          console.log(
            `  ${name.padEnd(72)} ${String(ds.slides).padStart(3)} slides  SSIM ${fmt(ds.ssimMedian)}  recall ${fmt(ds.recall)}` +
              (ds.worst ? `  worst #${ds.worst.slide} (${fmt(ds.worst.ssim)}, ${fmt(ds.worst.recall)})` : '') +
              (ds.problem ? `  [${ds.problem}]` : '')
          )
        }
      } finally {
        await ours.stop()
      }

      // The worst slides, side by side, for a person to look at.
      const worst = [...slides].sort((a, b) => badness(a) - badness(b)).slice(0, WORST)
      const writeWorst = async (width: number) => {
        rmSync(outDir, { recursive: true, force: true })
        mkdirSync(outDir, { recursive: true })
        let total = 0
        for (const [i, s] of worst.entries()) {
          const caption = `${s.deck} #${s.slide}  SSIM ${fmt(s.ssim)}  recall ${fmt(s.recall)}`
          const ours = readFileSync(`${s.pair}.ours`, 'utf8')
          const png = await lab.sideBySide(ours, readFileSync(`${s.pair}.lo`, 'utf8'), caption, width)
          const file = `${String(i + 1).padStart(2, '0')}-${s.deck.replace(/[^\w.-]+/g, '_')}-${s.slide}.png`
          writeFileSync(join(outDir, file), png)
          total += png.length
        }
        return total
      }
      // They are committed: past MAX_SHOT_BYTES in all they are drawn smaller.
      let bytes = await writeWorst(SHOT_WIDTH)
      if (bytes > MAX_SHOT_BYTES) bytes = await writeWorst(Math.round(SHOT_WIDTH * 0.75))
      console.log(
        `\nworst ${worst.length} slides (SSIM × recall), ours | LibreOffice → bench/results/fidelity/ (${round(bytes / 1e6)} MB):`
      )
      for (const s of worst)
        console.log(
          `  ${s.deck} #${s.slide}: SSIM ${fmt(s.ssim)}, recall ${fmt(s.recall)}${s.missing.length ? `, lost e.g. ${s.missing.slice(0, 8).join(' ')}` : ''}`
        )
      await lab.close()

      const speed = await importSpeed(soffice, decks, work)
      const bigFile = writeLargeDeck(work)
      const openMs = await largeDeckOpenMs(bigFile, work)
      report(slides, deckScores, anim, charts, speed, openMs, { commit, dirty: Boolean(dirty.trim()), worst })
    } finally {
      await browser.close()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '  -  ' : v.toFixed(3))

/**
 * Our import against LibreOffice's conversion of the same decks, each soffice started fresh per
 * file as a teacher's "open in LibreOffice" would (the method of bench/courseware.ts): the first ten
 * .pptx of the python-pptx folder, medians of both.
 */
async function importSpeed(soffice: string, decks: DeckFile[], work: string) {
  const sample = decks.filter((d) => d.path.includes('/pptx/') && d.ext === 'pptx').slice(0, 10)
  const lo: number[] = []
  const ours: number[] = []
  for (const [i, d] of sample.entries()) {
    const dir = join(work, `speed-${i}`)
    lo.push((await convertToPdf(soffice, [d.path], dir, join(dir, 'profile'), 120_000)).ms)
    const bytes = new Uint8Array(readFileSync(d.path))
    const runs: number[] = []
    for (let k = 0; k < 3; k++) {
      const t = performance.now()
      await importBytes(basename(d.path), bytes).catch(() => undefined)
      runs.push(performance.now() - t)
    }
    ours.push(median(runs))
  }
  return { files: sample.length, loMs: median(lo), oursMs: median(ours) }
}

function report(
  slides: SlideScore[],
  decks: DeckScore[],
  anim: { fileClicks: number; ourClicks: number; slides: number; slidesMatching: number },
  charts: { frames: number; chartex: number; elements: number },
  speed: { files: number; loMs: number; oursMs: number },
  openMs: number,
  extra: { commit: string; dirty: boolean; worst: SlideScore[] }
): void {
  const withText = slides.filter((s) => s.recall !== null)
  const deckRecalls = decks.filter((d) => d.recall !== null)
  const minDeck = deckRecalls.reduce<DeckScore | null>((m, d) => (!m || d.recall! < m.recall! ? d : m), null)
  const under = deckRecalls.filter((d) => d.recall! < 0.95)
  const figures: NotedFigure[] = [
    {
      id: 'fidelity.decks_scored',
      value: decks.filter((d) => d.slides > 0).length,
      unit: 'count',
      goal: '-',
      note: `of ${decks.length} decks; ${slides.length} slides`
    },
    {
      id: 'fidelity.ssim_median',
      value: round(median(slides.map((s) => s.ssim)), 3),
      unit: 'ssim',
      goal: 'report (beat today’s)',
      note: `median over ${slides.length} slides; ssim.js defaults, greyscale ${WIDTH} px wide`
    },
    {
      id: 'fidelity.text_recall_median',
      value: round(median(withText.map((s) => s.recall!)), 3),
      unit: 'share',
      goal: '≥ 0.99',
      note: `median over ${withText.length} slides where LibreOffice's PDF has text`
    },
    {
      id: 'fidelity.text_recall_min_deck',
      value: minDeck ? round(minDeck.recall!, 3) : NaN,
      unit: 'share',
      goal: '≥ 0.95',
      note: `${minDeck?.deck}; ${under.length} of ${deckRecalls.length} decks under 0.95: ${under.map((d) => d.deck).join(', ')}`
    },
    {
      id: 'anim.click_slides_matching',
      value: anim.slides ? round(anim.slidesMatching / anim.slides, 3) : NaN,
      unit: 'share',
      goal: '= file’s (1)',
      note: `${anim.slidesMatching} of ${anim.slides} slides with click animations have the file's click count; clicks: file ${anim.fileClicks}, ours ${anim.ourClicks}`
    },
    {
      id: 'charts.editable',
      value: charts.frames ? round(charts.elements / charts.frames, 3) : NaN,
      unit: 'share',
      goal: '= frames (1)',
      note: `${charts.elements} chart elements for ${charts.frames} c:chart frames in the files (${charts.chartex} cx:chart frames not counted)`
    },
    {
      id: 'import.libreoffice_ratio',
      value: round(speed.loMs / Math.max(0.01, speed.oursMs), 1),
      unit: 'x',
      goal: '≥ 50',
      note: `medians over ${speed.files} decks: LibreOffice ${round(speed.loMs)} ms per file (fresh soffice), ours ${round(speed.oursMs)} ms`
    },
    {
      id: 'open.400_slides_ms',
      value: round(openMs),
      unit: 'ms',
      goal: '< 3000',
      note: 'service open (read, verify, store media)'
    }
  ]
  for (const f of figures) console.log(`  ${f.id.padEnd(30)} ${f.note ?? ''}`)
  if (only) {
    for (const f of figures) console.log(`  ${f.id.padEnd(30)} ${f.value} ${f.unit} goal ${f.goal}`)
    console.log(
      `FIDELITY_DECKS=${only.source}: ${decks.length} decks only, so bench/results/fidelity.json is left as it was`
    )
    return
  }
  writeResults('fidelity', figures, {
    commit: extra.commit,
    uncommittedChanges: extra.dirty,
    scoring:
      'SSIM: ssim.js defaults on greyscale pictures of equal size; text recall: LibreOffice PDF words (pdf.js getTextContent; CJK by character, Latin words case-folded) found in the words our rendered slide shows (visible DOM text, clipping applied). Text that exists only inside pictures is in neither text, so it is not counted against us.',
    decks,
    worst: extra.worst.map(({ pair: _pair, ...s }) => s)
  })
}

await main()
