/**
 * Hand-built PowerPoint packages for layout and style fidelity (issue 14, items 3–7): the text-body
 * properties PowerPoint writes (autofit, insets, wrapping, vertical text, columns, spacing, bullets,
 * theme fonts, a shape style's text colour), SmartArt with its fallback drawing, OLE previews, table
 * styles, gradients and effects, picture geometry and OMML equations. Each is written the way
 * PowerPoint writes it, trimmed to what a reader needs, so a clone with no corpus beside it tests it.
 */
import { esc, handDeck, para, sp } from './fixture-opc'

const THEME_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main'

/** Office's theme with a Chinese font scheme: headings in 黑体 (+mj-ea), body in 宋体 (+mn-ea). */
export function cjkTheme(): string {
  const c = (n: string, v: string) => `<a:${n}><a:srgbClr val="${v}"/></a:${n}>`
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="${THEME_NS}" name="Office"><a:themeElements>` +
    `<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
    c('dk2', '44546A') +
    c('lt2', 'E7E6E6') +
    c('accent1', '4472C4') +
    c('accent2', 'ED7D31') +
    c('accent3', 'A5A5A5') +
    c('accent4', 'FFC000') +
    c('accent5', '5B9BD5') +
    c('accent6', '70AD47') +
    c('hlink', '0563C1') +
    c('folHlink', '954F72') +
    `</a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>` +
    `<a:font script="Hans" typeface="黑体"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="宋体"/><a:cs typeface=""/>` +
    `</a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst/><a:lnStyleLst/><a:effectStyleLst/><a:bgFillStyleLst/></a:fmtScheme>` +
    `</a:themeElements></a:theme>`
  )
}

const run = (t: string, rPr = '<a:rPr lang="zh-CN"/>') => `<a:r>${rPr}<a:t>${esc(t)}</a:t></a:r>`
const p = (pPr: string, ...runs: string[]) => `<a:p>${pPr}${runs.join('')}</a:p>`

/** What TEXT_DECK's slides hold, for the tests to compare with. */
export const TEXT_LONG = '课文朗读：'.repeat(60)

/**
 * Slide 1: a text box PowerPoint shrank (fontScale 62.5 %, line spacing −20 %), a box that grows to its
 * text, an unwrapped line, custom insets, vertical text, two columns. Slide 2: line and paragraph spacing,
 * Wingdings and plain bullets, numbering (a), b)…, 一．二．, ①②), theme fonts (+mj-lt/+mn-ea) and a
 * blue shape whose style makes its text white. Slide 3: a box whose text does not fit and was not shrunk.
 */
export function textDeck(): Uint8Array {
  const box = (name: string, at: [number, number, number, number], bodyPr: string, paras: string[]) =>
    sp({ name, at, paras, bodyPr })
  const slide1 =
    box(
      '缩小的文字',
      [457200, 457200, 5486400, 1371600],
      '<a:bodyPr><a:normAutofit fontScale="62500" lnSpcReduction="20000"/></a:bodyPr>',
      [para(['第一段很长的文字', '<a:rPr lang="zh-CN" sz="2800"/>']), para('第二段没有字号')]
    ) +
    box('长高的框', [6400800, 457200, 5029200, 457200], '<a:bodyPr><a:spAutoFit/></a:bodyPr>', [
      para('一行'),
      para('两行'),
      para('三行')
    ]) +
    box('不换行', [457200, 2286000, 1828800, 457200], '<a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0"/>', [
      para('这一行不会换行，会超出框的右边')
    ]) +
    box('竖排', [6400800, 1371600, 914400, 3657600], '<a:bodyPr vert="eaVert"/>', [para('竖排的古诗')]) +
    box('两栏', [457200, 3200400, 11277600, 2743200], '<a:bodyPr numCol="2" spcCol="457200" lIns="182880"/>', [
      para('第一栏'),
      para('第二栏')
    ])
  const wing = '<a:buFont typeface="Wingdings" pitchFamily="2" charset="2"/><a:buChar char="§"/>'
  const slide2 =
    box('间距与项目符号', [457200, 457200, 7315200, 5486400], '<a:bodyPr/>', [
      p(
        `<a:pPr marL="342900" indent="-342900"><a:lnSpc><a:spcPct val="150000"/></a:lnSpc><a:spcBef><a:spcPts val="1200"/></a:spcBef><a:spcAft><a:spcPct val="50000"/></a:spcAft>${wing}</a:pPr>`,
        run('方块符号', '<a:rPr lang="zh-CN" sz="2000"/>')
      ),
      p('<a:pPr><a:lnSpc><a:spcPts val="3000"/></a:lnSpc><a:buChar char="–"/></a:pPr>', run('短横符号')),
      p('<a:pPr><a:buAutoNum type="alphaLcParenR" startAt="3"/></a:pPr>', run('从 c) 开始')),
      p('<a:pPr><a:buAutoNum type="alphaLcParenR" startAt="3"/></a:pPr>', run('接着是 d)')),
      p('<a:pPr><a:buAutoNum type="ea1ChsPeriod"/></a:pPr>', run('中文编号')),
      p('<a:pPr><a:buAutoNum type="circleNumDbPlain"/></a:pPr>', run('带圈数字')),
      p(
        '<a:pPr/>',
        run('标题字体', '<a:rPr lang="zh-CN"><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:rPr>'),
        run('正文字体', '<a:rPr lang="zh-CN"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:rPr>')
      )
    ]) +
    sp({
      name: '蓝色形状',
      at: [8229600, 457200, 3200400, 1371600],
      prst: 'roundRect',
      paras: [para('白色的字')],
      bodyPr: '<a:bodyPr anchor="ctr"/>'
    }).replace(
      '</p:spPr>',
      '</p:spPr><p:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef>' +
        '<a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>' +
        '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
    )
  const slide3 = box('放不下的框', [457200, 457200, 3657600, 914400], '<a:bodyPr><a:normAutofit/></a:bodyPr>', [
    para(TEXT_LONG)
  ])
  return handDeck({
    slides: [{ shapes: slide1 }, { shapes: slide2 }, { shapes: slide3 }],
    parts: { 'ppt/theme/theme1.xml': cjkTheme() }
  })
}
