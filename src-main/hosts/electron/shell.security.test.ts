import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { tempDir } from '../../test-utils/temp-dir'
import { createAppCore } from '../../app-core'
import { IPC_CALL, IPC_EVENT } from '../../../src-shared/contract/ipc'
import { SANDBOX_CSP } from '../../security/security-headers'
import { runShell, type Shell } from './shell'
import { isTrustedSender } from './security'
import { BOARD_FRAME, OVERLAY_FRAME } from './presenter-windows'
import {
  createFakeElectron,
  display,
  frame,
  openFrom,
  windowOpen,
  type FakeBrowserWindow,
  type FakeElectron
} from './electron-fake'

const TEACH = 'app://classdeck/index.html#/teach'
const laptop = display(1, { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true, label: 'Built-in' })
// A 4K smartboard at 200 %: Electron gives its bounds in device-independent pixels.
const board = display(2, { bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 2, touch: true })

describe('the sender check', () => {
  it('is needed because Node gives a non-special scheme the origin "null"', () => {
    expect(new URL(TEACH).origin).toBe('null')
  })

  it('trusts the main frame of our own pages only', () => {
    expect(isTrustedSender(frame(TEACH))).toBe(true)
    expect(isTrustedSender(frame('app://classdeck/index.html'))).toBe(true)
    expect(isTrustedSender(frame('app://classdeck/index.html', frame(TEACH)))).toBe(false) // a subframe
    expect(isTrustedSender(frame('file:///home/teacher/index.html'))).toBe(false)
    expect(isTrustedSender(frame('https://evil.example/index.html'))).toBe(false)
    expect(isTrustedSender(frame('app://classdeck.evil.example/index.html'))).toBe(false)
    expect(isTrustedSender(frame('app://user:pw@classdeck/index.html'))).toBe(false)
    expect(isTrustedSender(frame('not a url'))).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })
})

