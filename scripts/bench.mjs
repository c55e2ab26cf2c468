#!/usr/bin/env node
// `npm run bench -- <name> [<name> …]`: runs bench/<name>.ts (all of them with no name).
// Benchmarks print their figures and write bench/results/<name>.json; they assert nothing.
import { spawnSync } from 'node:child_process'
import { readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NODE_HOST_FLAGS } from './node-flags.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const all = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => n !== 'bench-kit')
const names = process.argv.slice(2).length ? process.argv.slice(2) : all
let status = 0
for (const name of names) {
  const file = join(root, 'bench', `${name}.ts`)
  if (!existsSync(file)) {
    console.error(`bench: no benchmark named ${name} (have: ${all.join(', ')})`)
    status = 1
    continue
  }
  console.log(`\n=== bench ${name} ===`)
  // The services run with the same V8 flags as in the hosts (scripts/node-flags.mjs).
  const r = spawnSync(process.execPath, [...NODE_HOST_FLAGS, '--import', 'tsx', file], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) status = r.status ?? 1
}
process.exit(status)
