// Builds what is out of date before `npm start` / `npm run serve`, so the README's two
// commands work on a fresh clone without a separate build step.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function newest(dir) {
  let t = 0
  if (!existsSync(dir)) return t
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    const st = statSync(p)
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs)
  }
  return t
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0
}

export function buildIfStale({ quiet = false } = {}) {
  const run = (args) =>
    execFileSync('npm', ['run', '--silent', ...args], { cwd: root, stdio: quiet ? 'ignore' : 'inherit' })
  const shared = newest(join(root, 'src-shared'))
  if (
    mtime(join(root, 'dist/renderer/index.html')) <
    Math.max(shared, newest(join(root, 'src-renderer')), mtime(join(root, 'vite.config.ts')))
  ) {
    if (!quiet) console.log('构建界面 / building the renderer…')
    run(['build:web'])
  }
  const nodeSrc = Math.max(shared, newest(join(root, 'src-main')), newest(join(root, 'src-preload')))
  if (mtime(join(root, 'dist/node/cli.mjs')) < nodeSrc || mtime(join(root, 'dist/main/electron-main.cjs')) < nodeSrc)
    run(['build:node'])
}
