/**
 * Security benchmark: the report of every probe in issue 13, and its counts.
 *
 * - Probes: every `*.security.test.ts` (each hole's test, written to fail before its fix) run by Vitest
 *   against the real servers, files and stores; each is listed with its result.
 * - HTTP fuzz: those tests fuzz every HTTP server of ours (browser host, classroom server, loopback
 *   sign-in, reference platform) with src-main/test-utils/http-fuzz.ts; each run is logged through
 *   CLASSDECK_FUZZ_LOG and counted here (cases sent, crashes: a case after which the server stopped
 *   answering or threw).
 * - Bombs: every crafted zip bomb through every entry point that reads zips (courseware open, import,
 *   library), in this process, with its peak memory and time (src-main/test-utils/zip-bomb.ts).
 * Writes bench/results/security.json.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { refuseBombs } from '../src-main/test-utils/zip-bomb'
import { writeResults, type Figure } from './bench-kit'

const root = join(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'classdeck-security-'))
const report = join(work, 'vitest.json')
const fuzzLog = join(work, 'fuzz.jsonl')

interface AssertionResult {
  fullName: string
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo'
}
interface VitestJson {
  testResults: { name: string; assertionResults: AssertionResult[] }[]
}

console.log('security: running the *.security.test.ts probes (real servers, files and clients)…')
const run = spawnSync('npx', ['vitest', 'run', '--reporter=json', `--outputFile.json=${report}`, '.security.test.ts'], {
  cwd: root,
  env: { ...process.env, CLASSDECK_FUZZ_LOG: fuzzLog },
  encoding: 'utf8',
  stdio: ['ignore', 'ignore', 'inherit']
})
if (!existsSync(report)) {
  console.error(`security: Vitest wrote no report (exit ${run.status})`)
  process.exit(1)
}
const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson
const probes = json.testResults.flatMap((f) =>
  f.assertionResults.map((a) => ({ file: relative(root, f.name), name: a.fullName, status: a.status }))
)
let currentFile = ''
for (const p of probes) {
  if (p.file !== currentFile) console.log(`\n  ${(currentFile = p.file)}`)
  console.log(`    ${p.status === 'passed' ? 'pass' : p.status.toUpperCase().padEnd(4)}  ${p.name}`)
}
const ran = probes.filter((p) => p.status === 'passed' || p.status === 'failed')
const passed = ran.filter((p) => p.status === 'passed').length

const fuzzRuns = existsSync(fuzzLog)
  ? readFileSync(fuzzLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { routes: string[]; cases: number; crashes: number })
  : []
const fuzzCases = fuzzRuns.reduce((n, r) => n + r.cases, 0)
const fuzzCrashes = fuzzRuns.reduce((n, r) => n + r.crashes, 0)
console.log(`\n  HTTP fuzz: ${fuzzRuns.length} runs`)
for (const r of fuzzRuns)
  console.log(`    ${String(r.cases).padStart(5)} cases, ${r.crashes} crashes  ${r.routes.join(' ')}`)

console.log('\nsecurity: zip bombs through every entry point, in this process…')
const bombs = await refuseBombs()
for (const c of bombs.cases)
  console.log(
    `    ${c.refused ? 'refused' : 'NOT REFUSED'}  ${c.bomb} → ${c.entry}: ${c.ms} ms, +${c.peakMb} MB  ${c.message}`
  )
rmSync(work, { recursive: true, force: true })

const figures: Figure[] = [
  { id: 'security.probes_passed', value: passed, unit: 'count', goal: `= ${ran.length}` },
  { id: 'security.probes_run', value: ran.length, unit: 'count', goal: '-' },
  { id: 'security.http_fuzz_cases', value: fuzzCases, unit: 'count', goal: '-' },
  { id: 'security.http_fuzz_crashes', value: fuzzCrashes, unit: 'count', goal: '0' },
  { id: 'security.bombs_refused', value: bombs.refused, unit: 'count', goal: `= ${bombs.total}` },
  { id: 'security.bombs_run', value: bombs.total, unit: 'count', goal: '-' },
  { id: 'security.bomb_peak_memory', value: bombs.peakMb, unit: 'MB', goal: '< 100' },
  { id: 'security.bomb_slowest_refusal', value: bombs.maxMs, unit: 'ms', goal: '< 1000' }
]
writeResults('security', figures, {
  probes,
  fuzz: fuzzRuns,
  bombs: bombs.cases.map(({ bomb, entry, refused, ms, peakMb, code }) => ({ bomb, entry, refused, ms, peakMb, code }))
})
// A benchmark reports; the failing probes are listed above and counted in probes_passed.
