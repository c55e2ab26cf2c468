/**
 * Picks the transport at run time: inside Electron the preload has put `window.classdeck`
 * there; anywhere else we are a page served by the browser host. One renderer build
 * serves both hosts.
 */
import { ElectronTransport } from './electron'
import { HttpWsTransport } from './http-ws'
import type { PreloadApi, Transport } from './types'

declare global {
  interface Window {
    classdeck?: PreloadApi
  }
}

let current: Transport | null = null

export function useTransport(): Transport {
  if (!current) {
    current = window.classdeck
      ? new ElectronTransport(window.classdeck)
      : new HttpWsTransport({ origin: window.location.origin })
  }
  return current
}

/** For tests: put a fake or in-memory transport in place. */
export function setTransport(t: Transport | null): void {
  current = t
}

export type { Transport, ConnectionState } from './types'
