import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { columnName, uniqueSheetNames, writeXlsx } from './xlsx'

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]))
}

describe('writeXlsx', () => {
  it('writes a workbook with one sheet per table, the parts Excel requires, and the header bold', () => {
    const bytes = writeXlsx([
      {
        name: '学生',
        header: ['学生', '得分'],
        rows: [
          ['小明', 3],
          ['小红', 0]
        ]
      },
      { name: '题目', header: ['题目'], rows: [['1+1=?']] }
    ])
    const p = parts(bytes)
    expect(Object.keys(p).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml'
    ])
    expect(p['xl/workbook.xml']).toContain('<sheet name="学生" sheetId="1" r:id="rId1"/>')
    expect(p['xl/workbook.xml']).toContain('<sheet name="题目" sheetId="2" r:id="rId2"/>')
    expect(p['[Content_Types].xml']).toContain('/xl/worksheets/sheet2.xml')
    expect(p['xl/_rels/workbook.xml.rels']).toContain('Target="styles.xml"')
    const s1 = p['xl/worksheets/sheet1.xml']!
    expect(s1).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">学生</t></is></c>')
    // Numbers are numbers (Excel can sum them), zero included.
    expect(s1).toContain('<c r="B2"><v>3</v></c>')
    expect(s1).toContain('<c r="B3"><v>0</v></c>')
    expect(s1).toContain('state="frozen"')
  })

  it('keeps text as text: formulas, markup and control characters cannot get in', () => {
    const p = parts(
      writeXlsx([
        {
          name: 'x',
          header: ['a'],
          rows: [['=HYPERLINK("http://x")'], ['<b>&</b>'], ['a\u0000b\u0007c'], [null], ['']]
        }
      ])
    )
    const s = p['xl/worksheets/sheet1.xml']!
    expect(s).not.toContain('<f>')
    expect(s).toContain('=HYPERLINK(&quot;http://x&quot;)')
    expect(s).toContain('&lt;b&gt;&amp;&lt;/b&gt;')
    expect(s).toContain('>abc<')
    // Empty cells are left out, the row stays.
    expect(s).toContain('<row r="5"></row>')
  })

  it('names columns past Z and sheets the way Excel accepts', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
    expect(uniqueSheetNames(['学生', '学生', 'a/b:c?', '', 'x'.repeat(40), 'X'.repeat(40)])).toEqual([
      '学生',
      '学生_2',
      'a b c',
      'Sheet4',
      'x'.repeat(31),
      `${'X'.repeat(29)}_2`
    ])
  })

  it('refuses a workbook with no sheet', () => {
    expect(() => writeXlsx([])).toThrow(/at least one sheet/)
  })
})
