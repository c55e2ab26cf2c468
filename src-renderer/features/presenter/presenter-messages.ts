export const presenterMessages = {
  'zh-CN': {
    presenter: {
      prev: '上一页', next: '下一页', overview: '总览', end: '下课', fullscreen: '全屏', page: '第 {n} / {total} 页',
      whiteboard: '白板', active: '授课 {time}', effective: '已计为有效授课', remaining: '再上 {min} 分钟计为有效授课',
      pausedHidden: '窗口已隐藏，暂停计时', pausedIdle: '长时间无操作，暂停计时', ended: '本节课已记录：{time}，{effective}',
      yes: '有效授课', no: '未达有效授课', recordError: '授课记录暂未保存：{message}',
      elapsed: '已上课 {time}', nextSlide: '下一页', notes: '备注', black: '黑屏', waitingBoard: '正在连接大屏…', undo: '撤销', clear: '清屏', closeOverlay: '关闭批注'
    },
    live: {
      button: '课堂互动', title: '课堂互动', network: '学生连接的网络', networkAuto: '自动选择（第一个局域网地址）', open: '开始课堂互动',
      joinAt: '学生扫码，或在浏览器打开', pin: '课堂码', joined: '已加入 {n} 人', hide: '收起，回到课件', end: '结束课堂互动', showJoin: '加入方式',
      launch: '发起答题', needClass: '先开始课堂互动，学生加入后再发起答题', abcd: 'ABCD 即问', tf: '对错 即问',
      answered: '已作答', closeQ: '结束作答', reveal: '公布答案', back: '回到课件', notYet: '还没作答（{n}）', allIn: '全部已作答',
      running: '作答中', ended: '已结束', rate: '正确率 {r}%', noKey: '这道题没有标准答案', remote: '手机遥控',
      remoteHint: '老师用手机扫码遥控：翻页、出题、点名、拍照投屏。二维码 5 分钟内有效，只能用一次。', remoteOn: '手机已连接',
      picked: '随机点名：{name}', error: '课堂互动出错：{message}', notBuilt: '学生页面尚未构建，学生将看到简化页面。', photoTitle: '实物展台'
    }
  },
  en: {
    presenter: {
      prev: 'Previous', next: 'Next', overview: 'Overview', end: 'End lesson', fullscreen: 'Full screen', page: 'Page {n} of {total}',
      whiteboard: 'Whiteboard', active: 'Teaching {time}', effective: 'Counts as an effective lesson', remaining: '{min} more min to count as effective',
      pausedHidden: 'Window hidden: timer paused', pausedIdle: 'No activity: timer paused', ended: 'Lesson recorded: {time}, {effective}',
      yes: 'effective', no: 'not yet effective', recordError: 'Lesson record not saved yet: {message}',
      elapsed: 'Elapsed {time}', nextSlide: 'Next slide', notes: 'Notes', black: 'Black screen', waitingBoard: 'Connecting to the classroom display…', undo: 'Undo', clear: 'Clear', closeOverlay: 'Close annotation'
    },
    live: {
      button: 'Interact', title: 'Classroom interaction', network: 'Network students join on', networkAuto: 'Automatic (first LAN address)', open: 'Open class',
      joinAt: 'Students scan, or open in a browser', pin: 'Class PIN', joined: '{n} joined', hide: 'Hide, back to the slide', end: 'End interaction', showJoin: 'How to join',
      launch: 'Ask this question', needClass: 'Open class first; ask once students have joined', abcd: 'ABCD now', tf: 'True/false now',
      answered: 'answered', closeQ: 'Close answers', reveal: 'Reveal answer', back: 'Back to the slide', notYet: 'Not yet answered ({n})', allIn: 'Everyone has answered',
      running: 'answering', ended: 'closed', rate: '{r}% correct', noKey: 'This question has no answer key', remote: 'Phone remote',
      remoteHint: 'Scan with your phone to turn pages, ask, pick names and show photos. Valid 5 minutes, single use.', remoteOn: 'Phone connected',
      picked: 'Random pick: {name}', error: 'Classroom interaction failed: {message}', notBuilt: 'The student page is not built; students will see a minimal page.', photoTitle: 'Document camera'
    }
  }
}
