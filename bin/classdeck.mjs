#!/usr/bin/env node
// The `classdeck` command: runs the bundled CLI, building it first on a fresh checkout.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/node/cli.mjs', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-node.mjs', import.meta.url))], {
    stdio: 'inherit'
  })
}
// `classdeck serve` is the browser host: it runs with the hosts' V8 flags (scripts/node-flags.mjs).
const { NODE_HOST_FLAGS, spawnBrowserHost } = await import('../scripts/node-flags.mjs')
if (process.argv[2] === 'serve' && !NODE_HOST_FLAGS.every((f) => process.execArgv.includes(f))) {
  spawnBrowserHost(fileURLToPath(cli), process.argv.slice(3))
} else {
  await import(cli.href)
}
