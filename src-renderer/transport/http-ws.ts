/**
 * The browser host's transport: one WebSocket to /rpc, calls matched to answers by id,
 * reconnect with capped backoff. Calls made while disconnected wait for the socket
 * (up to their timeout) instead of failing at once, so a host restart is invisible
 * to a teacher who is not in the middle of something.
 */
import { MAX_FRAME_BYTES, ServerFrame, RPC_PATH } from '../../src-shared/contract/wire'
import { AppError } from '../../src-shared/errors'
import type { CallChannel, CallInput, CallOutput, EventChannel, EventPayload } from '../../src-shared/contract'
import type { ConnectionState, Transport } from './types'
import { ListenerMap } from './listeners'

interface Pending {
  resolve: (value: unknown) => void
  reject: (err: AppError) => void
  timer: ReturnType<typeof setTimeout>
  /** Written to a socket (as opposed to waiting in the queue for one). */
  sent: boolean
}

export interface HttpWsOptions {
  readonly origin: string
  readonly WebSocketCtor?: typeof WebSocket
  readonly callTimeoutMs?: number
}

export class HttpWsTransport implements Transport {
  readonly #url: string
  readonly #WS: typeof WebSocket
  readonly #timeout: number
  readonly #pending = new Map<number, Pending>()
  readonly #queue: { id: number; frame: string }[] = []
  readonly #events = new ListenerMap()
  readonly #conn = new Set<(s: ConnectionState) => void>()
  #ws: WebSocket | null = null
  #nextId = 1
  #retry = 0
  #state: ConnectionState = 'connecting'

  constructor(opts: HttpWsOptions) {
    this.#url = opts.origin.replace(/^http/, 'ws') + RPC_PATH
    this.#WS = opts.WebSocketCtor ?? WebSocket
    this.#timeout = opts.callTimeoutMs ?? 30_000
    this.#connect()
  }

  get state(): ConnectionState {
    return this.#state
  }

  invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const id = this.#nextId++
    const frame = JSON.stringify({ t: 'call', id, channel, input })
    // The host would drop the whole socket for an oversized frame; refuse this one call instead.
    if (frame.length * 3 > MAX_FRAME_BYTES && new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) {
      return Promise.reject(
        new AppError(
          'LIMIT',
          '内容太大，无法一次发送（上限 8 MB）；文件请用上传',
          'Too large to send in one call (8 MB limit); upload files instead'
        )
      )
    }
    return new Promise<CallOutput<C>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new AppError('UNAVAILABLE', '服务无响应，请稍后重试', 'The service did not answer; please try again'))
      }, this.#timeout)
      const open = this.#ws?.readyState === this.#WS.OPEN
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, sent: open })
      if (open) this.#ws!.send(frame)
      else this.#queue.push({ id, frame })
    })
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#events.add(channel, listener as (p: unknown) => void)
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.#conn.add(listener)
    return () => this.#conn.delete(listener)
  }

  #setState(s: ConnectionState): void {
    this.#state = s
    for (const l of this.#conn) l(s)
  }

  #connect(): void {
    const ws = new this.#WS(this.#url)
    this.#ws = ws
    ws.onopen = () => {
      this.#retry = 0
      this.#setState('open')
      for (const { id, frame } of this.#queue.splice(0)) {
        const p = this.#pending.get(id)
        if (!p) continue // timed out while waiting
        p.sent = true
        ws.send(frame)
      }
    }
    ws.onmessage = (ev) => this.#receive(String(ev.data))
    ws.onclose = () => {
      this.#ws = null
      // Calls sent on a socket that died may never be answered; fail them so the UI can retry.
      for (const [id, p] of this.#pending) {
        if (!p.sent) continue
        clearTimeout(p.timer)
        p.reject(
          new AppError(
            'UNAVAILABLE',
            '与服务的连接已断开，请重试',
            'The connection to the service was lost; please retry'
          )
        )
        this.#pending.delete(id)
      }
      this.#setState('closed')
      const delay = Math.min(5000, 200 * 2 ** this.#retry++)
      setTimeout(() => this.#connect(), delay)
    }
  }

  #receive(text: string): void {
    let frame: ServerFrame
    try {
      frame = ServerFrame.parse(JSON.parse(text))
    } catch (err) {
      // A frame we cannot read is a host/renderer version mismatch: say so loudly.
      console.error('ClassDeck: unreadable frame from the host', err)
      return
    }
    if (frame.t === 'event') {
      this.#events.emit(frame.channel, frame.payload)
      return
    }
    const p = this.#pending.get(frame.id)
    if (!p) return
    this.#pending.delete(frame.id)
    clearTimeout(p.timer)
    if (frame.ok) p.resolve(frame.result)
    else p.reject(AppError.fromData(frame.error))
  }
}
