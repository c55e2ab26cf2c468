#!/usr/bin/env node
// `npm start`: the Electron app. Where the Electron binary is missing and cannot be
// downloaded (as on our build machines), say so in one line and run the browser host.
import { spawn, spawnSync, execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.mjs'
import { ELECTRON_HOST_ARGS, spawnBrowserHost, withOpen } from './node-flags.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(root, 'node_modules/electron')
const args = process.argv.slice(2)

function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    const bin = join(electronDir, 'dist', rel)
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

buildIfStale()

let bin = electronBinary()
if (!bin && existsSync(join(electronDir, 'install.js')) && !process.env.CLASSDECK_NO_ELECTRON_DOWNLOAD) {
  // Electron 45 downloads its binary on first use; give it one bounded try.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 60_000 })
  bin = electronBinary()
}

if (!bin) {
  console.log(
    'Electron 未安装且无法下载，改用浏览器版 / Electron binary missing and cannot be downloaded: starting the browser host instead (npm run serve).'
  )
  execFileSync(process.execPath, [join(root, 'scripts/ensure-native-abi.mjs'), 'node'], { stdio: 'inherit' })
  // It prints its URL with this launch's secret; on a terminal it also opens it (--no-open: don't).
  spawnBrowserHost(join(root, 'dist/node/cli.mjs'), withOpen(args))
} else {
  execFileSync(process.execPath, [join(root, 'scripts/ensure-native-abi.mjs'), 'electron'], { stdio: 'inherit' })
  const child = spawn(bin, [...ELECTRON_HOST_ARGS, root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
