/**
 * The whole preload: exposes `window.classdeck.invoke(channel, input)` and
 * `window.classdeck.on(channel, listener) → unsubscribe` for the channels the contract
 * declares, and nothing else. The allow-lists are inlined at build time from src-shared.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CALL, IPC_EVENT } from '../src-shared/contract/ipc'

declare const __CALL_CHANNELS__: readonly string[]
declare const __EVENT_CHANNELS__: readonly string[]

const callChannels = new Set(__CALL_CHANNELS__)
const eventChannels = new Set(__EVENT_CHANNELS__)

contextBridge.exposeInMainWorld('classdeck', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!callChannels.has(channel)) return Promise.reject(new Error(`Blocked undeclared call: ${String(channel)}`))
    return ipcRenderer.invoke(IPC_CALL, channel, input)
  },
  on(channel: string, listener: (payload: unknown) => void): () => void {
    if (!eventChannels.has(channel)) throw new Error(`Blocked undeclared event: ${String(channel)}`)
    const handler = (_e: IpcRendererEvent, ch: string, payload: unknown): void => {
      if (ch === channel) listener(payload)
    }
    ipcRenderer.on(IPC_EVENT, handler)
    return () => ipcRenderer.removeListener(IPC_EVENT, handler)
  }
})
