/**
 * A typed fake of the Electron API the shell uses (electron-api.ts), for tests on machines where
 * the Electron binary cannot run. Each part `implements` its port, so a fake whose shape drifts
 * from Electron's declarations fails to compile; it behaves as Electron does where the shell
 * depends on it (web-contents-created fires for every new window, window.open goes through the
 * handler, file:// fetches read the disk with the content type Chromium gives by extension,
 * displays are full Display objects in device-independent pixels). Test support only.
 */
import type * as E from 'electron'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  ChildWindow,
  GuardedContents,
  IpcCallEvent,
  MainContents,
  PermissionAsker,
  PreventableEvent,
  SenderFrame,
  ShellApp,
  ShellElectron,
  ShellIpcMain,
  ShellScreen,
  ShellSession,
  ShellWindow
} from './electron-api'

type Listener = (...args: never[]) => unknown

class Listeners {
  readonly #map = new Map<string, Listener[]>()
  add(event: string, l: Listener): void {
    this.#map.set(event, [...(this.#map.get(event) ?? []), l])
  }
  remove(event: string, l: Listener): void {
    this.#map.set(
      event,
      (this.#map.get(event) ?? []).filter((x) => x !== l)
    )
  }
  count(event: string): number {
    return this.#map.get(event)?.length ?? 0
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.#map.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args)
  }
}

/** An Electron event whose preventDefault() is observed. */
export class FakeEvent implements PreventableEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

/** A frame of a page, as ipcMain sees it (`event.senderFrame`). */
export function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent }
}

/** The details Electron gives a window-open handler for `window.open(url, frameName)`. */
export function windowOpen(url: string, frameName = '', from = 'app://classdeck/index.html#/teach'): E.HandlerDetails {
  return {
    url,
    frameName,
    features: '',
    disposition: frameName ? 'new-window' : 'foreground-tab',
    referrer: { url: from, policy: 'strict-origin-when-cross-origin' }
  }
}

export class FakeWebContents implements MainContents {
  readonly listeners = new Listeners()
  url = ''
  readonly sent: { channel: string; args: unknown[] }[] = []
  openHandler: ((details: E.HandlerDetails) => E.WindowOpenHandlerResponse) | null = null

  getURL(): string {
    return this.url
  }
  setWindowOpenHandler(handler: (details: E.HandlerDetails) => E.WindowOpenHandlerResponse): void {
    this.openHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this
  on(
    event: 'did-create-window',
    listener: (window: ChildWindow, details: Pick<E.DidCreateWindowDetails, 'frameName'>) => void
  ): this
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener)
    return this
  }

  /** The page tries to navigate (a link, location.href): true when the shell let it. */
  navigate(url: string): boolean {
    const e = new FakeEvent()
    this.listeners.emit('will-navigate', e, url)
    if (!e.defaultPrevented) this.url = url
    return !e.defaultPrevented
  }
  /** A server redirect during a navigation: true when the shell let it. */
  redirect(url: string): boolean {
    const e = new FakeEvent()
    this.listeners.emit('will-redirect', e, url)
    return !e.defaultPrevented
  }
  /** A <webview> in the page: true when it was allowed to attach. */
  attachWebview(): boolean {
    const e = new FakeEvent()
    this.listeners.emit('will-attach-webview', e, {}, {})
    return !e.defaultPrevented
  }
}

export interface FakeElectron extends ShellElectron {
  readonly app: FakeApp
  readonly BrowserWindow: ReturnType<typeof windowClass>
  readonly dialog: { showErrorBox(title: string, content: string): void; readonly shown: string[][] }
  readonly ipcMain: FakeIpcMain
  readonly net: { fetch(input: string | Request): Promise<Response>; readonly fetched: string[] }
  readonly protocol: FakeProtocol
  readonly screen: FakeScreen
  readonly session: { readonly defaultSession: FakeSession }
  readonly shell: { openExternal(url: string): Promise<void>; readonly opened: string[] }
}

