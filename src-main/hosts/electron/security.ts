/**
 * Electron's security checklist in one place: every window sandboxed and isolated, no
 * navigation away from the app, no new windows, no webviews, permissions denied by
 * default, and IPC answered only for the main frame of a ClassDeck page.
 */
import { app, session, type WebFrameMain, type WebPreferences } from 'electron'
import { APP_ORIGIN } from '../../../src-shared/contract/ipc'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false
  }
}

export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  try {
    return new URL(frame.url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

let openExternal: ((url: string) => void) | null = null
/** Who may open a link outside the app (main.ts allows the platform's sign-in page only). */
export function setExternalOpener(fn: (url: string) => void): void {
  openExternal = fn
}

/** A link the page wanted to open in a new window: to the system browser if main.ts allows it. */
export function openAllowedExternal(url: string): void {
  if (/^https?:\/\//.test(url)) openExternal?.(url)
}

/** Permissions a ClassDeck page may get: full screen for teaching; everything else is refused. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen'])

export function hardenApp(): void {
  app.enableSandbox()
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    // No new windows, ever; an allowed link goes to the system browser instead.
    contents.setWindowOpenHandler(({ url }) => {
      openAllowedExternal(url)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(() => {
    const s = session.defaultSession
    s.setPermissionRequestHandler((wc, permission, callback) => {
      callback(ALLOWED_PERMISSIONS.has(permission) && wc.getURL().startsWith(`${APP_ORIGIN}/`))
    })
    s.setPermissionCheckHandler(
      (_wc, permission, origin) => ALLOWED_PERMISSIONS.has(permission) && origin === APP_ORIGIN
    )
  })
}
