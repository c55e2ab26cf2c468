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
  prepare: {
    untitled: '未命名课件', new: '新建课件', titlePlaceholder: '课件标题，如：分数的初步认识', blank: '空白课件', create: '创建',
    import: '导入 PPT / Word / PDF', importHint: 'PowerPoint 课件、Word 教案或 PDF，导入后可直接编辑。', splitAt: 'Word 教案拆成幻灯片：',
    noSplit: '不拆分（只保存为教案）', heading: '按 {n} 级标题', chooseFile: '选择文件…', recent: '最近的课件',
    noRecent: '还没有课件。新建一个，或导入已有的 PPT。', slides: '{n} 页', missing: '文件已移动或删除',
    recoveryFound: '发现未保存的课件「{title}」（自动保存于 {at}）。', recover: '恢复', discard: '丢弃',
    reportTitle: '导入完成：{file}', reportSummary: '{slides} 页幻灯片，{media} 个媒体文件，用时 {ms} 毫秒。', reportClean: '所有内容均已按原样导入。',
    slideN: '第 {n} 页：', ok: '知道了', unsaved: '课件有未保存的修改', saveClose: '保存并关闭', closeNoSave: '不保存',
    cancel: '取消', download: '下载 PPTX'
  },
  print: {
    back: '返回', print: '打印 / 存为 PDF', withNotes: '含备注', withoutNotes: '不含备注', loading: '正在准备页面…',
    hint: '共 {n} 页。在打印对话框中选择“另存为 PDF”即可导出。', slideN: '第 {n} / {total} 页', noNotes: '（无备注）'
  },
  editor: {
    font: '字体', fontDefault: '默认字体', backgroundImage: '背景图片', chooseImage: '选择图片…', clear: '清除',
    addSlide: '新建幻灯片', duplicate: '复制幻灯片', moveUp: '上移', moveDown: '下移', moveSlides: '移动幻灯片',
    newText: '点击右侧输入文字', addText: '添加文本', addImage: '添加图片', addMedia: '添加音视频', addShape: '添加形状',
    addTable: '添加表格', addFormula: '添加公式', addQuestion: '添加题目', addLink: '添加跳转', linkDefault: '下一页 →',
    editText: '编辑文字', format: '格式', position: '位置', crop: '裁剪', editQuestion: '编辑题目', editFormula: '编辑公式',
    table: '表格', row: '行', col: '列', color: '颜色', fontSize: '字号', fill: '填充', stroke: '边框', alt: '替代文字',
    math: '数学', chem: '化学', linkLabel: '按钮文字', linkTarget: '跳转到第几页', toFront: '置于顶层', toBack: '置于底层',
    lock: '锁定', delete: '删除', slide: '幻灯片', background: '背景色', notes: '备注（仅授课者可见）',
    selectHint: '点选画布上的元素即可编辑它；按 ? 查看快捷键。', uploading: '正在上传…', zoom: '缩放',
    save: '保存', saving: '正在保存…', saved: '已保存', exportPptx: '导出 PPTX', exportPdf: '导出 PDF', exportPdfNotes: '导出 PDF（含备注）', close: '关闭',
    types: { text: '文本', image: '图片', shape: '形状', table: '表格', formula: '公式', audio: '音频', video: '视频', 'slide-link': '跳转', question: '题目', placeholder: '占位' },
    shapes: { rectangle: '矩形', rounded: '圆角矩形', ellipse: '椭圆', line: '直线', arrow: '箭头', triangle: '三角形', star: '五角星' },
    align: { left: '左对齐', center: '居中', right: '右对齐' },
    list: { none: '无列表', bullet: '项目符号', number: '编号' },
    cropSides: { left: '左裁剪', top: '上裁剪', right: '右裁剪', bottom: '下裁剪' },
    frame: { x: 'X', y: 'Y', w: '宽', h: '高', rotation: '旋转°' },
    question: {
      kind: '题型', prompt: '题干', markCorrect: '设为正确答案', removeOption: '删除选项', addOption: '添加选项',
      true: '对', false: '错', accepted: '可接受的答案（用“；”分隔）', explanation: '解析',
      kinds: { single: '单选题', multiple: '多选题', 'true-false': '判断题', 'fill-in': '填空题', poll: '投票' }
    },
    shortcuts: {
      title: '快捷键', undo: '撤销', redo: '重做', copy: '复制', cut: '剪切', paste: '粘贴', delete: '删除所选', save: '保存',
      duplicate: '复制幻灯片', prevNext: '上一页 / 下一页', nudge: '微移所选元素', nudgeMore: '微移 10 格', noSnap: '拖动时按住：不吸附',
      multi: '多选', help: '显示/隐藏本面板', close: '关闭'
    }
  },
  catalogue: {
    loading: '正在读取教材目录…', unavailable: '教材目录暂不可用（{reason}）。连接教育平台后再挂到章节。', cached: '离线目录（上次从平台下载）',
    stage: '学段', subject: '学科', edition: '版本', volume: '册', chapter: '章节'
  },
  libraryEdit: {
    title: '资源信息', name: '名称', type: '类型', tags: '标签', tagsHint: '用逗号分隔，如：分数，三年级', original: '原创（共享时标题前加【原创】）',
    openLesson: '公开课级别', shownAs: '共享到平台时显示为：', save: '保存', share: '保存并共享到平台', cancel: '取消', needChapter: '先挂到章节才能共享', edit: '编辑'
  },
  deckInfo: { title: '课件信息', name: '课件名称', author: '作者', original: '原创（共享时标题前加【原创】）', save: '保存', cancel: '取消', needTitle: '请填写课件名称' },
  language: { 'zh-CN': '中文', en: 'English' },
  error: { generic: '出错了：{message}', dismiss: '知道了' }
}
