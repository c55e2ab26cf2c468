import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { AppError } from '../../../src-shared/errors'
import { GuardedZip, DEFAULT_ZIP_LIMITS, isUnsafeZipName } from './zip-guard'
import { decodeEdux } from './edux-file'
import { disguisedNest, manyEntries, nestedBomb, overlappingBomb, ratioBomb, zipSlip } from './hostile-zips'
import { buildZip } from '../../test-utils/zip-bomb'

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected a refusal')
}

/** Refused quickly, without a spike in memory, with an error that names the file and the reason. */
function expectRefusedFast(name: string, bytes: Uint8Array, reason: RegExp): void {
  const rss0 = process.memoryUsage().rss
  const t0 = performance.now()
  const err = refusal(() => decodeEdux(name, bytes))
  const ms = performance.now() - t0
  const rssGrowth = process.memoryUsage().rss - rss0
  expect(ms).toBeLessThan(1000)
  expect(rssGrowth).toBeLessThan(100 * 1024 * 1024)
  expect(err.message).toContain(name)
  expect(err.messageEn).toMatch(reason)
  expect((err.details as { file: string }).file).toBe(name)
}

describe('zip guard', () => {
  it('refuses zip slip names before extracting anything', () => {
    expectRefusedFast('slip.edux', zipSlip(), /zip slip/)
    for (const n of ['../a', 'a/../../b', '/etc/passwd', 'C:\\x', '..\\x', 'a\0b'])
      expect(isUnsafeZipName(n)).toBe(true)
    for (const n of ['media/a.png', 'ppt/slides/slide1.xml', '..a/b', 'a..b']) expect(isUnsafeZipName(n)).toBe(false)
  })

  it('refuses a 42.zip-style nest of archives', () => {
    expectRefusedFast('42.edux', nestedBomb(), /nested archive/)
  })

  it('refuses a zip hidden under an innocent name when it is read', () => {
    const zip = GuardedZip.open('hidden.edux', disguisedNest())
    expect(refusal(() => zip.read('media/x.png')).messageEn).toMatch(/media\/x.png is a nested zip/)
    expect(refusal(() => zip.readMany(['media/x.png'])).messageEn).toMatch(/nested zip/)
  })

  it('refuses an overlapping-entry bomb', () => {
    expectRefusedFast('overlap.edux', overlappingBomb(), /zip bomb/)
    // Under the total limit, the overlap itself is what gives it away.
    const small = overlappingBomb(20, 64 * 1024)
    const err = refusal(() => GuardedZip.open('small-overlap.zip', small))
    expect(err.messageEn).toMatch(/overlap/)
  })

  it('refuses a ratio bomb and a 10k-entry archive', () => {
    expectRefusedFast('ratio.edux', ratioBomb(), /compression ratio/)
    expectRefusedFast('many.edux', manyEntries(), /too many entries/)
  })

  it('refuses truncated and non-zip bytes as damaged', () => {
    const good = zipSync({ 'a.txt': new Uint8Array(100) })
    expect(refusal(() => GuardedZip.open('t.zip', good.subarray(0, good.length - 30))).messageEn).toMatch(
      /not a valid zip/
    )
    expect(
      refusal(() => GuardedZip.open('n.zip', new TextEncoder().encode('hello, this is not a zip at all'))).messageEn
    ).toMatch(/not a valid zip/)
  })

  it('reads ordinary entries and leaves opaque embedded archives unopened', () => {
    const inner = zipSync({ 'x.txt': new Uint8Array(3) })
    const bytes = zipSync({
      'ppt/slides/slide1.xml': new TextEncoder().encode('<a/>'),
      'ppt/embeddings/doc.docx': inner
    })
    expect(refusal(() => GuardedZip.open('deck.pptx', bytes)).messageEn).toMatch(/nested archive/)
    const zip = GuardedZip.open('deck.pptx', bytes, { ...DEFAULT_ZIP_LIMITS, opaque: /^ppt\/embeddings\// })
    expect(zip.text('ppt/slides/slide1.xml')).toBe('<a/>')
    expect(refusal(() => zip.read('ppt/embeddings/doc.docx')).messageEn).toMatch(/never opened/)
  })

  it('stops inflating an entry at its declared size: a 1 GiB liar declared as 4 KB is refused in milliseconds', () => {
    const zip = GuardedZip.open(
      'liar.pptx',
      buildZip([{ name: 'ppt/presentation.xml', zeros: 1 << 30, declared: 4096 }])
    )
    const t0 = performance.now()
    const err = refusal(() => zip.read('ppt/presentation.xml'))
    expect(performance.now() - t0).toBeLessThan(200)
    expect(err.code).toBe('LIMIT')
    expect(err.message).toContain('压缩炸弹')
    expect(err.messageEn).toMatch(/inflates past its declared 4096 bytes \(a zip bomb\)/)
    expect(err.details).toMatchObject({ entry: 'ppt/presentation.xml', declared: 4096, bomb: true })
  })

  it('refuses a small liar too (inflated in one call into a buffer one byte past its declared size)', () => {
    const zip = GuardedZip.open(
      'small-liar.edux',
      buildZip([{ name: 'deck.json', data: new TextEncoder().encode('{"a":1}'.repeat(10_000)), declared: 100 }])
    )
    const err = refusal(() => zip.read('deck.json'))
    expect(err.code).toBe('LIMIT')
    expect(err.messageEn).toMatch(/inflates past its declared 100 bytes/)
    expect(refusal(() => zip.verify()).code).toBe('LIMIT')
  })

  it('refuses an entry that holds less than it declares as damaged, and reads an honest one exactly', () => {
    const text = new TextEncoder().encode('<p:presentation/>'.repeat(100))
    const zip = GuardedZip.open(
      'short.pptx',
      buildZip([
        { name: 'a.xml', data: text, declared: text.length + 10 },
        { name: 'b.xml', data: text }
      ])
    )
    expect(refusal(() => zip.read('a.xml')).messageEn).toMatch(/declares 1710 bytes but holds 1700/)
    expect(zip.text('b.xml')).toBe('<p:presentation/>'.repeat(100))
  })

  it('verify() inflates every entry without keeping it and finds a liar no reader asked for', () => {
    const zip = GuardedZip.open(
      'plan.docx',
      buildZip([
        { name: 'word/document.xml', data: new TextEncoder().encode('<w:document/>') },
        { name: 'word/media/image1.png', zeros: 256 * 1024 * 1024, declared: 1000 }
      ])
    )
    expect(zip.text('word/document.xml')).toBe('<w:document/>')
    expect(refusal(() => zip.verify()).messageEn).toMatch(/image1.png" inflates past/)
  })
})
