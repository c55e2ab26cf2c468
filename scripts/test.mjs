#!/usr/bin/env node
// `npm test`: type checks, format (Prettier), lint and layering, Vitest (real SQLite, sockets, HTTP), then the
// build and the Playwright suite (the browser host in Chromium; Electron where it exists).
// Ends with one plain line "tests: N passed, N failed, N skipped" and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.argv[2] // optional: unit | e2e | static
const results = join(root, 'test-results')
mkdirSync(results, { recursive: true })

const steps = []
function step(name, cmd, args) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' }
  })
  const ok = r.status === 0
  steps.push({ name, ok, seconds: (Date.now() - t0) / 1000 })
  return ok
}

let passed = 0
let failed = 0
let skipped = 0
const skips = []

// Vitest's JSON report has no skip notes, so a skipped test states its reason in its own or its suite's title
// ("… [skipped: why]" or "… — skipped: why"); the summary lists each reason once with its count.
function vitestSkips(report, label) {
  const reasons = new Map()
  for (const file of report.testResults ?? [])
    for (const t of file.assertionResults ?? []) {
      if (!['skipped', 'pending', 'todo'].includes(t.status)) continue
      const titles = [...(t.ancestorTitles ?? []), t.title]
      const reason =
        titles.map((x) => /skipped: (.+?)\]?$/.exec(x)?.[1]).find(Boolean) ??
        `${relative(root, file.name)} › ${t.fullName}: no reason in its title`
      const r = reasons.get(reason) ?? { tests: 0, files: new Set() }
      r.tests++
      r.files.add(file.name)
      reasons.set(reason, r)
    }
  for (const [reason, r] of reasons)
    skips.push(
      `${label}, ${r.tests} test${r.tests === 1 ? '' : 's'} in ${r.files.size} file${r.files.size === 1 ? '' : 's'}: ${reason}`
    )
}

if (!only || only === 'static') {
  step('typecheck (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
  step('typecheck (web)', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.web.json'])
  step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'])
  step('lint', 'npx', ['eslint', '.'])
  step('boundaries', 'node', ['scripts/check-boundaries.mjs'])
  step('file names', 'node', ['scripts/check-file-names.mjs'])
}

if (!only || only === 'unit') {
  step('native ABI (node)', 'node', ['scripts/ensure-native-abi.mjs', 'node'])
  const out = join(results, 'vitest.json')
  rmSync(out, { force: true })
  step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'))
    passed += j.numPassedTests ?? 0
    failed += j.numFailedTests ?? 0
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
    vitestSkips(j, 'vitest')
  }
}

if (!only || only === 'unit' || only === 'interop') {
  // LibreOffice interop (our PPTX opened by Impress): runs where soffice is installed, as in CI.
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0
  if (soffice) {
    const out = join(results, 'interop.json')
    rmSync(out, { force: true })
    step('interop (LibreOffice)', 'npx', [
      'vitest',
      'run',
      '--config',
      'vitest.interop.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`
    ])
    if (existsSync(out)) {
      const j = JSON.parse(readFileSync(out, 'utf8'))
      passed += j.numPassedTests ?? 0
      failed += j.numFailedTests ?? 0
      skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
      vitestSkips(j, 'interop')
    }
  } else
    skips.push('interop (LibreOffice): soffice is not installed (apt-get install libreoffice-impress libreoffice-calc)')
}

if (!only || only === 'e2e') {
  if (step('build', 'npm', ['run', '--silent', 'build'])) {
    const out = join(results, 'e2e.json')
    rmSync(out, { force: true })
    step('playwright', 'npx', ['playwright', 'test'])
    if (existsSync(out)) {
      const j = JSON.parse(readFileSync(out, 'utf8'))
      passed += j.stats?.expected ?? 0
      failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0)
      skipped += j.stats?.skipped ?? 0
      const walk = (suite) => {
        for (const spec of suite.specs ?? [])
          for (const t of spec.tests ?? [])
            for (const a of t.annotations ?? []) if (a.type === 'skip') skips.push(`${spec.title}: ${a.description}`)
        for (const s of suite.suites ?? []) walk(s)
      }
      for (const s of j.suites ?? []) walk(s)
    }
  }
}

console.log('\n── summary ──')
for (const s of steps) console.log(`${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds.toFixed(1)} s)`)
for (const s of skips) console.log(`skipped: ${s}`)
const bad = steps.filter((s) => !s.ok)
if (bad.length && failed === 0) failed = bad.length // a failed check counts even when it ran no test
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(bad.length ? 1 : 0)
