#!/usr/bin/env node
// File names: kebab-case for code, PascalCase for Vue single-file components.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const dirs = ['src-shared', 'src-main', 'src-preload', 'src-renderer', 'tools', 'tests', 'bench', 'scripts']
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*\.(ts|mjs|js|d\.ts|html|css|json)$/
const pascal = /^[A-Z][A-Za-z0-9]*\.vue$/
let bad = 0
function walk(dir) {
  let entries
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'results') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) {
      walk(p)
      continue
    }
    if (!/\.(ts|mjs|js|vue)$/.test(name)) continue
    // Locale files are named by their BCP 47 tag (zh-CN.ts).
    const locale = /[\\/]i18n[\\/]/.test(p) && /^[a-z]{2}(-[A-Z]{2})?\.ts$/.test(name)
    const ok = name.endsWith('.vue') ? pascal.test(name) : locale || kebab.test(name)
    if (!ok) {
      console.error(`file name: ${relative(root, p)}`)
      bad++
    }
  }
}
for (const d of dirs) walk(join(root, d))
if (bad) {
  console.error(`check-file-names: ${bad} bad name(s)`)
  process.exit(1)
}
console.log('check-file-names: ok')
