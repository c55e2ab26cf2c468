import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

/**
 * End-to-end: the teacher app served by the browser host, driven in Debian's Chromium
 * (no browser download). The `electron` project runs where the Electron binary exists.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 800 }
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync'
          ]
        }
      }
    },
    { name: 'electron', testDir: 'tests/e2e-electron' }
  ]
})
