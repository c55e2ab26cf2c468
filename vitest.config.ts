import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Vitest 5 declares Node >= 22; on Node 20 its reporter calls Map.groupBy (Node 21+) when a test
// fails, which would hide the failure behind a crash. This config runs in the reporter's process.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const out = new Map<K, T[]>()
      let i = 0
      for (const item of items) {
        const k = key(item, i++)
        const list = out.get(k)
        if (list) list.push(item)
        else out.set(k, [item])
      }
      return out
    }
  })
}

export default defineConfig({
  plugins: [vue()],
  test: {
    include: [
      'src-shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'tools/**/*.test.ts',
      'scripts/**/*.test.ts'
    ],
    // LibreOffice interop runs separately (npm run test:interop): it needs soffice and minutes.
    exclude: ['**/node_modules/**', '**/*.interop.test.ts'],
    // Node by default (real SQLite, real sockets); renderer tests opt in to jsdom per file.
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000
  }
})
