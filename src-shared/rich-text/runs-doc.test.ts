import { describe, expect, it } from 'vitest'
import { TextRun, type Paragraph } from '../courseware/element'
import { cssColor, cssPoints, docToParagraphs, normalizeParagraphs, paragraphsToDoc, type PmNode } from './runs-doc'

/** An imported box of the kind teachers retype: every format, mixed within one line. */
const MIXED: Paragraph[] = [
  {
    level: 0,
    align: 'center',
    runs: [
      { text: '勾股定理', bold: true, fontSize: 40, fontFamily: '黑体', color: '#C00000' },
      { text: '：', fontSize: 40 },
      { text: 'a', italic: true, fontFamily: '宋体', latinFont: 'Times New Roman' },
      { text: '2', superscript: true, italic: true },
      { text: ' + b', italic: true, underline: true },
      { text: '2', superscript: true },
      { text: ' = c' },
      { text: '2', superscript: true, highlight: '#FFFF00' }
    ]
  },
  {
    level: 1,
    list: 'bullet',
    spaceBefore: 6,
    bulletColor: '#1F4E79',
    runs: [
      { text: 'H', fontSize: 28 },
      { text: '2', subscript: true, fontSize: 28 },
      { text: 'O 不是', fontSize: 28 },
      { text: '删掉的', strike: true, fontSize: 28 },
      { text: '\n', fontSize: 28 },
      { text: '见第 3 页', underline: true, linkSlideId: 'slide-3' }
    ]
  },
  { level: 0, list: 'number', align: 'justify', runs: [{ text: '', fontSize: 54 }] },
  { level: 2, list: 'number', lineHeight: 1.5, runs: [{ text: '第二条', color: '#00B050' }] }
]

describe('runs and the editor document', () => {
  it('come back unchanged from the editor, every format, list, level and paragraph field kept', () => {
    const doc = paragraphsToDoc(MIXED)
    expect(docToParagraphs(JSON.parse(JSON.stringify(doc)) as PmNode)).toEqual(MIXED)
  })

  it('marks each format the way Tiptap names it, sizes in points', () => {
    const doc = paragraphsToDoc(MIXED)
    const first = doc.content![0]!
    expect(first.attrs).toMatchObject({ textAlign: 'center', list: null, level: 0 })
    expect(first.content![0]).toEqual({
      type: 'text',
      text: '勾股定理',
      marks: [
        { type: 'bold' },
        { type: 'textStyle', attrs: { color: '#C00000', fontSize: '40pt', fontFamily: '黑体' } }
      ]
    })
    expect(first.content![2]!.marks).toContainEqual({
      type: 'runExtra',
      attrs: { data: JSON.stringify({ latinFont: 'Times New Roman' }) }
    })
    expect(first.content![7]!.marks).toContainEqual({ type: 'highlight', attrs: { color: '#FFFF00' } })
    const second = doc.content![1]!
    expect(second.content!.map((n) => n.type)).toEqual(['text', 'text', 'text', 'text', 'hardBreak', 'text'])
    expect(second.content![5]!.marks).toContainEqual({ type: 'slideLink', attrs: { slideId: 'slide-3' } })
  })

  it('gives one word edited in the editor back with the formats around it untouched', () => {
    const doc = paragraphsToDoc(MIXED)
    // The teacher retypes “删掉的” as “删去的”: the editor changes that text node only.
    doc.content![1]!.content![3]!.text = '删去的'
    const back = docToParagraphs(doc)
    expect(back[1]!.runs[3]).toEqual({ text: '删去的', strike: true, fontSize: 28 })
    expect(back[0]).toEqual(MIXED[0])
    expect(back[1]!.runs.filter((_r, i) => i !== 3)).toEqual(MIXED[1]!.runs.filter((_r, i) => i !== 3))
  })

  it('merges neighbours of one format and reads colours and sizes the browser writes', () => {
    const doc: PmNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'right', list: null, level: 0, extra: null },
          content: [
            {
              type: 'text',
              text: '红',
              marks: [{ type: 'textStyle', attrs: { color: 'rgb(255, 0, 0)', fontSize: '32px' } }]
            },
            { type: 'text', text: '色', marks: [{ type: 'textStyle', attrs: { color: '#f00', fontSize: '24pt' } }] },
            { type: 'text', text: '字', marks: [{ type: 'highlight', attrs: { color: 'not a colour' } }] }
          ]
        }
      ]
    }
    expect(docToParagraphs(doc)).toEqual([
      { level: 0, align: 'right', runs: [{ text: '红色', color: '#FF0000', fontSize: 24 }, { text: '字' }] }
    ])
    expect(cssColor('rgba(0, 0, 0, 0.5)')).toBe('#00000080')
    expect(cssPoints('16px')).toBe(12)
    expect(cssPoints('big')).toBeNull()
  })

  it('turns every run the editor gives back into one the deck schema accepts', () => {
    for (const p of normalizeParagraphs(MIXED)) for (const r of p.runs) expect(TextRun.safeParse(r).success).toBe(true)
  })

  it('starts an empty box as one empty paragraph and gives it back as one', () => {
    expect(docToParagraphs(paragraphsToDoc([]))).toEqual([{ level: 0, runs: [] }])
  })
})
