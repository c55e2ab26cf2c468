/**
 * The muxer's output on its way to the main process: mediabunny writes the fragmented MP4 in
 * order; bytes are gathered and sent as one `recordings:append` per fragment (about 2 s of video,
 * under the 4 MiB a call may carry), marked `fragmentEnd` so the service makes it durable. Calls go
 * one at a time, in order; the muxer waits (backpressure) while too much is still unsent.
 */
import type { StreamTargetChunk } from 'mediabunny'
import { MAX_RECORDING_CHUNK } from '../../../src-shared/contract/recordings'

export type AppendFn = (input: { offset: number; data: string; fragmentEnd: boolean }) => Promise<unknown>

/** Unsent bytes beyond which the muxer is held back. */
const HOLD_BACK = 16 * 1024 * 1024

export class ChunkUploader {
  readonly #append: AppendFn
  #parts: Uint8Array[] = []
  #buffered = 0
  /** File offset of the first buffered byte. */
  #start = 0
  #next = 0
  #chain: Promise<unknown> = Promise.resolve()
  #unsent = 0
  #error: unknown = null
  /** Bytes the service has confirmed. */
  written = 0
  onError: ((e: unknown) => void) | null = null

  constructor(append: AppendFn) {
    this.#append = append
  }

  get failed(): unknown {
    return this.#error
  }

  writable(): WritableStream<StreamTargetChunk> {
    return new WritableStream<StreamTargetChunk>({
      write: async (chunk) => {
        if (this.#error) throw this.#error
        await this.#write(chunk.data, chunk.position)
      }
    })
  }

  async #write(data: Uint8Array, position: number): Promise<void> {
    if (position !== this.#next) throw new Error(`muxer wrote out of order (${position}, expected ${this.#next})`)
    // A new fragment begins: what is buffered is a whole fragment (or the header) and goes now.
    if (isBox(data, 'moof') && this.#buffered > 0) this.#flush(true)
    if (this.#buffered + data.length > MAX_RECORDING_CHUNK && this.#buffered > 0) this.#flush(false)
    for (let off = 0; off < data.length; off += MAX_RECORDING_CHUNK) {
      const part = data.slice(off, off + MAX_RECORDING_CHUNK)
      if (this.#buffered === 0) this.#start = position + off
      this.#parts.push(part)
      this.#buffered += part.length
      if (this.#buffered >= MAX_RECORDING_CHUNK) this.#flush(false)
    }
    this.#next = position + data.length
    if (this.#unsent > HOLD_BACK) await this.#chain
  }

  #flush(fragmentEnd: boolean): void {
    if (this.#buffered === 0) return
    const bytes = new Uint8Array(this.#buffered)
    let at = 0
    for (const p of this.#parts) {
      bytes.set(p, at)
      at += p.length
    }
    const offset = this.#start
    this.#parts = []
    this.#buffered = 0
    this.#unsent += bytes.length
    this.#chain = this.#chain.then(async () => {
      if (this.#error) return
      try {
        await this.#append({ offset, data: toBase64(bytes), fragmentEnd })
        this.written = offset + bytes.length
      } catch (e) {
        this.#error = e
        this.onError?.(e)
      } finally {
        this.#unsent -= bytes.length
      }
    })
  }

  /** Sends what is left (the last fragment and the closing index) and waits for every call. */
  async close(): Promise<void> {
    this.#flush(true)
    await this.#chain
    if (this.#error) throw this.#error
  }
}

function isBox(data: Uint8Array, type: string): boolean {
  return data.length >= 8 && String.fromCharCode(data[4]!, data[5]!, data[6]!, data[7]!) === type
}

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64
  if (typeof native === 'function') return native.call(bytes)
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
