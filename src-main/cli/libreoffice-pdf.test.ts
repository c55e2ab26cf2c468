/**
 * The edux → PDF branch of `classdeck convert` when LibreOffice is missing or misbehaves.
 * (That it really converts is courseware-commands.interop.test.ts, run where soffice exists.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createManifest } from '../../src-shared/courseware'
import { encodeEdux } from '../services/courseware/edux-file'
import { sampleDeck } from '../services/exporters/sample-deck'
import { tempDir } from '../test-utils/temp-dir'
import { convertCommand, type CliIo } from './courseware-commands'
import { findSoffice, pptxToPdfWithLibreOffice } from './libreoffice-pdf'

function capture(): CliIo & { outs: string[]; errs: string[] } {
  const outs: string[] = []
  const errs: string[] = []
  return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l) }
}

function writeSampleEdux(dir: string): string {
  const { deck, media } = sampleDeck()
  const file = join(dir, 'lesson.edux')
  writeFileSync(file, encodeEdux({ manifest: createManifest(deck, new Date(), 'test'), deck, media }))
  return file
}

/** A stand-in `soffice` that exits 0 without writing anything, as the real one does with a file it cannot load. */
function silentSoffice(dir: string): string {
  const bin = join(dir, 'bin')
  mkdirSync(bin, { recursive: true })
  const file = join(bin, 'soffice')
  writeFileSync(file, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 0\n')
  chmodSync(file, 0o755)
  return file
}

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  vi.unstubAllEnvs()
})

describe('finding LibreOffice', () => {
  it('finds soffice on PATH, honours CLASSDECK_SOFFICE, and says null when there is none', () => {
    const t = tempDir()
    cleanup = t.cleanup
    const fake = silentSoffice(t.dir)
    expect(findSoffice({ PATH: join(t.dir, 'bin') })).toBe(fake)
    expect(findSoffice({ PATH: join(t.dir, 'nothing-here') })).toBe(
      process.platform === 'linux' ? null : findSoffice({ PATH: '' })
    )
    expect(findSoffice({ PATH: '', CLASSDECK_SOFFICE: fake })).toBe(fake)
    expect(findSoffice({ PATH: join(t.dir, 'bin'), CLASSDECK_SOFFICE: join(t.dir, 'missing') })).toBeNull()
  })
})

describe.runIf(process.platform === 'linux')('classdeck convert x.edux x.pdf without a working LibreOffice', () => {
  it('exits 1 with a one-line reason naming LibreOffice and writes nothing', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const edux = writeSampleEdux(t.dir)
    vi.stubEnv('PATH', join(t.dir, 'empty'))
    vi.stubEnv('CLASSDECK_SOFFICE', '')
    const io = capture()
    expect(await convertCommand([edux, join(t.dir, 'lesson.pdf')], io)).toBe(1)
    expect(io.errs).toHaveLength(1)
    expect(io.errs[0]!.split('\n')).toHaveLength(1)
    expect(io.errs[0]).toContain('LibreOffice')
    expect(io.errs[0]).toContain('soffice')
    expect(existsSync(join(t.dir, 'lesson.pdf'))).toBe(false)
  })

  it('treats an soffice that exits 0 without a PDF as a failure, with its first error line', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const fake = silentSoffice(t.dir)
    await expect(pptxToPdfWithLibreOffice(new Uint8Array([1, 2, 3]), fake)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      messageEn: expect.stringContaining('source file could not be loaded')
    })
    const edux = writeSampleEdux(t.dir)
    vi.stubEnv('CLASSDECK_SOFFICE', fake)
    const io = capture()
    expect(await convertCommand([edux, join(t.dir, 'lesson.pdf')], io)).toBe(1)
    expect(io.errs[0]).toContain('did not produce a PDF')
    expect(existsSync(join(t.dir, 'lesson.pdf'))).toBe(false)
  })
})
