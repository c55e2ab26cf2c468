export const presenterMessages = {
  'zh-CN': {
    presenter: {
      prev: '上一页', next: '下一页', overview: '总览', end: '下课', fullscreen: '全屏', page: '第 {n} / {total} 页',
      whiteboard: '白板', active: '授课 {time}', effective: '已计为有效授课', remaining: '再上 {min} 分钟计为有效授课',
      pausedHidden: '窗口已隐藏，暂停计时', pausedIdle: '长时间无操作，暂停计时', ended: '本节课已记录：{time}，{effective}',
      yes: '有效授课', no: '未达有效授课', recordError: '授课记录暂未保存：{message}',
      elapsed: '已上课 {time}', nextSlide: '下一页', notes: '备注', black: '黑屏', waitingBoard: '正在连接大屏…', undo: '撤销', clear: '清屏', closeOverlay: '关闭批注'
    }
  },
  en: {
    presenter: {
      prev: 'Previous', next: 'Next', overview: 'Overview', end: 'End lesson', fullscreen: 'Full screen', page: 'Page {n} of {total}',
      whiteboard: 'Whiteboard', active: 'Teaching {time}', effective: 'Counts as an effective lesson', remaining: '{min} more min to count as effective',
      pausedHidden: 'Window hidden: timer paused', pausedIdle: 'No activity: timer paused', ended: 'Lesson recorded: {time}, {effective}',
      yes: 'effective', no: 'not yet effective', recordError: 'Lesson record not saved yet: {message}',
      elapsed: 'Elapsed {time}', nextSlide: 'Next slide', notes: 'Notes', black: 'Black screen', waitingBoard: 'Connecting to the classroom display…', undo: 'Undo', clear: 'Clear', closeOverlay: 'Close annotation'
    }
  }
}
