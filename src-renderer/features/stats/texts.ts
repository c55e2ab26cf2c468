/** The statistics page's words, Chinese first. */
export const statsTexts = {
  'zh-CN': {
    title: '教学统计',
    cls: '班级',
    noClasses: '还没有授课记录。用 ClassDeck 上一节课后，这里会出现班级统计。',
    week: '本周', month: '本月', term: '本学期', custom: '自定义',
    from: '从', to: '到', apply: '查看',
    taught: '授课节数', minutes: '授课分钟', effective: '有效授课', runs: '课堂提问', participation: '参与率', correctRate: '正确率',
    tools: '使用的课堂工具', noTools: '这段时间没有使用课堂工具。',
    students: '学生作答（需要关注的排在前面）', questions: '每道题', chapters: '每个章节',
    student: '学生', answered: '作答', offered: '题数', correct: '答对', needsHelp: '需要关注',
    prompt: '题目', kind: '题型', launchedAt: '时间', chapter: '章节',
    exportPng: '导出图片', exportCsv: '导出表格（CSV）', exportXlsx: '导出 Excel',
    activity: '活跃度估算', region: '地区规则', estimate: '估算', thisWeek: '本周估算', thisMonth: '本月估算', points: '分'
  },
  en: {
    title: 'Teaching statistics',
    cls: 'Class',
    noClasses: 'No lessons recorded yet. Teach a lesson with ClassDeck and the class statistics appear here.',
    week: 'This week', month: 'This month', term: 'This term', custom: 'Custom',
    from: 'From', to: 'To', apply: 'Show',
    taught: 'Lessons', minutes: 'Minutes', effective: 'Effective lessons', runs: 'Questions run', participation: 'Participation', correctRate: 'Correct',
    tools: 'Classroom tools used', noTools: 'No classroom tools were used in this period.',
    students: 'Students (those who need help first)', questions: 'Questions', chapters: 'Chapters',
    student: 'Student', answered: 'Answered', offered: 'Asked', correct: 'Correct', needsHelp: 'Needs help',
    prompt: 'Question', kind: 'Kind', launchedAt: 'Time', chapter: 'Chapter',
    exportPng: 'Export image', exportCsv: 'Export table (CSV)', exportXlsx: 'Export Excel',
    activity: 'Activity estimate', region: 'Region rules', estimate: 'Estimate', thisWeek: 'This week (estimate)', thisMonth: 'This month (estimate)', points: 'points'
  }
}
