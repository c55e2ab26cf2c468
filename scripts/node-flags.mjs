// V8 flags for the Node processes that host ClassDeck's services (the browser host, `npm start`'s
// fallback, the benchmarks). A larger young generation: during a class the classroom server
// takes thousands of answers a second, and each answer's row stays in the live run (duplicates,
// tally) until the student answers again. With V8's default semi-space most of those rows
// survive a scavenge and are copied, then promoted and collected again from old space; with
// 64 MB they are replaced before the next scavenge. Measured in `npm run bench -- classroom`:
// about 2 µs less server CPU per answer at 500 students (docs/benchmarks.md). The young
// generation grows to it only under such load (at most ~100 MB more than V8's default).
import { spawn } from 'node:child_process'

export const NODE_HOST_FLAGS = ['--max-semi-space-size=64']

/** The same flags for Electron's main process, which takes V8 flags only on its command line. */
export const ELECTRON_HOST_ARGS = [`--js-flags=${NODE_HOST_FLAGS.join(' ')}`]

/**
 * Runs the browser host (`cli serve …`) in a Node process with those flags (they only work on
 * the command line), passes Ctrl-C and SIGTERM on, and exits with its code.
 */
export function spawnBrowserHost(cli, args) {
  const child = spawn(process.execPath, [...NODE_HOST_FLAGS, cli, 'serve', ...args], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}

/**
 * `npm run serve` / `npm start` arguments with `--open` added when a person is at a terminal
 * (the launch URL carries a secret, so opening it saves copying it); `--no-open` opts out.
 */
export function withOpen(args) {
  if (args.includes('--no-open')) return args.filter((a) => a !== '--no-open')
  return process.stdout.isTTY && !args.includes('--open') ? [...args, '--open'] : args
}
