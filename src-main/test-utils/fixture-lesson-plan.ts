/**
 * A 教学设计 as the 教案 pane saves it (sanitised HTML with the kept text styles), with every
 * construct the Word export writes: headings, formatted runs, nested lists, a table with merged
 * cells and a picture, so a bare clone tests the export without the corpus.
 */
import { createHash } from 'node:crypto'
import { solidPng } from './fixture-decks'

export const PLAN_PNG = solidPng(40, 20, [21, 101, 192])
export const PLAN_PNG_PATH = `media/${createHash('sha256').update(PLAN_PNG).digest('hex')}.png`

export const PLAN_HEADINGS = ['勾股定理 教学设计', '一、教学目标', '二、教学重难点', '三、教学过程', '四、板书设计']
export const PLAN_CELLS = [
  '环节',
  '教师活动',
  '学生活动',
  '设计意图',
  '新课导入',
  '展示赵爽弦图',
  '观察、猜想',
  '激发兴趣',
  '合计 40 分钟'
]

export const PLAN_HTML = [
  `<h1>${PLAN_HEADINGS[0]}</h1>`,
  '<p style="text-align: center">执教：王丽华　<strong>八年级</strong>　<em>数学</em></p>',
  `<h2>${PLAN_HEADINGS[1]}</h2>`,
  '<ol><li><p>理解<u>勾股定理</u>的内容：a<sup>2</sup>+b<sup>2</sup>=c<sup>2</sup></p></li>',
  '<li><p>会用定理解决简单问题<ul><li><p>已知两边求第三边</p></li></ul></p></li></ol>',
  `<h2>${PLAN_HEADINGS[2]}</h2>`,
  '<p><span style="color: #e53935">重点</span>：定理的证明；<mark>难点</mark>：H<sub>2</sub>O 式的下标与 <s>删去的话</s></p>',
  `<h2>${PLAN_HEADINGS[3]}</h2>`,
  '<table><tbody>',
  `<tr><th><p>${PLAN_CELLS[0]}</p></th><th><p>${PLAN_CELLS[1]}</p></th><th><p>${PLAN_CELLS[2]}</p></th><th><p>${PLAN_CELLS[3]}</p></th></tr>`,
  `<tr><td><p>${PLAN_CELLS[4]}</p></td><td><p>${PLAN_CELLS[5]}</p></td><td><p>${PLAN_CELLS[6]}</p></td><td><p>${PLAN_CELLS[7]}</p></td></tr>`,
  `<tr><td colspan="4"><p>${PLAN_CELLS[8]}</p></td></tr>`,
  '</tbody></table>',
  `<h2>${PLAN_HEADINGS[4]}</h2>`,
  `<p><img src="${PLAN_PNG_PATH}" alt="板书"></p>`,
  '<ul><li><p>作业布置：课本第 24 页练习 1、2</p></li></ul>'
].join('')
