export default {
  app: { name: '教学助手', fullName: 'ClassDeck 教学助手', home: '首页', back: '返回首页' },
  nav: {
    prepare: '备课',
    teach: '授课',
    interact: '课堂互动',
    sync: '同步',
    library: '资源库',
    stats: '统计',
    settings: '设置'
  },
  home: {
    greeting: '今天上什么课？',
    prepare: '制作与导入课件、教案',
    teach: '在大屏上全屏授课、板书',
    interact: '学生平板实时答题',
    sync: '上传课堂记录到教育平台',
    library: '按教材章节管理资源',
    stats: '课时、互动与测验统计',
    settings: '语言、端口与平台地址'
  },
  notBuilt: {
    title: '此功能尚未完成',
    body: '「{name}」页面还在开发中，目前没有可用的内容。',
    back: '回到首页'
  },
  connection: {
    connecting: '正在连接服务…',
    closed: '与服务的连接已断开，正在重新连接…'
  },
  settings: {
    title: '设置',
    language: '界面语言',
    classroomPort: '课堂互动端口',
    platformUrl: '教育平台地址',
    effectiveLessonMinutes: '有效授课时长（分钟）',
    idleMinutes: '无操作暂停计时（分钟）',
    dataDir: '数据目录',
    save: '保存',
    saved: '已保存',
    saving: '正在保存…'
  },
  language: { 'zh-CN': '中文', en: 'English' },
  error: { generic: '出错了：{message}', dismiss: '知道了' }
}
