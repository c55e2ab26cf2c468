#!/usr/bin/env node
// `npm run test:e2e:load [-- --runs 3]`: the whole Playwright suite, several times in a row, while a
// busy-loop process hogs one of the machine's cores — the classroom PC is rarely idle (an update, an
// antivirus scan, a video), and a suite that only passes on a quiet machine hides races. Waits in the
// suite are on events, so a slower machine must only make it slower, never red.
// Builds once first; each run's result is printed, and the exit code is non-zero if any run failed.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const runs = Number(arg('--runs', '3'))
const extra = process.argv.slice(2).filter((a, i, all) => a !== '--runs' && all[i - 1] !== '--runs')

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

// One core busy for the whole time: pinned to CPU 0 where taskset exists, so the load is one core's
// worth and not spread by the scheduler over both.
const loop = ['-e', 'for (;;) {}']
const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0
const hog = hasTaskset
  ? spawn('taskset', ['-c', '0', process.execPath, ...loop], { stdio: 'ignore' })
  : spawn(process.execPath, loop, { stdio: 'ignore' })
const stopHog = () => hog.kill('SIGKILL')
process.on('exit', stopHog)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))
console.log(`e2e-under-load: busy loop pid ${hog.pid}${hasTaskset ? ' on CPU 0' : ''}; ${runs} run(s) of the suite`)

const results = []
for (let i = 1; i <= runs; i++) {
  const t0 = Date.now()
  const r = spawnSync('npx', ['playwright', 'test', ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' }
  })
  results.push({ run: i, ok: r.status === 0, seconds: (Date.now() - t0) / 1000 })
  console.log(`e2e-under-load: run ${i}/${runs} ${r.status === 0 ? 'passed' : 'FAILED'} in ${results.at(-1).seconds} s`)
}
stopHog()
const failed = results.filter((r) => !r.ok).length
console.log(`e2e-under-load: ${runs - failed} of ${runs} runs passed with one core busy`)
process.exit(failed ? 1 : 0)
