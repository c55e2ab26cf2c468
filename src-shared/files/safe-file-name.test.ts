import { describe, expect, it } from 'vitest'
import { MAX_FILE_NAME_BYTES, safeFileName } from './safe-file-name'

const bytes = (s: string): number => new TextEncoder().encode(s).length

describe('safeFileName', () => {
  it('keeps a Chinese title as written', () => {
    expect(safeFileName('分数的初步认识（第 2 课时）.edux')).toBe('分数的初步认识（第 2 课时）.edux')
  })

  it('turns slashes and backslashes into underscores, so a name is never a path', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd')
    expect(safeFileName('C:\\Users\\老师\\课件.pptx')).toBe('C__Users_老师_课件.pptx')
  })

  it('never gives . or .. or a hidden name', () => {
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName('.')).toBe('file')
    expect(safeFileName('...', { fallback: '课件' })).toBe('课件')
    expect(safeFileName('.bashrc')).toBe('bashrc')
    expect(safeFileName('...pptx', { fallback: '课件' })).toBe('pptx')
  })

  it('replaces the characters Windows refuses and control characters', () => {
    expect(safeFileName('a<b>c:d"e|f?g*h.docx')).toBe('a_b_c_d_e_f_g_h.docx')
    expect(safeFileName('第一\u0000课\n\t\u007f.edux')).toBe('第一_课___.edux')
  })

  it('drops the dots and spaces Windows would drop at the end, before and after the extension', () => {
    expect(safeFileName('勾股定理. . ')).toBe('勾股定理')
    expect(safeFileName('勾股定理 ..pptx')).toBe('勾股定理.pptx')
    expect(safeFileName('  复习  ')).toBe('复习')
  })

  it('prefixes Windows device names, with or without an extension, in any case', () => {
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('nul.txt')).toBe('_nul.txt')
    expect(safeFileName('Com1.tar.gz')).toBe('_Com1.tar.gz')
    expect(safeFileName('lpt9 .pdf')).toBe('_lpt9.pdf')
    expect(safeFileName('CONSOLE.pdf')).toBe('CONSOLE.pdf')
    expect(safeFileName('com10.pdf')).toBe('com10.pdf')
  })

  it('shortens a long name to the byte limit without splitting a character, keeping the extension', () => {
    const title = '二次函数的图像与性质'.repeat(20) // 200 characters, 600 bytes
    const out = safeFileName(`${title}.edux`)
    expect(bytes(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
    expect(out.endsWith('.edux')).toBe(true)
    expect(out).not.toContain('\ufffd')
    expect(title.startsWith(out.slice(0, -'.edux'.length))).toBe(true)
    expect(bytes(safeFileName('a'.repeat(300), { maxBytes: 10 }))).toBe(10)
    // Four bytes in UTF-8 and a surrogate pair in UTF-16: cut between characters, never inside one.
    expect(safeFileName('𠀀𠀀𠀀', { maxBytes: 9 })).toBe('𠀀𠀀')
  })

  it('adds a given extension to a whole title, which then cannot lose or replace it', () => {
    expect(safeFileName('...', { fallback: '课件', extension: '.pptx' })).toBe('课件.pptx')
    expect(safeFileName('第1.2节', { extension: '.edux' })).toBe('第1.2节.edux')
    expect(safeFileName('aux', { extension: '.pdf' })).toBe('_aux.pdf')
    expect(bytes(safeFileName('长'.repeat(100), { extension: '.pdf' }))).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
  })

  it('composes decomposed characters (as macOS names files) so one title gives one name', () => {
    expect(safeFileName('Cafe\u0301.pdf')).toBe('Caf\u00e9.pdf')
  })

  it('gives the same name when sanitised again, so a name sent back in a URL finds the same file', () => {
    const names = [
      '../a/b',
      ' CON.txt ',
      '勾股定理 ..pptx',
      '二次函数'.repeat(40) + '.pdf',
      '.x',
      'a\u0000b',
      '第1.2节',
      '...'
    ]
    for (const n of names) expect(safeFileName(safeFileName(n))).toBe(safeFileName(n))
  })
})