export class FakeApp implements ShellApp {
  readonly listeners = new Listeners()
  sandboxed = false
  hasLock = true
  quitCalls = 0
  exitCode: number | null = null
  readonly userData: string
  #ready!: () => void
  readonly #whenReady = new Promise<void>((r) => (this.#ready = r))

  constructor(userData: string) {
    this.userData = userData
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock
  }
  quit(): void {
    this.quitCalls++
  }
  exit(code?: number): void {
    this.exitCode = code ?? 0
  }
  whenReady(): Promise<void> {
    return this.#whenReady
  }
  getPath(name: Parameters<E.App['getPath']>[0]): string {
    if (name === 'userData') return this.userData
    throw new Error(`fake app has no path ${name}`)
  }
  getVersion(): string {
    return '0.0.0-test'
  }
  enableSandbox(): void {
    this.sandboxed = true
  }
  on(
    event: 'second-instance',
    listener: (event: PreventableEvent, argv: string[], workingDirectory: string) => void
  ): this
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): this
  on(event: 'activate', listener: () => void): this
  on(event: 'window-all-closed', listener: () => void): this
  on(event: 'will-quit', listener: () => void): this
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): this
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener)
    return this
  }
  /** macOS: the teacher double-clicked a file in Finder; true when the shell took it. */
  openFile(path: string): boolean {
    const e = new FakeEvent()
    this.listeners.emit('open-file', e, path)
    return e.defaultPrevented
  }
  /** A second ClassDeck was started (e.g. a double-clicked file on Windows) and handed us its argv. */
  secondInstance(argv: string[], workingDirectory: string): void {
    this.listeners.emit('second-instance', new FakeEvent(), argv, workingDirectory, null)
  }
  /** Electron finished starting: whenReady() resolves. */
  becomeReady(): void {
    this.#ready()
  }
}

export class FakeSession implements ShellSession {
  request: ((contents: PermissionAsker, permission: string, callback: (granted: boolean) => void) => void) | null = null
  check: ((contents: PermissionAsker | null, permission: string, origin: string) => boolean) | null = null
  setPermissionRequestHandler(
    handler: (contents: PermissionAsker, permission: string, callback: (granted: boolean) => void) => void
  ): void {
    this.request = handler
  }
  setPermissionCheckHandler(
    handler: (contents: PermissionAsker | null, permission: string, requestingOrigin: string) => boolean
  ): void {
    this.check = handler
  }
  /** A page at `url` asks for `permission`: what the handler answered. */
  ask(url: string, permission: string): boolean {
    let granted: boolean | null = null
    if (!this.request) throw new Error('no permission request handler')
    this.request({ getURL: () => url }, permission, (g) => (granted = g))
    if (granted === null) throw new Error('the handler never answered')
    return granted
  }
}

export class FakeProtocol implements Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: E.CustomScheme[] = []
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  registerSchemesAsPrivileged(customSchemes: E.CustomScheme[]): void {
    this.privileged.push(...customSchemes)
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler)
  }
  /** A request the page makes to `url` (app://classdeck/…). */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const h = this.handlers.get(scheme)
    if (!h) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${scheme}`)
    return h(new Request(url, init))
  }
}

export class FakeIpcMain implements ShellIpcMain {
  readonly handlers = new Map<string, (event: IpcCallEvent, ...args: unknown[]) => unknown>()
  handle(channel: string, listener: (event: IpcCallEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `senderFrame` resolves to. */
  async invoke(channel: string, senderFrame: SenderFrame | null, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel)
    if (!h) throw new Error(`No handler registered for '${channel}'`)
    return h({ senderFrame, sender: { id: 1 } }, ...args)
  }
}

/** Content types Chromium's file loader gives by extension (the ones the renderer build has). */
const FILE_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
}

/** net.fetch of file:// as Electron does it: the bytes, a type by extension, a rejection when missing. */
async function fetchFile(input: string | Request, fetched: string[]): Promise<Response> {
  const url = typeof input === 'string' ? input : input.url
  fetched.push(url)
  if (!url.startsWith('file://')) throw new Error(`fake net.fetch reads file:// only, not ${url}`)
  const path = fileURLToPath(url)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    throw new TypeError('net::ERR_FILE_NOT_FOUND')
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { 'content-type': FILE_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' }
  })
}

