/** Words for the classroom tools, local to this feature (zh-CN first; en as the fallback language). */
export const toolsMessages = {
  'zh-CN': {
    tool: {
      pen: '笔', highlighter: '荧光笔', strokeEraser: '擦除整笔', areaEraser: '局部擦除', undo: '撤销', redo: '重做',
      clear: '清屏', replay: '回放', picker: '随机点名', timer: '计时', spotlight: '聚光灯', magnifier: '放大镜',
      curtain: '幕布', scoreboard: '小组PK', whiteboard: '白板', ruler: '直尺', protractor: '量角器', compass: '圆规', screenshot: '截屏成白板', dock: '换位置',
      color: '颜色', width: '粗细', close: '关闭', more: '更多'
    },
    picker: { title: '随机点名', pick: '点名', roster: '名单', lock: '锁定名单', unlock: '解锁', locked: '已锁定', round: '第 {n} 轮', remaining: '本轮还剩 {n} 人', edit: '编辑名单', save: '保存', names: '每行一个名字', absent: '缺席', newRoster: '新名单' },
    timer: { countdown: '倒计时', stopwatch: '秒表', start: '开始', pause: '暂停', reset: '重置', lap: '计次', plusMinute: '+1 分钟', timeUp: '时间到！', minutes: '分钟' },
    score: { title: '小组PK', plus: '+1', minus: '−1', undo: '撤销', reset: '清零', leader: '领先：{names}' },
    curtain: { hint: '拖动幕布边缘逐步揭示' },
    compass: { needle: '圆规针脚（拖动移动）', pencil: '圆规笔尖', radius: '半径 {cm} 厘米', adjust: '调整', draw: '画弧' },
    bg: { plain: '空白', grid: '方格', tianzige: '田字格', 'four-line': '四线三格' }
  },
  en: {
    tool: {
      pen: 'Pen', highlighter: 'Highlighter', strokeEraser: 'Erase stroke', areaEraser: 'Erase area', undo: 'Undo', redo: 'Redo',
      clear: 'Clear', replay: 'Replay', picker: 'Pick a name', timer: 'Timer', spotlight: 'Spotlight', magnifier: 'Magnifier',
      curtain: 'Curtain', scoreboard: 'Team scores', whiteboard: 'Whiteboard', ruler: 'Ruler', protractor: 'Protractor', compass: 'Compass', screenshot: 'Snapshot to whiteboard', dock: 'Move bar',
      color: 'Colour', width: 'Width', close: 'Close', more: 'More'
    },
    picker: { title: 'Pick a name', pick: 'Pick', roster: 'Roster', lock: 'Lock roster', unlock: 'Unlock', locked: 'Locked', round: 'Round {n}', remaining: '{n} left this round', edit: 'Edit roster', save: 'Save', names: 'One name a line', absent: 'Absent', newRoster: 'New roster' },
    timer: { countdown: 'Countdown', stopwatch: 'Stopwatch', start: 'Start', pause: 'Pause', reset: 'Reset', lap: 'Lap', plusMinute: '+1 min', timeUp: "Time's up!", minutes: 'min' },
    score: { title: 'Team scores', plus: '+1', minus: '−1', undo: 'Undo', reset: 'Reset', leader: 'Leading: {names}' },
    curtain: { hint: 'Drag the curtain edge to reveal' },
    compass: { needle: 'Compass needle (drag to move)', pencil: 'Compass pencil', radius: 'Radius {cm} cm', adjust: 'Adjust', draw: 'Draw arc' },
    bg: { plain: 'Plain', grid: 'Grid', tianzige: 'Tianzige', 'four-line': 'Four lines' }
  }
}
