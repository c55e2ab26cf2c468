/**
 * Courseware benchmark (`npm run bench -- courseware`):
 *   import time per corpus file (median, p95) and LibreOffice's headless conversion of the same
 *   files when `soffice` exists (goal: we are ≥ 10× faster) — the real files of ../shared/corpus when
 *   it is beside the checkout, otherwise the generated set of src-main/test-utils (each figure's note says which); a generated 400-slide deck's open time;
 *   export of 50 slides with 20 images, and export time per slide at 50/100/200/300 slides (flat);
 *   a generated 50-page DOCX imported and split into slides; the worst generated Word and PowerPoint
 *   files' time and peak RSS through the app's worker path.
 * Writes bench/results/courseware.json.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { deckOf, images, largeDeckOpenMs, writeLargeDeck } from './lib/large-deck'
import { importBytes } from '../src-main/services/importers/import-file'
import { importDocx } from '../src-main/services/importers/docx-import'
import { exportPptx } from '../src-main/services/exporters/pptx-export'
import { CORPUS_ABSENT, corpusFile, haveCorpus } from '../src-main/test-utils/corpus'
import { generatedPptxSet, plainDeck } from '../src-main/test-utils/fixture-decks'
import { generatedDocxSet, longPlanDocx } from '../src-main/test-utils/fixture-docx'

interface Figure {
  id: string
  value: number | null
  unit: string
  goal: string
  note?: string
}
const figures: Figure[] = []
const add = (f: Figure) => {
  figures.push(f)
  console.log(
    `${f.id.padEnd(40)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} goal ${f.goal}${f.note ? `  (${f.note})` : ''}`
  )
}
const round = (v: number) => Math.round(v * 100) / 100
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
}

const work = mkdtempSync(join(tmpdir(), 'classdeck-bench-cw-'))

/** The real corpus when it is there; otherwise the files the tests generate, written to the work folder. */
async function importSet(): Promise<{ files: string[]; source: string }> {
  if (haveCorpus)
    return {
      files: ['pptx', 'docx'].flatMap((d) =>
        readdirSync(corpusFile(d))
          .sort()
          .map((n) => corpusFile(d, n))
      ),
      source: 'real files of ../shared/corpus'
    }
  const dir = join(work, 'generated')
  mkdirSync(dir)
  const generated = [...(await generatedPptxSet()), ...(await generatedDocxSet())]
  for (const f of generated) writeFileSync(join(dir, f.name), f.bytes)
  return {
    files: generated.map((f) => join(dir, f.name)),
    source: `generated set of src-main/test-utils, since ${CORPUS_ABSENT}`
  }
}

