import { describe, expect, it } from 'vitest'
import { readNumber } from './read-number'

describe('a number typed on the tablet', () => {
  it('reads full-width digits, a Chinese full stop, spaces and thousands commas', () => {
    expect(readNumber('１２．５')).toBe(12.5)
    expect(readNumber(' -3 ')).toBe(-3)
    expect(readNumber('1,000')).toBe(1000)
    expect(readNumber('0。5')).toBe(0.5)
    expect(readNumber('.5')).toBe(0.5)
  })

  it('stops what is not a number instead of sending NaN or a guess', () => {
    for (const bad of ['', '十二', '12cm', '1.2.3', '--1', 'Infinity', '1e999']) expect(readNumber(bad)).toBeNull()
  })
})
