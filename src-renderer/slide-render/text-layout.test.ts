import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../../src-shared/courseware/element'
import { fontStack } from './font-stack'
import { formatNumber, listMarkers } from './list-markers'
import { bodyLayoutStyle } from './text-layout'

const p = (o: Partial<Paragraph>): Paragraph => ({ runs: [{ text: 'x' }], level: 0, ...o })

describe('list markers', () => {
  it('counts a numbering style from its start, across deeper levels, and restarts after plain text', () => {
    const n = { style: 'alphaLc', punct: 'parenR', startAt: 3 } as const
    expect(
      listMarkers([
        p({ list: 'number', numbering: n }),
        p({ list: 'bullet', level: 1, bullet: '▪' }),
        p({ list: 'number', numbering: n }),
        p({}),
        p({ list: 'number', numbering: n }),
        p({ list: 'number' }),
        p({ list: 'number', numbering: { style: 'chinese', punct: 'period', startAt: 1 } }),
        p({ list: 'number', numbering: { style: 'circled', punct: 'plain', startAt: 1 } }),
        p({ list: 'bullet' })
      ])
    ).toEqual(['c)', '▪', 'd)', '', 'c)', '1.', '一．', '①', '•'])
  })

  it('writes roman, letters past z, Chinese tens and circled numbers as PowerPoint does', () => {
    expect([4, 9, 14, 1999].map((n) => formatNumber(n, 'romanUc'))).toEqual(['IV', 'IX', 'XIV', 'MCMXCIX'])
    expect([1, 26, 27].map((n) => formatNumber(n, 'alphaLc'))).toEqual(['a', 'z', 'aa'])
    expect([10, 12, 20, 35].map((n) => formatNumber(n, 'chinese'))).toEqual(['十', '十二', '二十', '三十五'])
    expect([20, 21].map((n) => formatNumber(n, 'circled'))).toEqual(['⑳', '21'])
  })
})

describe('font stack', () => {
  it('puts the named font first, then installed fonts of the same kind, then the app font', () => {
    expect(fontStack('宋体', 'Calibri')).toBe(
      '"Calibri", "Carlito", "Liberation Sans", "DejaVu Sans", "宋体", "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "AR PL UMing", var(--cd-font)'
    )
    expect(fontStack('微软雅黑')).toContain('"WenQuanYi Micro Hei"')
    expect(fontStack('楷体')).toContain('"AR PL UKai CN"')
    expect(fontStack('Some "odd" font')).toBe('"Some odd font", var(--cd-font)')
  })
})

describe('text box layout', () => {
  it('pads by the insets, stops wrapping, turns text vertical and flows columns', () => {
    expect(
      bodyLayoutStyle({
        insets: { l: 1, t: 2, r: 3, b: 4 },
        wrap: false,
        vertical: 'eaVert',
        columns: 2,
        columnGap: 48
      })
    ).toEqual({
      padding: '2px 3px 4px 1px',
      whiteSpace: 'pre',
      writingMode: 'vertical-rl',
      textOrientation: 'mixed',
      display: 'block',
      columnCount: '2',
      columnGap: '48px',
      columnFill: 'auto'
    })
    expect(bodyLayoutStyle(undefined)).toEqual({})
  })
})
