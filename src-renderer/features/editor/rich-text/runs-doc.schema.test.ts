// @vitest-environment jsdom
/**
 * The mapping (runs-doc.ts) against the editor's real schema: a document made from the deck's
 * runs is valid for Tiptap, survives Tiptap's own parse of it, and one word edited through the
 * editor's commands comes back with every other run as it was.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Editor } from '@tiptap/vue-3'
import type { Paragraph } from '../../../../src-shared/courseware/element'
import { slideTextExtensions } from './extensions'
import { docToParagraphs, paragraphsToDoc, type PmNode } from '../../../../src-shared/rich-text/runs-doc'
import { sanitizePastedHtml } from './paste-sanitize'

const MIXED: Paragraph[] = [
  {
    level: 0,
    align: 'center',
    runs: [
      { text: '勾股定理', bold: true, fontSize: 40, fontFamily: '黑体', color: '#C00000' },
      { text: 'a', italic: true, latinFont: 'Times New Roman' },
      { text: '2', superscript: true },
      { text: '重点', highlight: '#FFFF00', underline: true, strike: true },
      { text: '\n' },
      { text: '见下页', linkSlideId: 's2' }
    ]
  },
  { level: 2, list: 'number', spaceAfter: 4, runs: [{ text: 'H' }, { text: '2', subscript: true }, { text: 'O' }] },
  { level: 0, runs: [{ text: '', fontSize: 60 }] }
]

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

describe('the in-place editor and the deck’s runs', () => {
  it('loads the runs into Tiptap’s schema and gives back the same runs', () => {
    editor = new Editor({ extensions: slideTextExtensions(), content: paragraphsToDoc(MIXED) })
    expect(docToParagraphs(editor.getJSON() as PmNode)).toEqual(MIXED)
  })

  it('keeps the formats around a word retyped and bolds only the selected characters', () => {
    editor = new Editor({ extensions: slideTextExtensions(), content: paragraphsToDoc(MIXED) })
    // “勾股定理” starts at 1; select “定理” and make it italic, then type in the plain “O”.
    editor.chain().setTextSelection({ from: 3, to: 5 }).toggleItalic().run()
    const back = docToParagraphs(editor.getJSON() as PmNode)
    expect(back[0]!.runs.slice(0, 2)).toEqual([
      { text: '勾股', bold: true, fontSize: 40, fontFamily: '黑体', color: '#C00000' },
      { text: '定理', bold: true, italic: true, fontSize: 40, fontFamily: '黑体', color: '#C00000' }
    ])
    expect(back[0]!.runs.slice(2)).toEqual(MIXED[0]!.runs.slice(1))
    expect(back.slice(1)).toEqual(MIXED.slice(1))
  })

  it('indents, lists and links through its commands', () => {
    editor = new Editor({
      extensions: slideTextExtensions(),
      content: paragraphsToDoc([{ level: 0, runs: [{ text: '第一点' }] }])
    })
    editor.chain().selectAll().setList('bullet').indent(1).indent(1).setSlideLink('s9').setColor('#00b050').run()
    expect(docToParagraphs(editor.getJSON() as PmNode)).toEqual([
      { level: 2, list: 'bullet', runs: [{ text: '第一点', color: '#00B050', linkSlideId: 's9' }] }
    ])
  })

  it('pastes from Word with its basic formatting and without its scripts, styles or outside pictures', () => {
    editor = new Editor({ extensions: slideTextExtensions(), content: paragraphsToDoc([]) })
    const word =
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><!--[if gte mso 9]><xml>x</xml><![endif]-->' +
      '<p class="MsoNormal" style="text-align:center;mso-line-height:1"><b>加粗</b><span style="color:#ff0000;font-size:18pt;font-family:楷体;background-color:yellow">红字</span>' +
      '<img src="file:///C:/Users/t/clip_image001.png"><a href="https://evil.example/">链接</a><span onclick="alert(2)" data-run-extra="{}">尾</span></p></body></html>'
    const clean = sanitizePastedHtml(word)
    expect(clean).not.toMatch(/script|<style|<img|evil|onclick|data-run-extra|mso/)
    editor.commands.setContent(clean)
    const [p] = docToParagraphs(editor.getJSON() as PmNode)
    expect(p!.align).toBe('center')
    expect(p!.runs).toEqual([
      { text: '加粗', bold: true },
      { text: '红字', color: '#FF0000', fontSize: 18, fontFamily: '楷体' },
      { text: '链接尾' }
    ])
  })
})
