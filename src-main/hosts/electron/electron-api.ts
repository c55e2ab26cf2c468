/**
 * The part of Electron's API the shell uses, as types taken from Electron's own declarations.
 * The shell's logic takes this as a parameter, so its tests drive it with a typed fake
 * (electron-fake.ts) where the binary cannot run; main.ts passes the real module, which only
 * compiles while the real Electron still has every member named here with these shapes.
 *
 * Plain members are `Pick<>`s of Electron's interfaces. Events are declared one overload per
 * event with the listener arguments the shell reads; Electron's own `on()` (one overload per
 * event, returning `this`) is assignable to them, and a fake need not implement 60 overloads.
 */
import type * as E from 'electron'

/** A frame that sent an IPC call: Electron's WebFrameMain, by the members the check reads. */
export interface SenderFrame {
  readonly url: string
  readonly parent: SenderFrame | null
}

/** What an event listener may do with Electron's event object. */
export type PreventableEvent = Pick<E.Event, 'preventDefault'>

/** Every WebContents: navigation, redirects, webviews and window.open are guarded on it. */
export interface GuardedContents extends Pick<E.WebContents, 'getURL' | 'setWindowOpenHandler'> {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
}

/** A window the main window opened (the board or the overlay). */
export interface ChildWindow extends Pick<
  E.BrowserWindow,
  'isDestroyed' | 'getBounds' | 'setBounds' | 'setFullScreen' | 'setAlwaysOnTop' | 'setVisibleOnAllWorkspaces' | 'focus'
> {
  once(event: 'closed', listener: () => void): unknown
}

/** The main window's contents: guarded, sent events, and allowed to open the teaching windows. */
export interface MainContents extends GuardedContents, Pick<E.WebContents, 'send'> {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  on(
    event: 'did-create-window',
    listener: (window: ChildWindow, details: Pick<E.DidCreateWindowDetails, 'frameName'>) => void
  ): unknown
}

export interface ShellWindow extends Pick<E.BrowserWindow, 'show' | 'loadURL' | 'isMinimized' | 'restore' | 'focus'> {
  readonly webContents: MainContents
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'closed', listener: () => void): unknown
}

export interface ShellWindowClass {
  new (options: E.BrowserWindowConstructorOptions): ShellWindow
  getAllWindows(): ShellWindow[]
}

export interface ShellApp extends Pick<
  E.App,
  'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'getPath' | 'getVersion' | 'enableSandbox'
> {
  on(
    event: 'second-instance',
    listener: (event: PreventableEvent, argv: string[], workingDirectory: string) => void
  ): unknown
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown
  on(event: 'activate', listener: () => void): unknown
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'will-quit', listener: () => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown
}

/** Who asks for a permission: only its address matters. */
export type PermissionAsker = Pick<E.WebContents, 'getURL'>

export interface ShellSession {
  setPermissionRequestHandler(
    handler: (contents: PermissionAsker, permission: string, callback: (granted: boolean) => void) => void
  ): void
  setPermissionCheckHandler(
    handler: (contents: PermissionAsker | null, permission: string, requestingOrigin: string) => boolean
  ): void
}

export interface ShellScreen extends Pick<
  E.Screen,
  'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'
> {
  on(event: 'display-removed', listener: () => void): unknown
  off(event: 'display-removed', listener: () => void): unknown
}

/** What an IPC call carries besides its arguments. */
export interface IpcCallEvent {
  readonly senderFrame: SenderFrame | null
  readonly sender: { readonly id: number }
}

export interface ShellIpcMain {
  handle(channel: string, listener: (event: IpcCallEvent, ...args: unknown[]) => unknown): void
}

/** The Electron API the shell takes: main.ts passes the real module's members. */
export interface ShellElectron {
  readonly app: ShellApp
  readonly BrowserWindow: ShellWindowClass
  readonly dialog: Pick<E.Dialog, 'showErrorBox'>
  readonly ipcMain: ShellIpcMain
  readonly net: Pick<E.Net, 'fetch'>
  readonly protocol: Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  readonly safeStorage: Pick<E.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  readonly screen: ShellScreen
  readonly session: { readonly defaultSession: ShellSession }
  readonly shell: Pick<E.Shell, 'openExternal'>
}
