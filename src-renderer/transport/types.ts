import type { CallChannel, CallInput, CallOutput, EventChannel, EventPayload } from '../../src-shared/contract'

export type ConnectionState = 'connecting' | 'open' | 'closed'

/**
 * How the renderer reaches the services. Two implementations: Electron IPC through the
 * preload (electron.ts) and the browser host's WebSocket (http-ws.ts). Stores use this
 * interface only; components never touch window.* or sockets.
 */
export interface Transport {
  invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void
  onConnectionChange(listener: (state: ConnectionState) => void): () => void
  readonly state: ConnectionState
}

/** What the preload exposes as `window.classdeck` (see src-preload/index.ts). */
export interface PreloadApi {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(channel: string, listener: (payload: unknown) => void): () => void
}
