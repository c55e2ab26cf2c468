import { describe, expect, it, afterEach } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError } from '../../../src-shared/errors'
import { runImport } from './run-import'
import { importFile } from './import-file'
import { overlappingBomb, zipSlip } from '../courseware/hostile-zips'
import { plainDeck } from '../../test-utils/fixture-decks'
import { longPlanDocx, longPlanHeading } from '../../test-utils/fixture-docx'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

/** A five-slide deck on disk, as the worker reads it. */
function sample(): string {
  const t = tempDir()
  cleanup = t.cleanup
  const file = join(t.dir, '五页.pptx')
  writeFileSync(file, plainDeck(['一', '二', '三', '四', '五']))
  return file
}

describe('import off the main thread', () => {
  it('imports in a worker with progress that ends at done = total', async () => {
    const file = sample()
    const progress: [number, number][] = []
    const r = await runImport(file, { onProgress: (d, t) => progress.push([d, t]), timeoutMs: 15_000 })
    expect(r.deck.slides).toHaveLength(5)
    expect(progress.at(-1)).toEqual([5, 5])
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b))
  })

  it('imports one after another and side by side, each whole, after the first leaves a warmed spare worker', async () => {
    const file = sample()
    const plan = join(file, '..', '长教案.docx')
    writeFileSync(plan, longPlanDocx({ paragraphs: 200, pictures: 5 }))
    const first = await runImport(plan, { splitHeadingLevel: 1, timeoutMs: 15_000 })
    // The spare takes the next job by message instead of workerData: the same deck must come back.
    const second = await runImport(plan, { splitHeadingLevel: 1, timeoutMs: 15_000 })
    expect(second.report.titles).toEqual(first.report.titles)
    expect(second.report.titles.filter((t) => !t.endsWith('（续）'))).toEqual(
      Array.from({ length: 10 }, (_, i) => longPlanHeading(i))
    )
    expect([...second.media.keys()].sort()).toEqual([...first.media.keys()].sort())
    expect(second.media.size).toBe(5)
    const [a, b, bad] = await Promise.all([
      runImport(plan, { splitHeadingLevel: 1, timeoutMs: 15_000 }),
      runImport(file, { timeoutMs: 15_000 }),
      refusal(runImport(join(file, '..', '缺失.docx'), { timeoutMs: 15_000 }))
    ])
    expect(a.deck.slides).toHaveLength(first.deck.slides.length)
    expect(b.deck.slides).toHaveLength(5)
    expect(bad.code).toBe('NOT_FOUND')
  }, 60_000)

  it('stops an import that runs past its time limit', async () => {
    const err = await refusal(runImport(sample(), { timeoutMs: 1 }))
    expect(err.code).toBe('LIMIT')
    expect(err.messageEn).toMatch(/took longer/)
  })

  it('brings a refusal back from the worker as an AppError naming the file', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const bad = join(t.dir, '坏文件.pptx')
    writeFileSync(bad, 'this is not a zip')
    const err = await refusal(runImport(bad, { timeoutMs: 15_000 }))
    expect(err.code).toBe('FILE_INVALID')
    expect(err.message).toContain('坏文件.pptx')
  })
})

describe('hostile and broken files', () => {
  it('refuses zip slip, bombs, legacy formats and non-Office zips with specific reasons', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['slip.pptx', zipSlip(), /zip slip/],
      ['bomb.pptx', overlappingBomb(), /zip bomb/],
      ['old.ppt', 'x', /legacy \.ppt/],
      ['locked.pptx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /password-protected/],
      ['photos.pptx', zipSync({ 'a.jpg': new Uint8Array(10) }), /not a PowerPoint file/],
      ['notes.docx', zipSync({ 'a.txt': new Uint8Array(10) }), /not a \.docx file/],
      ['notes.txt', 'x', /only PowerPoint/]
    ]
    for (const [name, bytes, reason] of cases) {
      const file = join(t.dir, name)
      writeFileSync(file, bytes)
      const t0 = performance.now()
      const err = await refusal(importFile(file))
      expect(performance.now() - t0).toBeLessThan(1000)
      expect(err.messageEn, name).toMatch(reason)
      expect(err.message, name).toContain(name)
    }
  })

  it('refuses a PPTX whose slide XML is malformed instead of crashing', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const enc = new TextEncoder()
    const file = join(t.dir, 'broken.pptx')
    writeFileSync(
      file,
      zipSync({
        '_rels/.rels': enc.encode(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>'
        ),
        'ppt/presentation.xml': enc.encode(
          '<p:presentation xmlns:p="p" xmlns:r="r"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>'
        ),
        'ppt/_rels/presentation.xml.rels': enc.encode(
          '<Relationships><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/></Relationships>'
        ),
        'ppt/slides/slide1.xml': enc.encode('<p:sld><p:cSld><p:spTree><p:sp></p:spTree>')
      })
    )
    const err = await refusal(importFile(file))
    expect(err.code).toBe('FILE_INVALID')
    expect(err.messageEn).toMatch(/slide 1 is damaged/)
  })
})
