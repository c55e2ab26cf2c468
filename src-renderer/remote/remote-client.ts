/**
 * The phone remote's side of the `/remote` namespace: pair with the one-time token from the
 * QR code (URL fragment #t=…), keep the key it gets for reconnects, send commands, upload a
 * photo for the big screen.
 */
import { reactive } from 'vue'
import { io, type Socket } from 'socket.io-client'
import { HTTP_PATHS, REMOTE_EVENTS, REMOTE_NAMESPACE, type Ack } from '../../src-shared/classroom/wire'
import type { RemoteAction, RemoteCommandResult, RemoteState } from '../../src-shared/classroom/protocol'
import type { AppErrorData } from '../../src-shared/errors'

const KEY = 'classdeck-remote-key'

export interface RemoteView {
  connected: boolean
  paired: boolean
  state: RemoteState | null
  message: string | null
  error: string | null
  busy: boolean
}

export class RemoteClient {
  readonly view: RemoteView = reactive({
    connected: false,
    paired: false,
    state: null,
    message: null,
    error: null,
    busy: false
  })
  #socket: Socket | null = null
  #key: string | null = sessionStorage.getItem(KEY)
  /** When the last pick the phone knows of was made: undefined until the first state, null for none. */
  #pickSeen: string | null | undefined = undefined

  start(): void {
    const token = new URLSearchParams(location.hash.slice(1)).get('t')
    // The token is single-use: take it out of the address bar so a reload uses the key instead.
    if (token) history.replaceState(null, '', location.pathname)
    if (!token && !this.#key) {
      this.view.error = '请在老师电脑上点击“手机遥控”，用手机扫描二维码'
      return
    }
    // Asked on every (re)connect: the pairing token once, then the key it was exchanged for.
    const s = io(REMOTE_NAMESPACE, { autoConnect: false, auth: (cb) => cb(this.#key ? { key: this.#key } : { token }) })
    this.#socket = s
    s.on('connect', () => {
      this.view.connected = true
      this.view.error = null
    })
    s.on('disconnect', () => (this.view.connected = false))
    s.on('connect_error', (err: Error & { data?: AppErrorData }) => {
      if (!err.data) return
      this.view.error = err.data.message
      sessionStorage.removeItem(KEY)
      this.#key = null
    })
    s.on(REMOTE_EVENTS.paired, (p: { key: string }) => {
      this.#key = p.key
      sessionStorage.setItem(KEY, p.key)
      this.view.paired = true
    })
    s.on(REMOTE_EVENTS.state, (st: RemoteState) => this.#showState(st))
    s.connect()
  }

  /** The class as the server says; a pick newer than the one seen at connect is shown as 点到. */
  #showState(st: RemoteState): void {
    const seen = this.#pickSeen
    this.#pickSeen = st.picked ? st.picked.at : null
    if (st.picked && seen !== undefined && st.picked.at !== seen) this.view.message = `点到：${st.picked.name}`
    this.view.state = st
  }

  async command(action: RemoteAction): Promise<void> {
    const s = this.#socket
    if (!s?.connected) return
    this.view.busy = true
    this.view.error = null
    try {
      const r = (await s.timeout(4000).emitWithAck(REMOTE_EVENTS.command, { action })) as Ack<RemoteCommandResult>
      // The board picks; its name arrives with the next state (#showState), so the phone and the
      // board always show the same student.
      if (r.ok) this.view.message = action === 'random-pick' ? '正在大屏上点名…' : null
      else this.view.error = r.error.message
    } catch {
      this.view.error = '网络不稳定，请重试'
    } finally {
      this.view.busy = false
    }
  }

  async photo(file: File): Promise<void> {
    if (!this.#key) return
    this.view.busy = true
    this.view.error = null
    try {
      const res = await fetch(HTTP_PATHS.remotePhoto, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.#key}`, 'Content-Type': file.type || 'image/jpeg' },
        body: file
      })
      const r = (await res.json()) as Ack<{ photoId: string }>
      this.view.message = r.ok ? '照片已显示在大屏上' : null
      if (!r.ok) this.view.error = r.error.message
    } catch {
      this.view.error = '照片没有发出去，请重试'
    } finally {
      this.view.busy = false
    }
  }
}
