#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]`: the whole teacher app in a browser.
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.mjs'
import { spawnBrowserHost, withOpen } from './node-flags.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
buildIfStale()
execFileSync(process.execPath, [join(root, 'scripts/ensure-native-abi.mjs'), 'node'], { stdio: 'inherit' })
// The host prints its URL with this launch's secret; on a terminal, open it too (--no-open: don't).
spawnBrowserHost(join(root, 'dist/node/cli.mjs'), withOpen(process.argv.slice(2)))
