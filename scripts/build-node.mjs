#!/usr/bin/env node
// Bundles the Node side with esbuild: the CLI + browser host (ESM), the Electron main process
// and the preload (CJS). Dependencies stay in node_modules (better-sqlite3 is native), except
// in the sandboxed preload, which can require nothing and gets its channel allow-list inlined.
import { build } from 'esbuild'
import { readFileSync, mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const define = { __APP_VERSION__: JSON.stringify(pkg.version) }
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define,
  absWorkingDir: root
}

// The contract's channel names, computed from the contract itself.
const tmp = join(root, 'node_modules/.cache/classdeck-build')
mkdirSync(tmp, { recursive: true })
await build({
  ...common,
  sourcemap: false,
  format: 'esm',
  entryPoints: ['src-shared/contract/index.ts'],
  outfile: join(tmp, 'contract.mjs'),
  packages: 'external'
})
const contract = await import(pathToFileURL(join(tmp, 'contract.mjs')).href + `?t=${Date.now()}`)
rmSync(join(tmp, 'contract.mjs'), { force: true })

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: {
      cli: 'src-main/cli/classdeck-cli.ts',
      'import-worker': 'src-main/services/importers/import-worker.ts'
    },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
    packages: 'external'
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: {
      'electron-main': 'src-main/hosts/electron/main.ts',
      'import-worker': 'src-main/services/importers/import-worker.ts'
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    external: ['electron'],
    // Services locate their files with import.meta.url; in CommonJS that is the bundle's own path.
    define: { ...define, 'import.meta.url': '__classdeck_import_meta_url' },
    banner: { js: "const __classdeck_import_meta_url = require('node:url').pathToFileURL(__filename).href;" }
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: { index: 'src-preload/index.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    define: {
      ...define,
      __CALL_CHANNELS__: JSON.stringify(contract.CALL_CHANNELS),
      __EVENT_CHANNELS__: JSON.stringify(contract.EVENT_CHANNELS)
    }
  })
])
console.log(
  `build-node: dist/node/cli.mjs, dist/main/electron-main.cjs, dist/preload/index.cjs (${contract.CALL_CHANNELS.length} calls, ${contract.EVENT_CHANNELS.length} events)`
)
