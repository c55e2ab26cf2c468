/**
 * The 教学设计 a deck without a plan starts from: the sections a Chinese lesson design carries
 * (课题, 教学目标, 教学重难点, 教学过程 as the usual 环节/教师活动/学生活动/设计意图 table, 板书设计,
 * 作业布置, 教学反思), with the deck's title as 课题. Plain HTML the lesson-plan sanitiser keeps whole.
 */
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export const TEMPLATE_SECTIONS = [
  '课题',
  '教学目标',
  '教学重难点',
  '教学过程',
  '板书设计',
  '作业布置',
  '教学反思'
] as const

export function lessonDesignTemplate(deckTitle: string): { title: string; html: string } {
  const topic = esc(deckTitle.trim() || '（课题）')
  const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}><p>${c}</p></${tag}>`).join('')}</tr>`
  const html = [
    `<h1>${topic} 教学设计</h1>`,
    `<h2>一、课题</h2><p>${topic}</p>`,
    '<h2>二、教学目标</h2><ol><li><p>知识与技能：</p></li><li><p>过程与方法：</p></li><li><p>情感态度与价值观：</p></li></ol>',
    '<h2>三、教学重难点</h2><p><strong>教学重点：</strong></p><p><strong>教学难点：</strong></p>',
    '<h2>四、教学过程</h2>',
    '<table><tbody>',
    row(['教学环节', '教师活动', '学生活动', '设计意图'], 'th'),
    row(['新课导入', '', '', '']),
    row(['新知探究', '', '', '']),
    row(['巩固练习', '', '', '']),
    row(['课堂小结', '', '', '']),
    '</tbody></table>',
    '<h2>五、板书设计</h2><p></p>',
    '<h2>六、作业布置</h2><ul><li><p>基础作业：</p></li><li><p>拓展作业：</p></li></ul>',
    '<h2>七、教学反思</h2><p></p>'
  ].join('')
  return { title: `${deckTitle.trim() || '教案'} 教学设计`, html }
}
