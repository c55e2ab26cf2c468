import { describe, expect, it } from 'vitest'
import { ChunkUploader, toBase64 } from './chunk-uploader'
import { MAX_RECORDING_CHUNK } from '../../../src-shared/contract/recordings'

/** A box header of `type` followed by `size - 8` bytes. */
function box(type: string, size: number): Uint8Array {
  const b = new Uint8Array(size)
  new DataView(b.buffer).setUint32(0, size)
  for (let i = 0; i < 4; i++) b[4 + i] = type.charCodeAt(i)
  return b
}

async function feed(writes: Uint8Array[], append = async (_: unknown) => undefined) {
  const calls: { offset: number; bytes: number; fragmentEnd: boolean }[] = []
  const up = new ChunkUploader(async (input) => {
    calls.push({
      offset: input.offset,
      bytes: atob(input.data).length,
      fragmentEnd: input.fragmentEnd
    })
    await append(input)
  })
  const writer = up.writable().getWriter()
  let position = 0
  for (const data of writes) {
    await writer.write({ type: 'write', data: data as Uint8Array<ArrayBuffer>, position })
    position += data.length
  }
  return { up, calls, writer }
}

describe('ChunkUploader', () => {
  it('sends the header, then each fragment whole, each marked as a fragment end', async () => {
    const { up, calls } = await feed([
      box('ftyp', 32),
      box('moov', 700),
      box('moof', 300),
      box('mdat', 5000),
      box('moof', 200),
      box('mdat', 4000),
      box('mfra', 60)
    ])
    await up.close()
    expect(calls).toEqual([
      { offset: 0, bytes: 732, fragmentEnd: true },
      { offset: 732, bytes: 5300, fragmentEnd: true },
      { offset: 6032, bytes: 4260, fragmentEnd: true }
    ])
    expect(up.written).toBe(10292)
  })

  it('splits a fragment larger than a call may carry, in order and without gaps', async () => {
    const big = MAX_RECORDING_CHUNK + 1000
    const { up, calls } = await feed([box('ftyp', 32), box('moov', 500), box('moof', 100), box('mdat', big)])
    await up.close()
    expect(calls.every((c) => c.bytes <= MAX_RECORDING_CHUNK)).toBe(true)
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.offset).toBe(calls[i - 1]!.offset + calls[i - 1]!.bytes)
    expect(calls.reduce((n, c) => n + c.bytes, 0)).toBe(632 + big)
    expect(calls.at(-1)!.fragmentEnd).toBe(true)
  })

  it('stops at the first refused call, says why once, and refuses the muxer further writes', async () => {
    const errors: unknown[] = []
    const refusal = Object.assign(new Error('磁盘已满'), { code: 'UNAVAILABLE' })
    let n = 0
    const { up, writer } = await feed(
      [box('ftyp', 32), box('moov', 500), box('moof', 100), box('mdat', 300)],
      async () => {
        if (++n === 2) throw refusal
      }
    )
    up.onError = (e) => errors.push(e)
    await expect(up.close()).rejects.toBe(refusal)
    await expect(
      writer.write({ type: 'write', data: box('moof', 64) as Uint8Array<ArrayBuffer>, position: 932 })
    ).rejects.toBe(refusal)
    expect(up.written).toBe(532)
    expect(errors).toEqual([refusal])
  })

  it('refuses a write out of order (the muxer is expected to write monotonically)', async () => {
    const up = new ChunkUploader(async () => undefined)
    const writer = up.writable().getWriter()
    await writer.write({ type: 'write', data: box('ftyp', 32) as Uint8Array<ArrayBuffer>, position: 0 })
    await expect(
      writer.write({ type: 'write', data: box('moov', 32) as Uint8Array<ArrayBuffer>, position: 10 })
    ).rejects.toThrow(/out of order/)
  })

  it('encodes base64 that decodes to the same bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    expect(atob(toBase64(bytes))).toBe(String.fromCharCode(...bytes))
  })
})
