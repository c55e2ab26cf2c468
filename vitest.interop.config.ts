import { defineConfig } from 'vitest/config'
// Vitest 5 on Node 20: see scripts/node20-polyfills.ts.
import './scripts/node20-polyfills'

// Interop tests drive external programs (LibreOffice); `npm run test:interop` runs only these.
export default defineConfig({
  test: {
    include: ['**/*.interop.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 180_000
  }
})
