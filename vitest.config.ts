import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Vitest 5 on Node 20: see scripts/node20-polyfills.ts.
import './scripts/node20-polyfills'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: [
      'src-shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'tools/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts'
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