async function corpusImports(): Promise<void> {
  const { files, source } = await importSet()
  const times: number[] = []
  let refused = 0
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f))
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      try {
        await importBytes(f.split('/').pop()!, bytes)
      } catch {
        refused += i === 0 ? 1 : 0
      }
      runs.push(performance.now() - t0)
    }
    times.push(quantile(runs, 0.5))
  }
  add({
    id: 'import.corpus_files',
    value: files.length,
    unit: 'count',
    goal: '-',
    note: `${refused} refused; ${source}`
  })
  add({ id: 'import.per_file_median_ms', value: round(quantile(times, 0.5)), unit: 'ms', goal: '-', note: source })
  add({ id: 'import.per_file_p95_ms', value: round(quantile(times, 0.95)), unit: 'ms', goal: '< 5000', note: source })

  let soffice: string | null = null
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 20_000 })
      soffice = bin
      break
    } catch {
      // not installed under this name
    }
  }
  if (!soffice) {
    add({
      id: 'import.libreoffice_ratio',
      value: null,
      unit: 'x',
      goal: '≥ 10',
      note: 'not run: soffice is not installed'
    })
    return
  }
  const lo: number[] = []
  const ours: number[] = []
  const sample = files.filter((f) => f.endsWith('.pptx')).slice(0, 10)
  for (const f of sample) {
    const t0 = performance.now()
    try {
      execFileSync(
        soffice,
        [
          '--headless',
          `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          f
        ],
        { stdio: 'ignore', timeout: 120_000 }
      )
    } catch {
      // a conversion failure still took its time
    }
    lo.push(performance.now() - t0)
    const t1 = performance.now()
    await importBytes(f.split('/').pop()!, new Uint8Array(readFileSync(f))).catch(() => undefined)
    ours.push(performance.now() - t1)
  }
  add({ id: 'import.libreoffice_median_ms', value: round(quantile(lo, 0.5)), unit: 'ms', goal: '-', note: source })
  add({
    id: 'import.libreoffice_ratio',
    value: round(quantile(lo, 0.5) / Math.max(0.01, quantile(ours, 0.5))),
    unit: 'x',
    goal: '≥ 10',
    note: `${sample.length} PowerPoint files; ${source}`
  })
}

async function openLargeDeck(): Promise<void> {
  const file = writeLargeDeck(work)
  add({
    id: 'open.400_slides_ms',
    value: round(await largeDeckOpenMs(file, work)),
    unit: 'ms',
    goal: '< 3000',
    note: 'service open (read, verify, store media)'
  })
  await openLargeDeckPainted(file)
}

/**
 * The same 400-slide file opened by a teacher: the real browser host and the Prepare page in
 * Chromium, from tapping the file in the recent list to the first slide (and all 400 thumbnails)
 * painted. The service's part is measured above; this is what the teacher waits for.
 */
async function openLargeDeckPainted(file: string): Promise<void> {
  const { spawn } = await import('node:child_process')
  const { NODE_HOST_FLAGS } = await import('../scripts/node-flags.mjs')
  const { chromium } = await import('playwright-core')
  const { connectRpc } = await import('../tests/e2e/fixtures/rpc-client')
  const cli = join(import.meta.dirname, '../dist/node/cli.mjs')
  if (!existsSync(cli)) {
    add({
      id: 'open.400_slides_first_paint_ms',
      value: null,
      unit: 'ms',
      goal: '< 3000',
      note: 'not run: build first (npm run build)'
    })
    return
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
  const times: number[] = []
  try {
    for (let i = 0; i < 3; i++) {
      const dir = join(work, `paint-${i}`)
      const host = spawn(process.execPath, [...NODE_HOST_FLAGS, cli, 'serve', '--port', '0', '--data-dir', dir], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      const url = await new Promise<string>((resolve) => {
        let out = ''
        host.stdout!.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /listening at (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1])
        })
      })
      // Put the file in the recent list (open + close), so the page opens it from scratch.
      const rpc = await connectRpc(url)
      const doc = await rpc.call('courseware:open', { path: file })
      await rpc.call('courseware:close', { docId: doc.docId })
      rpc.close()
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
      await page.goto(`${url}#/prepare`)
      const item = page.locator('.recent button').first()
      await item.waitFor()
      const t0 = performance.now()
      await item.click()
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="editor-canvas"] [data-testid="slide-view"]') !== null &&
          document.querySelectorAll('[data-testid^="thumb-"]').length === 400
      )
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      times.push(performance.now() - t0)
      await page.close()
      host.kill('SIGTERM')
    }
  } finally {
    await browser.close()
  }
  add({
    id: 'open.400_slides_first_paint_ms',
    value: round(quantile(times, 0.5)),
    unit: 'ms',
    goal: '< 3000',
    note: 'tap in the recent list → first slide and 400 thumbnails painted, Chromium'
  })
}

async function exports(): Promise<void> {
  const media = images(20, 150_000)
  const t0 = performance.now()
  await exportPptx(deckOf(50, media, 20), media)
  add({ id: 'export.50_slides_20_images_ms', value: round(performance.now() - t0), unit: 'ms', goal: '< 3000' })
  const perSlide: Record<number, number> = {}
  for (const n of [50, 100, 200, 300]) {
    const deck = deckOf(n, media, Math.round(n * 0.4)) // the same 20-in-50 share of pictures at every size
    const runs: number[] = []
    for (let i = 0; i < 2; i++) {
      const t = performance.now()
      await exportPptx(deck, media)
      runs.push(performance.now() - t)
    }
    perSlide[n] = Math.min(...runs) / n
    add({ id: `export.per_slide_ms_at_${n}`, value: round(perSlide[n]), unit: 'ms', goal: 'flat' })
  }
  add({
    id: 'export.per_slide_ratio_300_vs_50',
    value: round(perSlide[300]! / perSlide[50]!),
    unit: 'x',
    goal: '≤ 1.5 (flat)'
  })
}

