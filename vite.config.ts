/**
 * Builds the renderer: the teacher app (index.html) and, when present, the student tablet page
 * (student.html) and the phone remote (remote.html). Node code (services, hosts, preload, CLI)
 * is bundled by scripts/build-node.mjs with esbuild, which Vite uses underneath anyway.
 */
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, 'src-renderer')
const pages = ['index', 'student', 'remote'].filter((p) => existsSync(resolve(root, `${p}.html`)))

export default defineConfig({
  root,
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    // Students' tablets and phones run older browsers than the teacher's ClassDeck window.
    target: ['es2019', 'chrome80', 'safari13'],
    reportCompressedSize: false,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve(root, `${p}.html`)]))
    }
  },
  server: { port: 5731, strictPort: false }
})
