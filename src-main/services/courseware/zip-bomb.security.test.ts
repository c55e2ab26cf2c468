import { describe, expect, it } from 'vitest'
import { refuseBombs } from '../../test-utils/zip-bomb'

describe('crafted zip bombs (small declared sizes, a GiB inflated)', () => {
  it('are refused by every entry point within 1 s and 100 MB, with a specific bilingual reason', async () => {
    const r = await refuseBombs()
    // Six bombs: each .edux through opening and the library, each Office file through import and the
    // library, and each Word file through the question bank's import too.
    expect(r.total).toBe(14)
    for (const c of r.cases) {
      const what = `${c.bomb} via ${c.entry}: ${c.ms} ms, ${c.peakMb} MB, ${c.messageEn}`
      expect(c.refused, what).toBe(true)
      expect(c.ms, what).toBeLessThan(1000)
      expect(c.peakMb, what).toBeLessThan(100)
      expect(c.message, what).toMatch(/压缩炸弹|压缩包|重叠/)
      expect(c.messageEn, what).toMatch(/zip bomb|nested|overlap/)
    }
    expect(r.refused).toBe(r.total)
    expect(r.maxMs).toBeLessThan(1000)
    expect(r.peakMb).toBeLessThan(100)
  }, 120_000)
})
