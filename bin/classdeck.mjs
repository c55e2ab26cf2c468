#!/usr/bin/env node
// The `classdeck` command: runs the bundled CLI, building it first on a fresh checkout.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/node/cli.mjs', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-node.mjs', import.meta.url))], { stdio: 'inherit' })
}
// `classdeck serve` is the browser host: it runs with the hosts' V8 flags (scripts/node-flags.mjs).
const { NODE_HOST_FLAGS } = await import('../scripts/node-flags.mjs')
if (process.argv[2] === 'serve' && !NODE_HOST_FLAGS.every((f) => process.execArgv.includes(f))) {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, [...NODE_HOST_FLAGS, fileURLToPath(cli), ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  await import(cli.href)
}
