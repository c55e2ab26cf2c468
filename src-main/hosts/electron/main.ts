/**
 * The Electron shell, kept thin: single instance, hardened windows, the app:// protocol,
 * and the one handler table bound to IPC with the sender checked. Everything else lives
 * in host-neutral services (src-main/services) shared with the browser host.
 */
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { AppError } from '../../../src-shared/errors'
import { APP_ORIGIN, IPC_CALL, IPC_EVENT } from '../../../src-shared/contract/ipc'
import { hardenApp, isTrustedSender, secureWebPreferences, setExternalOpener } from './security'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { SafeStorageTokenStore } from './safe-token-store'
import { attachPresenterWindows } from './presenter-windows'

const distDir = join(__dirname, '..')
let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data-dir')
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : app.getPath('userData')
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'ClassDeck 教学助手',
    backgroundColor: '#f4f6f8',
    webPreferences: secureWebPreferences(join(distDir, 'preload/index.cjs'))
  })
  // The classroom display (board window) and the overlay are opened from this window only.
  attachPresenterWindows(win.webContents, { preload: join(distDir, 'preload/index.cjs') })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  hardenApp()

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.whenReady().then(() => {
    try {
      const dataDir = dataDirFromArgs()
      core = createAppCore({
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        classroomPagesDir: join(distDir, 'renderer'),
        tokenStore: new SafeStorageTokenStore(
          join(dataDir, 'platform-tokens.enc'),
          join(dataDir, 'platform-tokens.json')
        )
      })
    } catch (err) {
      // A refused database (newer version, corrupt) is shown, not crashed on.
      const e = AppError.from(err)
      dialog.showErrorBox('ClassDeck 无法启动 / cannot start', `${e.message}\n\n${e.messageEn}`)
      app.exit(1)
      return
    }
    const table = core.table
    serveAppProtocol(join(distDir, 'renderer'), core.services.info.dataDir)

    ipcMain.handle(IPC_CALL, (event, channel: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: new AppError('FORBIDDEN', '拒绝来自未知页面的调用', 'Call refused: unknown sender').toData()
        }
      }
      return dispatch(table, channel, input, { host: 'electron', senderId: String(event.sender.id) })
    })
    core.hub.subscribe((channel, payload) => {
      for (const w of BrowserWindow.getAllWindows()) {
        if (w.webContents.getURL().startsWith(`${APP_ORIGIN}/`)) w.webContents.send(IPC_EVENT, channel, payload)
      }
    })

    // The platform's sign-in page opens in the teacher's own browser (RFC 8252), and only that
    // origin: the renderer cannot make ClassDeck open arbitrary addresses.
    const c = core
    setExternalOpener((url) => {
      try {
        const platform = new URL(c.services.settings.get().platformUrl).origin
        if (new URL(url).origin === platform) void shell.openExternal(url)
      } catch {
        // not a URL: ignore
      }
    })
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = null))
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    void core?.dispose()
  })
}
