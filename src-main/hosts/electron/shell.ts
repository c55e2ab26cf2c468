/**
 * The Electron shell, kept thin: single instance, hardened windows, the app:// protocol, and the
 * one handler table bound to IPC with the sender checked. Everything else lives in host-neutral
 * services (src-main/services) shared with the browser host. It takes the Electron API as a
 * parameter (main.ts passes the real one, the tests a typed fake).
 */
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { AppError } from '../../../src-shared/errors'
import { APP_ORIGIN, IPC_CALL, IPC_EVENT } from '../../../src-shared/contract/ipc'
import { hardenApp, isAppUrl, isTrustedSender, secureWebPreferences, setExternalOpener } from './security'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { SafeStorageTokenStore } from './safe-token-store'
import { attachPresenterWindows } from './presenter-windows'
import { electronPdfPrinter, type PrintWindowClass } from './print-pdf'
import type { ShellElectron, ShellWindow } from './electron-api'
import { listenForOpenFiles } from './open-files'

export interface ShellOptions {
  /** The built app: renderer/ and preload/ under it. */
  readonly distDir: string
  readonly argv: readonly string[]
  /** Where relative paths on the command line are from (process.cwd() when left out). */
  readonly cwd?: string
  /** The services; tests pass the real createAppCore with their own clock. */
  readonly createCore?: typeof createAppCore
  /** Windows to print a deck to PDF in (Electron's BrowserWindow); without them PDF export is refused. */
  readonly printWindows?: PrintWindowClass
}

export interface Shell {
  /** Settles once the services run and the main window is created (or start-up was refused). */
  readonly ready: Promise<void>
  core(): AppCore | null
  mainWindow(): ShellWindow | null
}

export function dataDirFromArgs(argv: readonly string[], fallback: () => string): string {
  const i = argv.indexOf('--data-dir')
  return i > 0 && argv[i + 1] ? argv[i + 1]! : fallback()
}

const refusedCall = () => ({
  ok: false as const,
  error: new AppError('FORBIDDEN', '拒绝来自未知页面的调用', 'Call refused: unknown sender').toData()
})

export function runShell(electron: ShellElectron, opts: ShellOptions): Shell {
  const { app, BrowserWindow } = electron
  const preload = join(opts.distDir, 'preload/index.cjs')
  let core: AppCore | null = null
  let mainWindow: ShellWindow | null = null

  const createMainWindow = (): ShellWindow => {
    const win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      title: 'ClassDeck 教学助手',
      backgroundColor: '#f4f6f8',
      webPreferences: secureWebPreferences(preload)
    })
    // The classroom display (board window) and the overlay are opened from this window only.
    attachPresenterWindows(win.webContents, electron.screen, { preload })
    win.once('ready-to-show', () => win.show())
    void win.loadURL(`${APP_ORIGIN}/index.html`)
    win.on('closed', () => (mainWindow = null))
    return win
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return { ready: Promise.resolve(), core: () => null, mainWindow: () => null }
  }
  registerAppScheme(electron.protocol)
  hardenApp(app, () => electron.session.defaultSession)

  const focusMain = (): void => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
  const attachOpenFiles = listenForOpenFiles(app, opts.argv, opts.cwd ?? process.cwd(), focusMain)

  const ready = app.whenReady().then(() => {
    const dataDir = dataDirFromArgs(opts.argv, () => app.getPath('userData'))
    try {
      core = (opts.createCore ?? createAppCore)({
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        classroomPagesDir: join(opts.distDir, 'renderer'),
        tokenStore: new SafeStorageTokenStore(
          electron.safeStorage,
          join(dataDir, 'platform-tokens.enc'),
          join(dataDir, 'platform-tokens.json')
        ),
        ...(opts.printWindows ? { printPdf: electronPdfPrinter(opts.printWindows, { preload }) } : {})
      })
    } catch (err) {
      // A refused database (newer version, corrupt) is shown, not crashed on.
      const e = AppError.from(err)
      electron.dialog.showErrorBox('ClassDeck 无法启动 / cannot start', `${e.message}\n\n${e.messageEn}`)
      app.exit(1)
      return
    }
    const c = core
    serveAppProtocol(electron, join(opts.distDir, 'renderer'), c.services.info.dataDir)
    attachOpenFiles(c.services.courseware)

    electron.ipcMain.handle(IPC_CALL, (event, channel, input) => {
      if (!isTrustedSender(event.senderFrame)) return refusedCall()
      return dispatch(c.table, channel, input, { host: 'electron', senderId: String(event.sender.id) })
    })
    c.hub.subscribe((channel, payload) => {
      for (const w of BrowserWindow.getAllWindows()) {
        if (isAppUrl(w.webContents.getURL())) w.webContents.send(IPC_EVENT, channel, payload)
      }
    })

    // The platform's sign-in page opens in the teacher's own browser (RFC 8252), and only that
    // origin: the renderer cannot make ClassDeck open arbitrary addresses.
    setExternalOpener((url) => {
      try {
        const platform = new URL(c.services.settings.get().platformUrl).origin
        if (new URL(url).origin === platform) void electron.shell.openExternal(url)
      } catch {
        // not a URL: ignore
      }
    })
    mainWindow = createMainWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    setExternalOpener(null)
    void core?.dispose()
  })
  return { ready, core: () => core, mainWindow: () => mainWindow }
}
