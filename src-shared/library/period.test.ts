import { describe, expect, it } from 'vitest'
import { localDay, resolvePeriod, weekStart } from './period'

describe('teaching periods in China time', () => {
  it('starts a week on Monday at local midnight', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02') // Sunday belongs to the week before
    expect(resolvePeriod({ kind: 'week', date: '2026-03-02' })).toMatchObject({
      from: '2026-03-01T16:00:00.000Z',
      to: '2026-03-08T16:00:00.000Z',
      label: '2026年3月2日—2026年3月8日（周）'
    })
  })

  it('reads an instant late in the UTC day as the next local day', () => {
    expect(localDay('2026-03-01T16:30:00.000Z')).toBe('2026-03-02')
    expect(localDay('2026-03-01T16:30:00.000Z', 0)).toBe('2026-03-01')
  })

  it('resolves months, both terms and a custom range with both ends included', () => {
    expect(resolvePeriod({ kind: 'month', date: '2026-12-15' })).toMatchObject({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      label: '2026年12月'
    })
    expect(resolvePeriod({ kind: 'term', date: '2026-10-01' }).label).toBe('2026—2027学年第一学期')
    expect(resolvePeriod({ kind: 'term', date: '2027-01-20' }).label).toBe('2026—2027学年第一学期')
    expect(resolvePeriod({ kind: 'term', date: '2027-03-01' })).toMatchObject({
      label: '2026—2027学年第二学期',
      to: '2027-08-31T16:00:00.000Z'
    })
    const c = resolvePeriod({ kind: 'custom', from: '2026-02-27', to: '2026-03-02' })
    expect(c.days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
  })

  it('refuses a range that runs backwards or is longer than 400 days', () => {
    expect(() => resolvePeriod({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' })).toThrow(RangeError)
    expect(() => resolvePeriod({ kind: 'custom', from: '2025-01-01', to: '2026-12-31' })).toThrow(/400 days/)
  })
})
