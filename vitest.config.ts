import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

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
    // Node by default (real SQLite, real sockets); renderer tests opt in to jsdom per file.
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000
  }
})
