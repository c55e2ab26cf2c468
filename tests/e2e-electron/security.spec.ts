/**
 * The Electron shell's security settings, checked in the real binary. Our build machines
 * cannot download Electron, so this skips there with a one-line reason; it runs wherever
 * `node_modules/electron/dist` exists (a developer's machine, a packaging CI).
 */
import { test, expect, _electron as electron } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
const electronDir = join(root, 'node_modules/electron')
function electronBinary(): string | null {
  try {
    const bin = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}
const bin = electronBinary()

test.skip(
  !bin,
  'Electron binary not installed here (cannot be downloaded on this machine); run `npx install-electron` where it can'
)

test('windows are sandboxed and isolated, navigation and new windows are denied, IPC is closed to other channels', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'classdeck-electron-'))
  const app = await electron.launch({ executablePath: bin!, args: [root, '--data-dir', dataDir] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('app-title')).toBeVisible()

    // getLastWebPreferences is present at run time but not in Electron's public typings.
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      (
        BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
      ).getLastWebPreferences()
    )
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')

    // No Node in the page; only the closed preload API.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { classdeck: object }).classdeck).sort())
    ).toEqual(['invoke', 'on'])
    await expect(
      page.evaluate(() =>
        (window as unknown as { classdeck: { invoke: (c: string, i: unknown) => Promise<unknown> } }).classdeck.invoke(
          'evil:channel',
          {}
        )
      )
    ).rejects.toThrow(/Blocked/)

    // A strict CSP is on the page.
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
    expect(csp).toContain("script-src 'self'")

    // window.open and navigation to the web are denied.
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true)
    await page.evaluate(() => (location.href = 'https://example.com'))
    await page.waitForTimeout(500)
    expect(page.url()).toMatch(/^app:\/\/classdeck\//)
    expect(app.windows()).toHaveLength(1)

    // Permission requests (camera, notifications…) are refused by default.
    const perm = await page.evaluate(
      async () => (await navigator.permissions.query({ name: 'notifications' as PermissionName })).state
    )
    expect(perm).not.toBe('granted')
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
