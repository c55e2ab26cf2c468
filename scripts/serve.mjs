#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]`: the whole teacher app in a browser.
import { spawn, execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.mjs'
import { NODE_HOST_FLAGS } from './node-flags.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
buildIfStale()
execFileSync(process.execPath, [join(root, 'scripts/ensure-native-abi.mjs'), 'node'], { stdio: 'inherit' })
const child = spawn(process.execPath, [...NODE_HOST_FLAGS, join(root, 'dist/node/cli.mjs'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
