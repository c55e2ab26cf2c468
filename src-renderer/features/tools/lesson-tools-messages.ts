/** Messages of the lesson-scoped tools (the countdown's corner badge, 小组PK groups, the big picker). */
export const lessonToolsMessages = {
  'zh-CN': {
    badge: {
      countdown: '倒计时 {time}，点按打开',
      timeUp: '时间到！点按打开计时'
    },
    groups: {
      count: '{n} 个小组',
      fewer: '减少一个小组',
      more: '增加一个小组',
      rename: '点按改组名',
      name: '组名'
    },
    bigPick: {
      open: '全屏点名',
      again: '再点一位',
      close: '关闭全屏点名',
      round: '第 {round} 轮 · 本轮还剩 {remaining} 人'
    }
  },
  en: {
    badge: {
      countdown: 'Countdown {time}, tap to open',
      timeUp: 'Time is up! Tap to open the timer'
    },
    groups: {
      count: '{n} groups',
      fewer: 'One group fewer',
      more: 'One group more',
      rename: 'Tap to rename the group',
      name: 'Group name'
    },
    bigPick: {
      open: 'Full-screen pick',
      again: 'Pick another',
      close: 'Close the full-screen pick',
      round: 'Round {round} · {remaining} left this round'
    }
  }
}
