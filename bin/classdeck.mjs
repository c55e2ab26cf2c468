#!/usr/bin/env node
// The `classdeck` command: runs the bundled CLI, building it first on a fresh checkout.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/node/cli.mjs', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-node.mjs', import.meta.url))], { stdio: 'inherit' })
}
await import(cli.href)