describe('the Electron shell', () => {
  let t: ReturnType<typeof tempDir>
  let fake: FakeElectron
  let shell: Shell
  let rendererDir: string

  async function start(displays = [laptop, board]): Promise<FakeBrowserWindow> {
    const dist = join(t.dir, 'dist')
    rendererDir = join(dist, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ClassDeck</title>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(t.dir, 'secret.txt'), 'not for the page')
    fake = createFakeElectron({ userData: join(t.dir, 'user-data'), displays, primaryId: 1 })
    shell = runShell(fake, { distDir: dist, argv: ['electron', '.'], createCore: createAppCore })
    fake.app.becomeReady()
    await shell.ready
    const win = shell.mainWindow() as FakeBrowserWindow | null
    if (!win) throw new Error('no main window')
    return win
  }

  beforeEach(() => {
    t = tempDir()
  })
  afterEach(async () => {
    fake?.app.listeners.emit('will-quit')
    await shell?.core()?.dispose()
    t.cleanup()
  })

  it('answers IPC from its own window and refuses subframes and other pages', async () => {
    await start()
    const ok = (await fake.ipcMain.invoke(IPC_CALL, frame(TEACH), 'settings:get', {})) as { ok: boolean }
    expect(ok.ok).toBe(true)
    for (const f of [
      frame('app://classdeck/index.html', frame(TEACH)),
      frame('file:///tmp/index.html'),
      frame('https://evil.example/'),
      null
    ]) {
      const refused = (await fake.ipcMain.invoke(IPC_CALL, f, 'settings:get', {})) as {
        ok: boolean
        error: { code: string; message: string; messageEn: string }
      }
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(refused.error.message).toMatch(/拒绝/)
    }
  })

  it('starts hardened: one instance, sandbox, secure windows, the app scheme privileged', async () => {
    const win = await start()
    expect(fake.app.sandboxed).toBe(true)
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    expect(win.webContents.getURL()).toBe('app://classdeck/index.html')
    expect(win.shown).toBe(true)
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(t.dir, 'dist', 'preload/index.cjs')
    })
    // A second copy of the app quits at once and starts nothing.
    const second = createFakeElectron({ userData: join(t.dir, 'other') })
    second.app.hasLock = false
    runShell(second, { distDir: join(t.dir, 'dist'), argv: [] })
    expect(second.app.quitCalls).toBe(1)
    expect(second.protocol.privileged).toEqual([])
  })

  it('keeps every window on the app: navigation, redirects and webviews outside it are refused', async () => {
    const win = await start()
    const wc = win.webContents
    expect(wc.navigate('https://evil.example/phish')).toBe(false)
    expect(wc.navigate('file:///etc/passwd')).toBe(false)
    expect(wc.navigate('app://classdeck.evil.example/index.html')).toBe(false)
    expect(wc.redirect('http://127.0.0.1:8787/')).toBe(false)
    expect(wc.attachWebview()).toBe(false)
    expect(wc.navigate('app://classdeck/index.html#/library')).toBe(true)
    expect(wc.getURL()).toBe('app://classdeck/index.html#/library')
  })

  it('opens no window but the teaching ones; only the platform sign-in page goes to the browser', async () => {
    const win = await start()
    expect(openFrom(fake, win.webContents, windowOpen('https://evil.example/', '_blank'))).toBeNull()
    expect(openFrom(fake, win.webContents, windowOpen('app://classdeck/index.html#/x', 'other'))).toBeNull()
    const signIn = 'http://127.0.0.1:8787/oauth/authorize?client_id=classdeck'
    expect(openFrom(fake, win.webContents, windowOpen(signIn))).toBeNull()
    expect(fake.shell.opened).toEqual([signIn])
    // A window the board page itself tries to open is refused like any other (deny-all handler).
    const boardWin = openFrom(fake, win.webContents, windowOpen(`${TEACH}?board=1`, BOARD_FRAME))!
    expect(openFrom(fake, boardWin.webContents, windowOpen('app://classdeck/index.html', BOARD_FRAME))).toBeNull()
    expect(boardWin.webContents.navigate('https://evil.example/')).toBe(false)
  })

  it('puts the board on the 4K smartboard and brings it back to the laptop when unplugged', async () => {
    const win = await start()
    const boardWin = openFrom(fake, win.webContents, windowOpen(`${TEACH}?board=1`, BOARD_FRAME))!
    expect(boardWin.options).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080, fullscreen: true })
    expect(boardWin.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    fake.screen.unplug(2)
    expect(boardWin.getBounds()).toEqual(laptop.workArea)
    expect(boardWin.fullScreen).toBe(true)
    boardWin.close()
    expect(fake.screen.listeners.count('display-removed')).toBe(0)
  })

  it('stays on the laptop when nothing else is connected, and lays the overlay over the pointer’s display', async () => {
    const win = await start([laptop])
    const boardWin = openFrom(fake, win.webContents, windowOpen(`${TEACH}?board=1`, BOARD_FRAME))!
    expect(boardWin.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 })
    fake.screen.displays = [laptop, board]
    fake.screen.cursor = { x: 2500, y: 400 }
    const overlay = openFrom(fake, win.webContents, windowOpen('app://classdeck/index.html#/overlay', OVERLAY_FRAME))!
    expect(overlay.options).toMatchObject({ x: 1920, width: 1920, transparent: true, frame: false, alwaysOnTop: true })
    expect(overlay.alwaysOnTop).toEqual({ flag: true, level: 'screen-saver' })
    expect(overlay.allWorkspaces).toBe(true)
  })

  it('grants full screen to our pages only and every other permission to nobody', async () => {
    await start()
    const s = fake.session.defaultSession
    expect(s.ask(TEACH, 'fullscreen')).toBe(true)
    expect(s.ask(TEACH, 'media')).toBe(false)
    expect(s.ask(TEACH, 'geolocation')).toBe(false)
    expect(s.ask('https://evil.example/', 'fullscreen')).toBe(false)
    expect(s.ask('file:///tmp/x.html', 'fullscreen')).toBe(false)
    expect(s.check?.(null, 'fullscreen', 'app://classdeck')).toBe(true)
    expect(s.check?.(null, 'fullscreen', 'https://evil.example')).toBe(false)
    expect(s.check?.(null, 'notifications', 'app://classdeck')).toBe(false)
  })

  it('sends events to app windows only', async () => {
    const win = await start()
    const stranger = new fake.BrowserWindow({})
    void stranger.loadURL('https://evil.example/')
    await fake.ipcMain.invoke(IPC_CALL, frame(TEACH), 'settings:update', { idleMinutes: 7 })
    expect(win.webContents.sent.some((m) => m.channel === IPC_EVENT && m.args[0] === 'settings:changed')).toBe(true)
    expect(stranger.webContents.sent).toEqual([])
  })

  it('keeps platform tokens encrypted with the OS key store', async () => {
    await start()
    shell.core()!.services.sync.client.signOut() // writes the token file through the store
    const file = join(t.dir, 'user-data', 'platform-tokens.enc')
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file).subarray(0, 12).toString()).toBe('FAKE-OS-KEY:')
  })

  it('shows a refused database in a dialog instead of crashing', async () => {
    const userData = join(t.dir, 'broken')
    mkdirSync(userData, { recursive: true })
    writeFileSync(join(userData, 'classdeck.db'), Buffer.alloc(8192, 0x41))
    fake = createFakeElectron({ userData })
    shell = runShell(fake, { distDir: join(t.dir, 'dist'), argv: [] })
    fake.app.becomeReady()
    await shell.ready
    expect(fake.app.exitCode).toBe(1)
    expect(fake.dialog.shown).toHaveLength(1)
    expect(fake.dialog.shown[0]![1]).toMatch(/数据库|database/i)
    expect(shell.mainWindow()).toBeNull()
  })

  describe('the app:// protocol', () => {
    const get = (path: string, init?: RequestInit) => fake.protocol.request(`app://classdeck${path}`, init)

    it('serves the renderer with the app CSP and nosniff on every response', async () => {
      await start()
      for (const path of ['/', '/index.html', '/assets/app.js']) {
        const res = await get(path)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
        expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      }
      expect((await get('/index.html')).headers.get('content-type')).toBe('text/html')
      const missing = await get('/assets/missing.js')
      expect(missing.status).toBe(404)
      expect(missing.headers.get('x-content-type-options')).toBe('nosniff')
    })

    it('never serves a file outside the renderer folder', async () => {
      await start()
      for (const path of ['/..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/..%2f..%2f..%2fsecret.txt']) {
        const res = await get(path)
        expect(res.status).toBe(403)
        expect(await res.text()).not.toContain('not for the page')
      }
      expect((await get('/%E0%A4%A')).status).toBe(400)
      expect(fake.net.fetched.some((u) => u.endsWith('secret.txt'))).toBe(false)
    })

    it('sandboxes active media (an SVG with a script) and gives passive media the app CSP', async () => {
      await start()
      const mediaDir = join(shell.core()!.services.info.dataDir, 'media')
      mkdirSync(mediaDir, { recursive: true })
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>')
      const svgName = `${createHash('sha256').update(svg).digest('hex')}.svg`
      writeFileSync(join(mediaDir, svgName), svg)
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47])
      const pngName = `${createHash('sha256').update(png).digest('hex')}.png`
      writeFileSync(join(mediaDir, pngName), png)

      const s = await get(`/media/${svgName}`)
      expect(s.status).toBe(200)
      expect(s.headers.get('content-type')).toBe('image/svg+xml')
      expect(s.headers.get('content-security-policy')).toBe(SANDBOX_CSP)
      expect(s.headers.get('x-content-type-options')).toBe('nosniff')
      const p = await get(`/media/${pngName}`)
      expect(p.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(p.headers.get('x-content-type-options')).toBe('nosniff')
      expect((await get(`/media/${'0'.repeat(64)}.svg`)).status).toBe(404)
    })

    it('serves exports as sandboxed attachments and refuses uploads without the upload header', async () => {
      await start()
      const exportsDir = join(shell.core()!.services.info.dataDir, 'exports')
      mkdirSync(exportsDir, { recursive: true })
      writeFileSync(join(exportsDir, '三年级成绩.xlsx'), 'xlsx')
      const res = await get(`/exports/${encodeURIComponent('三年级成绩.xlsx')}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/)
      expect(res.headers.get('content-security-policy')).toBe(SANDBOX_CSP)
      const upload = await get('/media?ext=png', { method: 'POST', body: new Uint8Array([1, 2, 3]) })
      expect(upload.status).toBe(403)
      expect(upload.headers.get('x-content-type-options')).toBe('nosniff')
      expect((await get('/index.html', { method: 'DELETE' })).status).toBe(405)
    })
  })
})
