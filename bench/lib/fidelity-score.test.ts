import { describe, expect, it } from 'vitest'
import { pooledRecall, ssimGrey, textRecall, tokens } from './fidelity-score'

describe('tokens', () => {
  it('counts every Chinese character alone and Latin words whole, case-folded', () => {
    expect(tokens('光合作用 Photosynthesis, CO2!')).toEqual(['光', '合', '作', '用', 'photosynthesis', 'co2'])
  })
  it('splits a Latin word from the Chinese it touches, and reads full-width letters as half-width', () => {
    expect(tokens('第3课ＡＢＣ练习')).toEqual(['第', '3', '课', 'abc', '练', '习'])
  })
  it('drops bullets and punctuation', () => {
    expect(tokens('• 一、 — “好”')).toEqual(['一', '好'])
  })
})

describe('textRecall', () => {
  it('is 1 when ours shows every word, whatever the order and line breaks', () => {
    expect(textRecall('The quick brown fox', 'fox\nbrown quick THE').recall).toBe(1)
  })
  it('counts Chinese by character: two of four kept is 0.5', () => {
    const r = textRecall('水的沸点', '水点')
    expect(r).toMatchObject({ recall: 0.5, total: 4, kept: 2 })
    expect(r.missing).toEqual(['的', '沸'])
  })
  it('needs a repeated word as often as the reference shows it', () => {
    expect(textRecall('go go go', 'go').recall).toBeCloseTo(1 / 3)
  })
  it('does not count words that ours has and the reference lacks', () => {
    expect(textRecall('one two', 'one three four five').recall).toBe(0.5)
  })
  it('keeps a word the reference broke across two lines when ours shows it whole', () => {
    expect(textRecall('Inherite\nd Line', 'Inherited Line').recall).toBe(1)
    expect(textRecall('Inherite\nd Line', 'Line').recall).toBeCloseTo(1 / 3)
  })
  it('keeps a word the reference ran together across a tab when ours shows both halves', () => {
    expect(textRecall('Some tabsmore text', 'Some tabs\tmore text').recall).toBe(1)
    expect(textRecall('tabsmore', 'tabs').recall).toBe(0)
  })
  it('has no recall for a slide whose reference has no words (text only in pictures)', () => {
    expect(textRecall('', 'anything')).toEqual({ recall: null, total: 0, kept: 0, missing: [] })
  })
  it('pools a deck by tokens, not by averaging slides', () => {
    expect(pooledRecall([textRecall('a b c d', 'a b c d'), textRecall('x y', '')])).toBeCloseTo(4 / 6)
    expect(pooledRecall([textRecall('', '')])).toBeNull()
  })
})

describe('ssimGrey', () => {
  const w = 64
  const h = 48
  const picture = (f: (x: number, y: number) => number) => {
    const a = new Uint8Array(w * h)
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) a[y * w + x] = f(x, y)
    return a
  }
  const stripes = picture((x) => (Math.floor(x / 4) % 2 ? 230 : 20))

  it('is 1 for identical pictures', () => {
    expect(ssimGrey(stripes, stripes.slice(), w, h)).toBeCloseTo(1, 6)
  })
  it('is far below 1 for a different picture, and lower the more it differs', () => {
    const shifted = picture((x) => (Math.floor((x + 4) / 4) % 2 ? 230 : 20))
    const slightlyNoisy = stripes.map((v, i) => (i % 7 === 0 ? v ^ 8 : v))
    const noisy = ssimGrey(stripes, slightlyNoisy, w, h)
    const inverted = ssimGrey(stripes, shifted, w, h)
    expect(noisy).toBeLessThan(1)
    expect(noisy).toBeGreaterThan(0.8)
    expect(inverted).toBeLessThan(0)
  })
  it('refuses pictures of different sizes', () => {
    expect(() => ssimGrey(stripes, new Uint8Array(10), w, h)).toThrow(/10 bytes/)
  })
})
