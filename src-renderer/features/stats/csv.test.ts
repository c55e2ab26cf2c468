import { describe, expect, it } from 'vitest'
import { percent, toCsv } from './csv'

describe('CSV export', () => {
  it('writes a BOM and CRLF, quotes commas, quotes and line breaks, and leaves empty cells empty', () => {
    const csv = toCsv(
      ['学生', '正确率', '备注'],
      [
        ['张三', 0.5, '说"对"了，\n再练'],
        ['李四', null, undefined]
      ]
    )
    expect(csv).toBe('\uFEFF学生,正确率,备注\r\n张三,0.5,"说""对""了，\n再练"\r\n李四,,\r\n')
  })

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-1'], [-1]])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n-1\r\n')
  })

  it('shows rates as percentages with one decimal', () => {
    expect(percent(2 / 3)).toBe('66.7%')
    expect(percent(null)).toBe('')
  })
})
