/**
 * Sync benchmark (`npm run bench -- sync`, or `npx tsx bench/sync.ts`). The reference
 * platform runs as its own process (as `npm run platform` does) on loopback; ClassDeck's
 * SyncService runs here on a real SQLite file. Measures:
 *  - 10,000 lesson records + 1,000 quiz results flushed from the outbox: records/s, drain time;
 *  - a 200 MB upload through the chunked resumable protocol against one plain streamed HTTP
 *    upload of the same file to the same server in the same run (ratio, goal ≥ 0.8);
 *  - the cost of one resume: the same upload with its connection cut once halfway (the part on
 *    the wire is lost and sent again after a jittered backoff), median of 3 against median of 5.
 * Everything lives in a temp folder that is removed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream, mkdtempSync, openSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs'
import { request } from 'node:http'
import { randomBytes } from 'node:crypto'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { median, round, writeResults, type Figure } from './bench-kit'
import { enqueue, lesson, makeSync, openStorage, quiz, signIn } from '../src-main/services/sync/test-kit'
import type { SyncService } from '../src-main/services/sync'

const root = join(import.meta.dirname, '..')
const LESSONS = 10_000
const QUIZZES = 1_000
const FILE_MB = 200
const RUNS = 5

async function startPlatform(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools/platform-server/main.ts'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--test-admin'
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /"listening":"([^"]+)"/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`platform exited ${code}`)))
  })
  return { url, child }
}

async function admin(url: string, path: string, body?: unknown): Promise<Record<string, number>> {
  const res = await fetch(
    `${url}${path}`,
    body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}
  )
  return ((await res.json()) as { result: Record<string, number> }).result
}

function plainUpload(url: string, file: string, size: number): Promise<number> {
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/__admin/plain-upload`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': size } },
      (res) => {
        res.resume()
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`plain upload ${res.statusCode}`))
        )
      }
    )
    req.on('error', reject)
    createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(req)
  })
}

async function chunkedUpload(sync: SyncService, url: string, file: string, cutHalfway: boolean): Promise<number> {
  let armed = false
  const off = sync.onProgress((p) => {
    if (cutHalfway && !armed && p.done >= p.total / 2) {
      armed = true
      void admin(url, '/__admin/faults', {
        op: 'cut',
        count: 1,
        phase: 'request',
        path: '/api/v1/resources/uploads/',
        method: 'PUT'
      })
    }
  })
  const t0 = performance.now()
  sync.enqueueUpload({
    filePath: file,
    title: '倍的认识 微课（基准）',
    type: '微课',
    chapterId: 'xx-sx-rj-3a-c5',
    original: true,
    public: false
  })
  await sync.whenIdle()
  off()
  const ms = performance.now() - t0
  const st = sync.status()
  if (st.counts.failed > 0 || st.counts.pending > 0) throw new Error(`upload did not finish: ${JSON.stringify(st)}`)
  return ms
}

function clearStoredFiles(platformDir: string): void {
  for (const sub of ['plain', 'resources']) {
    const dir = join(platformDir, sub)
    try {
      for (const f of readdirSync(dir))
        if (f.startsWith('plain-') || (f.startsWith('res-') && !f.startsWith('res-seed'))) rmSync(join(dir, f))
    } catch {
      // not created yet
    }
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'classdeck-bench-sync-'))
  const platformDir = join(work, 'platform')
  const appDir = join(work, 'app')
  const { url, child } = await startPlatform(platformDir)
  const storage = openStorage(appDir)
  // The app's own retry timings (not the tests' fast ones).
  const sync = makeSync(storage, appDir, url, {
    retry: { retries: 5, baseDelayMs: 300, maxDelayMs: 20_000 },
    backoff: { baseMs: 2000, maxMs: 600_000 },
    probe: { baseMs: 2000, maxMs: 60_000 },
    pollMs: 3000
  })
  const figures: Figure[] = []
  try {
    await signIn(sync)

    // ---- records ------------------------------------------------------------------------
    storage.transaction(() => {
      for (let i = 0; i < LESSONS; i++)
        enqueue(storage, 'lesson', `lesson-${i}`, lesson(`bench-L${i}`, { classId: i % 2 ? 'c-301' : 'c-302' }))
      for (let i = 0; i < QUIZZES; i++) enqueue(storage, 'quiz-result', `run-${i}`, quiz(`bench-Q${i}`))
    })
    const t0 = performance.now()
    sync.start()
    await sync.whenIdle()
    const drainMs = performance.now() - t0
    const stats = await admin(url, '/__admin/stats')
    if (stats.lessonRecords !== LESSONS || stats.quizResults !== QUIZZES)
      throw new Error(`platform counted ${stats.lessonRecords} lessons, ${stats.quizResults} quiz results`)
    const total = LESSONS + QUIZZES
    figures.push({ id: 'records_per_second', value: round(total / (drainMs / 1000), 0), unit: 'rec/s', goal: 'report' })
    figures.push({ id: 'drain_11000_records', value: round(drainMs / 1000, 2), unit: 's', goal: 'report' })

    // ---- 200 MB upload ------------------------------------------------------------------
    const file = join(work, 'bench-200mb.mp4')
    const size = FILE_MB * 1024 * 1024
    const fd = openSync(file, 'w')
    const block = randomBytes(4 * 1024 * 1024)
    for (let written = 0; written < size; written += block.length)
      writeSync(fd, block, 0, Math.min(block.length, size - written))
    closeSync(fd)

    const plain: number[] = []
    const chunked: number[] = []
    for (let r = 0; r < RUNS; r++) {
      plain.push(await plainUpload(url, file, size))
      clearStoredFiles(platformDir)
      chunked.push(await chunkedUpload(sync, url, file, false))
      clearStoredFiles(platformDir)
    }
    const cuts: number[] = []
    const retriesBefore = sync.client.stats.retries
    for (let r = 0; r < 3; r++) {
      cuts.push(await chunkedUpload(sync, url, file, true))
      clearStoredFiles(platformDir)
    }
    const retriesForCuts = sync.client.stats.retries - retriesBefore
    if (retriesForCuts < 3) throw new Error(`expected a retry per cut, saw ${retriesForCuts}`)
    const cut = median(cuts)
    const mbps = (ms: number) => FILE_MB / (ms / 1000)
    const plainMs = median(plain)
    const chunkedMs = median(chunked)
    figures.push({ id: 'upload_200mb_plain_http', value: round(mbps(plainMs), 1), unit: 'MB/s', goal: 'baseline' })
    figures.push({
      id: 'upload_200mb_chunked_resumable',
      value: round(mbps(chunkedMs), 1),
      unit: 'MB/s',
      goal: 'report'
    })
    figures.push({
      id: 'upload_throughput_ratio_vs_plain',
      value: round(plainMs / chunkedMs, 2),
      unit: 'ratio',
      goal: '>= 0.8'
    })
    figures.push({ id: 'resume_after_one_cut_overhead', value: round(cut - chunkedMs, 0), unit: 'ms', goal: 'report' })
    figures.push({
      id: 'resume_after_one_cut_overhead_pct',
      value: round(((cut - chunkedMs) / chunkedMs) * 100, 1),
      unit: '%',
      goal: 'report'
    })
    writeResults('sync', figures, {
      runs: {
        plainMs: plain.map((x) => round(x, 0)),
        chunkedMs: chunked.map((x) => round(x, 0)),
        cutMs: cuts.map((x) => round(x, 0)),
        retriesForCuts
      },
      // Shared 2-core build machine: the load average says how much CPU the run really had.
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
      setup: {
        lessons: LESSONS,
        quizzes: QUIZZES,
        concurrency: 4,
        fileMB: FILE_MB,
        partSizeMB: 8,
        partsInFlight: 3,
        perPartSha256: false,
        platform: 'child process on 127.0.0.1'
      }
    })
  } finally {
    sync.dispose()
    storage.close()
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
