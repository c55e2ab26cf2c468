#!/usr/bin/env node
// better-sqlite3 is native: the Node build serves tests and the browser host, the Electron
// build serves `npm start` with the binary and packaging. This script makes the switch
// explicit (after Motrix's ensure-native-abi): it probes what is built, swaps in a cached
// build of the wanted ABI when it has one, and rebuilds only when it must.
//   node scripts/ensure-native-abi.mjs node|electron
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: ensure-native-abi.mjs node|electron')
  process.exit(2)
}
const nodeMajor = Number(process.versions.node.split('.')[0])
if (target === 'node' && nodeMajor < 24) {
  console.error(
    `ensure-native-abi: ClassDeck supports Node 24 LTS; this is Node ${process.versions.node}. ` +
      'Run `. scripts/use-node-24.sh` (it fetches Node 24 from the npm registry) or install Node 24, then npm ci.'
  )
  process.exit(1)
}
const pkgDir = join(root, 'node_modules/better-sqlite3')
const built = join(pkgDir, 'build/Release/better_sqlite3.node')
const marker = join(pkgDir, 'build/Release/.classdeck-abi')
const abi =
  target === 'node'
    ? process.versions.modules
    : readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim()
const wanted = `${target}-${abi}`
const cacheDir = join(root, 'node_modules/.cache/classdeck-abi', wanted)
const cached = join(cacheDir, 'better_sqlite3.node')

const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null

function nodeProbe() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8'
  })
  return r.status === 0
}

function remember() {
  mkdirSync(cacheDir, { recursive: true })
  copyFileSync(built, cached)
  writeFileSync(marker, wanted)
}

if (target === 'node') {
  if (existsSync(built) && (current === wanted || current === null) && nodeProbe()) {
    if (current === null) remember()
    process.exit(0)
  }
  if (existsSync(cached)) {
    copyFileSync(cached, built)
    writeFileSync(marker, wanted)
    if (nodeProbe()) {
      console.log(`ensure-native-abi: better-sqlite3 switched to the cached ${wanted} build`)
      process.exit(0)
    }
  }
  console.log(`ensure-native-abi: rebuilding better-sqlite3 for Node (ABI ${abi}); this takes about a minute…`)
  execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { cwd: root, stdio: 'inherit' })
  if (!nodeProbe()) {
    console.error('ensure-native-abi: better-sqlite3 still does not load in Node after a rebuild')
    process.exit(1)
  }
  remember()
  process.exit(0)
}

// Electron
if (current === wanted && existsSync(built)) process.exit(0)
if (current?.startsWith('node-') && existsSync(built)) {
  // keep the Node build for the switch back
  mkdirSync(join(root, 'node_modules/.cache/classdeck-abi', current), { recursive: true })
  copyFileSync(built, join(root, 'node_modules/.cache/classdeck-abi', current, 'better_sqlite3.node'))
}
if (existsSync(cached)) {
  copyFileSync(cached, built)
  writeFileSync(marker, wanted)
  console.log(`ensure-native-abi: better-sqlite3 switched to the cached ${wanted} build`)
  process.exit(0)
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
console.log(`ensure-native-abi: rebuilding better-sqlite3 for Electron ${electronVersion} (ABI ${abi})…`)
const r = spawnSync('npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3', '--version', electronVersion], {
  cwd: root,
  stdio: 'inherit'
})
if (r.status !== 0) {
  console.error(
    "ensure-native-abi: could not rebuild better-sqlite3 for Electron (it needs Electron's headers from the network)"
  )
  process.exit(1)
}
remember()
