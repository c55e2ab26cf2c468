import { describe, expect, it } from 'vitest'
import { fitScale } from './formula-fit'

describe('formula fit', () => {
  it('shrinks a formula wider or taller than its box, and never enlarges one', () => {
    expect(fitScale(480, 40, 240, 80)).toBeCloseTo(0.48)
    expect(fitScale(100, 100, 200, 50)).toBeCloseTo(0.48)
    expect(fitScale(100, 20, 400, 200)).toBe(1)
    expect(fitScale(0, 0, 100, 100)).toBe(1)
  })
})