/** A full Electron Display from what distinguishes one: bounds in DIP, scale, internal, touch. */
export function display(
  id: number,
  opts: { bounds: E.Rectangle; scaleFactor?: number; internal?: boolean; touch?: boolean; label?: string }
): E.Display {
  const { bounds } = opts
  const taskbar = opts.internal ? 48 : 0
  return {
    id,
    label: opts.label ?? `Display ${id}`,
    bounds,
    workArea: { ...bounds, height: bounds.height - taskbar },
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: bounds.width, height: bounds.height - taskbar },
    scaleFactor: opts.scaleFactor ?? 1,
    nativeOrigin: { x: bounds.x, y: bounds.y },
    internal: opts.internal ?? false,
    touchSupport: opts.touch ? 'available' : 'unavailable',
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: '{primaries:BT709, transfer:SRGB, matrix:RGB, range:FULL}',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    rotation: 0
  }
}

export class FakeScreen implements ShellScreen {
  readonly listeners = new Listeners()
  displays: E.Display[]
  primaryId: number
  cursor: E.Point = { x: 100, y: 100 }
  constructor(displays: E.Display[], primaryId = displays[0]?.id ?? 1) {
    this.displays = displays
    this.primaryId = primaryId
  }
  getAllDisplays(): E.Display[] {
    return [...this.displays]
  }
  getPrimaryDisplay(): E.Display {
    return this.displays.find((d) => d.id === this.primaryId) ?? this.displays[0]!
  }
  getCursorScreenPoint(): E.Point {
    return this.cursor
  }
  getDisplayNearestPoint(p: E.Point): E.Display {
    const dist = (d: E.Display) => {
      const dx = Math.max(d.bounds.x - p.x, 0, p.x - (d.bounds.x + d.bounds.width - 1))
      const dy = Math.max(d.bounds.y - p.y, 0, p.y - (d.bounds.y + d.bounds.height - 1))
      return dx * dx + dy * dy
    }
    return [...this.displays].sort((a, b) => dist(a) - dist(b))[0]!
  }
  on(event: 'display-removed', listener: () => void): this {
    this.listeners.add(event, listener)
    return this
  }
  off(event: 'display-removed', listener: () => void): this {
    this.listeners.remove(event, listener)
    return this
  }
  /** Unplug a display: Electron emits display-removed after getAllDisplays() no longer has it. */
  unplug(id: number): void {
    const gone = this.displays.find((d) => d.id === id)
    this.displays = this.displays.filter((d) => d.id !== id)
    if (this.primaryId === id) this.primaryId = this.displays[0]?.id ?? 0
    this.listeners.emit('display-removed', {}, gone)
  }
}