/** A 50-page Word lesson plan: headings, paragraphs, a list and a table per page, page breaks between. */
function fiftyPageDocx(): Uint8Array {
  const para = (t: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`
  const body: string[] = []
  for (let page = 1; page <= 50; page++) {
    body.push(para(`第 ${page} 课时 教学环节`, 'Heading1'))
    for (let p = 0; p < 8; p++)
      body.push(
        para(
          `教学目标与过程说明：本段描述第 ${page} 页第 ${p + 1} 个环节，学生活动、教师提问、板书设计与时间安排，约六十个字的正文内容用来填满版面。`
        )
      )
    body.push(
      `<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>${[1, 2, 3].map((r) => `<w:tr><w:tc>${para(`环节 ${r}`)}</w:tc><w:tc>${para(`${r * 5} 分钟`)}</w:tc></w:tr>`).join('')}</w:tbl>`
    )
    body.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  }
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(doc),
    'word/styles.xml': strToU8(styles)
  })
}

async function docx(): Promise<void> {
  const bytes = fiftyPageDocx()
  await importDocx('warmup.docx', bytes, { splitHeadingLevel: 1 }) // loads jsdom and mammoth once
  const runs: number[] = []
  let slides = 0
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    const r = await importDocx('plan-50-pages.docx', bytes, { splitHeadingLevel: 1 })
    runs.push(performance.now() - t0)
    slides = r.deck.slides.length
  }
  add({
    id: 'docx.50_pages_ms',
    value: round(quantile(runs, 0.5)),
    unit: 'ms',
    goal: '< 500',
    note: `${slides} slides when split at 标题 1`
  })
}

/**
 * The worst generated Word and PowerPoint files under 10 MB (issue 14, item 8: under 2 s and 300 MB
 * each): each imported in a fresh process through the app's worker path (bench/lib/import-peak.ts).
 * Word: long plans like the one that took 24 s (20,000 short paragraphs), and with 2,000 pictures.
 * PowerPoint: 900 slides of title and text.
 */
function worstGenerated(): void {
  const kinds: { kind: string; files: { name: string; bytes: Uint8Array; split?: number }[] }[] = [
    {
      kind: 'docx',
      files: [
        { name: 'plan-20000-paragraphs.docx', bytes: longPlanDocx({ paragraphs: 20_000 }), split: 1 },
        {
          name: 'plan-5000-paragraphs-2000-pictures.docx',
          bytes: longPlanDocx({ paragraphs: 5000, pictures: 2000 }),
          split: 1
        },
        { name: 'plan-5000-paragraphs-unsplit.docx', bytes: longPlanDocx({ paragraphs: 5000, pictures: 500 }) }
      ]
    },
    {
      kind: 'pptx',
      files: [
        { name: 'deck-900-slides.pptx', bytes: plainDeck(Array.from({ length: 900 }, (_, i) => `第 ${i + 1} 页`)) }
      ]
    }
  ]
  for (const { kind, files } of kinds) {
    let worst: { name: string; size: number; coldMs: number; warmMs: number; peakRssMb: number } | null = null
    let worstRss = 0
    for (const f of files) {
      const path = join(work, f.name)
      writeFileSync(path, f.bytes)
      const out = execFileSync(
        process.execPath,
        [
          ...process.execArgv,
          join(import.meta.dirname, 'lib/import-peak.ts'),
          path,
          ...(f.split ? [String(f.split)] : [])
        ],
        { encoding: 'utf8', timeout: 120_000 }
      )
      const m = JSON.parse(out.trim().split('\n').pop()!) as { coldMs: number; warmMs: number; peakRssMb: number }
      console.log(`  ${f.name} ${(f.bytes.length / 1e6).toFixed(2)} MB: ${JSON.stringify(m)}`)
      if (!worst || m.coldMs > worst.coldMs) worst = { name: f.name, size: f.bytes.length, ...m }
      worstRss = Math.max(worstRss, m.peakRssMb)
    }
    const note = `worst of ${files.map((f) => f.name).join(', ')}: ${worst!.name}, ${(worst!.size / 1e6).toFixed(2)} MB; fresh process, runImport`
    add({
      id: `import.worst_${kind}_first_ms`,
      value: round(worst!.coldMs),
      unit: 'ms',
      goal: '< 2000',
      note: `${note}, cold worker`
    })
    add({
      id: `import.worst_${kind}_next_ms`,
      value: round(worst!.warmMs),
      unit: 'ms',
      goal: '< 2000',
      note: `${note}, spare worker`
    })
    add({
      id: `import.worst_${kind}_peak_rss_mb`,
      value: round(worstRss),
      unit: 'MB',
      goal: '< 300',
      note: `highest of the same files, process and worker`
    })
  }
}

try {
  worstGenerated()
  await corpusImports()
  await openLargeDeck()
  await exports()
  await docx()
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true })
  writeFileSync(join(import.meta.dirname, 'results/courseware.json'), JSON.stringify({ figures }, null, 2) + '\n')
  console.log('wrote bench/results/courseware.json')
} finally {
  rmSync(work, { recursive: true, force: true })
}
