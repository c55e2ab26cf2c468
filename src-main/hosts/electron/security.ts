/**
 * Electron's security checklist in one place: every window sandboxed and isolated, no
 * navigation away from the app, no new windows, no webviews, permissions denied by
 * default, and IPC answered only for the main frame of a ClassDeck page.
 */
import type { WebPreferences } from 'electron'
import { APP_ORIGIN } from '../../../src-shared/contract/ipc'
import type { GuardedContents, PermissionAsker, SenderFrame, ShellApp, ShellSession } from './electron-api'

const APP = new URL(APP_ORIGIN)

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

/**
 * True for an address of our own app (app://classdeck/…). Compared by protocol and host: for a
 * scheme the URL standard does not know, `new URL(u).origin` is the string "null", so an origin
 * comparison would refuse our own window (and accept nothing else either).
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === APP.protocol && u.host === APP.host && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

/** IPC is answered only for the main frame of a ClassDeck page (never a subframe, never another page). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url)
}

let openExternal: ((url: string) => void) | null = null
/** Who may open a link outside the app (main.ts allows the platform's sign-in page only). */
export function setExternalOpener(fn: ((url: string) => void) | null): void {
  openExternal = fn
}

/** A link the page wanted to open in a new window: to the system browser if main.ts allows it. */
export function openAllowedExternal(url: string): void {
  if (/^https?:\/\//.test(url)) openExternal?.(url)
}

/** Permissions a ClassDeck page may get: full screen for teaching; everything else is refused. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen'])

export function permissionRequest(
  contents: PermissionAsker,
  permission: string,
  callback: (granted: boolean) => void
): void {
  callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents.getURL()))
}

export function permissionCheck(_contents: PermissionAsker | null, permission: string, origin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(origin)
}

/** Navigation, redirects, webviews and new windows of one WebContents. */
export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // No new windows, ever; an allowed link goes to the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternal(url)
    return { action: 'deny' }
  })
}

export function hardenApp(app: ShellApp, session: () => ShellSession): void {
  app.enableSandbox()
  app.on('web-contents-created', (_e, contents) => guardContents(contents))
  void app.whenReady().then(() => {
    const s = session()
    s.setPermissionRequestHandler(permissionRequest)
    s.setPermissionCheckHandler(permissionCheck)
  })
}
