import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeSync, openSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError } from '../../../src-shared/errors'
import { MAX_INPUT_BYTES } from './import-file'
import { runImport, runTextExtraction } from './run-import'

async function refusal(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected a refusal')
    },
    (e: unknown) => AppError.from(e)
  )
}

describe('a file too large to hold', () => {
  let t: ReturnType<typeof tempDir>
  let big: string
  beforeEach(() => {
    t = tempDir()
    // Sparse: one byte over the limit costs no disk, and reading it would cost a GiB of buffers.
    big = join(t.dir, '期末复习.pptx')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, MAX_INPUT_BYTES + 1)
    closeSync(fd)
  })
  afterEach(() => t.cleanup())

  it('is refused by import and by the library before a byte is read', async () => {
    const rss0 = process.memoryUsage.rss()
    const t0 = performance.now()
    for (const err of [
      await refusal(runImport(big, { timeoutMs: 15_000 })),
      await refusal(runTextExtraction(big, '期末复习.pptx'))
    ]) {
      expect(err.code).toBe('LIMIT')
      expect(err.message).toContain('超过 1 GB 的上限')
      expect(err.messageEn).toContain('"期末复习.pptx" is 1.0 GB, over the 1 GB limit')
    }
    expect(performance.now() - t0).toBeLessThan(3000)
    expect(process.memoryUsage.rss() - rss0).toBeLessThan(200 * 1024 * 1024)
  }, 30_000)
})