/** The BrowserWindow class, bound to the fake app so each new window fires web-contents-created. */
function windowClass(app: FakeApp) {
  const all: FakeBrowserWindow[] = []
  class FakeBrowserWindow implements ShellWindow, ChildWindow {
    static readonly created = all
    readonly listeners = new Listeners()
    readonly webContents = new FakeWebContents()
    readonly options: E.BrowserWindowConstructorOptions
    shown = false
    destroyed = false
    fullScreen = false
    alwaysOnTop: { flag: boolean; level?: string } = { flag: false }
    allWorkspaces = false
    bounds: E.Rectangle
    minimized = false
    focused = 0

    constructor(options: E.BrowserWindowConstructorOptions = {}) {
      this.options = options
      this.bounds = {
        x: options.x ?? 0,
        y: options.y ?? 0,
        width: options.width ?? 800,
        height: options.height ?? 600
      }
      this.fullScreen = options.fullscreen ?? false
      all.push(this)
      app.listeners.emit('web-contents-created', new FakeEvent(), this.webContents)
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return all.filter((w) => !w.destroyed)
    }
    show(): void {
      this.shown = true
    }
    async loadURL(url: string): Promise<void> {
      this.webContents.url = url
      this.listeners.emit('ready-to-show')
    }
    isMinimized(): boolean {
      return this.minimized
    }
    restore(): void {
      this.minimized = false
    }
    focus(): void {
      this.focused++
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    getBounds(): E.Rectangle {
      return { ...this.bounds }
    }
    setBounds(bounds: Partial<E.Rectangle>): void {
      this.bounds = { ...this.bounds, ...bounds }
    }
    setFullScreen(flag: boolean): void {
      this.fullScreen = flag
    }
    setAlwaysOnTop(flag: boolean, level?: Parameters<E.BrowserWindow['setAlwaysOnTop']>[1]): void {
      this.alwaysOnTop = { flag, ...(level ? { level } : {}) }
    }
    setVisibleOnAllWorkspaces(visible: boolean): void {
      this.allWorkspaces = visible
    }
    once(event: 'ready-to-show' | 'closed', listener: () => void): this {
      const once = () => {
        this.listeners.remove(event, once)
        listener()
      }
      this.listeners.add(event, once)
      return this
    }
    on(event: 'closed', listener: () => void): this {
      this.listeners.add(event, listener)
      return this
    }
    close(): void {
      this.destroyed = true
      this.listeners.emit('closed')
    }
  }
  return FakeBrowserWindow
}

export type FakeBrowserWindow = InstanceType<ReturnType<typeof windowClass>>

/**
 * window.open(url, frameName) from `opener`: the opener's handler decides, and an allowed window
 * is created with its options and announced with did-create-window, as Electron does.
 */
export function openFrom(
  electron: FakeElectron,
  opener: FakeWebContents,
  details: E.HandlerDetails
): FakeBrowserWindow | null {
  if (!opener.openHandler) throw new Error('no window-open handler')
  const answer = opener.openHandler(details)
  if (answer.action === 'deny') return null
  const win = new electron.BrowserWindow(answer.overrideBrowserWindowOptions ?? {})
  void win.loadURL(details.url)
  opener.listeners.emit('did-create-window', win, { frameName: details.frameName })
  return win
}

/** Reversible and recognisable, so a test can tell an encrypted token file from a plain one. */
const safeStorage: Pick<E.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.concat([Buffer.from('FAKE-OS-KEY:'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]),
  decryptString: (buf) => {
    if (!buf.subarray(0, 12).equals(Buffer.from('FAKE-OS-KEY:')))
      throw new Error('Error while decrypting the ciphertext')
    return Buffer.from(buf.subarray(12).map((b) => b ^ 0x5a)).toString('utf8')
  }
}

export function createFakeElectron(opts: {
  userData: string
  displays?: E.Display[]
  primaryId?: number
}): FakeElectron {
  const app = new FakeApp(opts.userData)
  const fetched: string[] = []
  const shown: string[][] = []
  const opened: string[] = []
  return {
    app,
    BrowserWindow: windowClass(app),
    dialog: { showErrorBox: (title, content) => void shown.push([title, content]), shown },
    ipcMain: new FakeIpcMain(),
    net: { fetch: (input) => fetchFile(input, fetched), fetched },
    protocol: new FakeProtocol(),
    safeStorage,
    screen: new FakeScreen(
      opts.displays ?? [display(1, { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true })],
      opts.primaryId
    ),
    session: { defaultSession: new FakeSession() },
    shell: {
      openExternal: async (url) => void opened.push(url),
      opened
    }
  }
}
