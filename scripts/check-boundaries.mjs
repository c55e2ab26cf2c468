#!/usr/bin/env node
// Belt and braces for the lint layering rules (after Motrix's check-boundaries): a plain
// grep of import lines, so a misconfigured lint cannot hide a crossed boundary.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const rules = [
  {
    label: 'src-shared must not import node:, electron, src-main or src-renderer',
    dir: 'src-shared',
    pattern: /from\s+['"](node:|electron['"]|[^'"]*src-main\/|[^'"]*src-renderer\/)/
  },
  {
    label: 'services must not import electron',
    dir: 'src-main/services',
    pattern: /from\s+['"]electron['"]|require\(['"]electron['"]\)/
  },
  { label: 'rpc must not import electron', dir: 'src-main/rpc', pattern: /from\s+['"]electron['"]/ },
  {
    label: 'the browser host must not import electron',
    dir: 'src-main/hosts/browser',
    pattern: /from\s+['"]electron['"]/
  },
  { label: 'tools must not import electron', dir: 'tools', pattern: /from\s+['"]electron['"]/ },
  {
    label: 'the composition root must not import electron',
    dir: 'src-main/app-core.ts',
    pattern: /from\s+['"]electron['"]/
  },
  { label: 'the CLI must not import electron', dir: 'src-main/cli', pattern: /from\s+['"]electron['"]/ },
  { label: 'util must not import electron', dir: 'src-main/util', pattern: /from\s+['"]electron['"]/ },
  { label: 'security must not import electron', dir: 'src-main/security', pattern: /from\s+['"]electron['"]/ },
  {
    label: 'the shared file routes must not import electron',
    dir: 'src-main/hosts/media-files.ts',
    pattern: /from\s+['"]electron['"]/
  },
  {
    label: 'the renderer must not import src-main (except types)',
    dir: 'src-renderer',
    pattern: /^import\s+(?!type\b)[^;]*from\s+['"][^'"]*src-main\//m
  }
]

function* files(dir) {
  if (/\.(ts|vue|mjs|js)$/.test(dir)) {
    yield dir
    return
  }
  let entries
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* files(p)
    else if (/\.(ts|vue|mjs|js)$/.test(name)) yield p
  }
}

let failures = 0
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const text = readFileSync(file, 'utf8')
    for (const line of text.split('\n')) {
      if (rule.pattern.test(line) && !/^\s*(\/\/|\*)/.test(line)) {
        console.error(`boundary: ${rule.label}\n  ${relative(root, file)}: ${line.trim()}`)
        failures++
      }
    }
  }
}
if (failures) {
  console.error(`check-boundaries: ${failures} crossing(s)`)
  process.exit(1)
}
console.log('check-boundaries: ok')
