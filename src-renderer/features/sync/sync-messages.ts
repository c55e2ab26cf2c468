/** The sync centre's own strings (a local vue-i18n scope; the shell's files stay the lead's). */
export const syncMessages = {
  'zh-CN': {
    title: '同步中心',
    platform: '教育平台：{url}',
    signedInAs: '{name}老师（{school}）',
    signedOut: '尚未登录教育平台。登录后，授课记录、答题结果和资源会自动上传。',
    signIn: '登录教育平台',
    openSignIn: '在浏览器中打开登录页',
    waiting: '请在浏览器中完成登录，完成后这里会自动更新……',
    signOut: '退出登录',
    syncNow: '立即同步',
    retryAll: '全部重试',
    retry: '重试',
    phase: {
      stopped: '未启动',
      idle: '已同步',
      syncing: '正在上传',
      offline: '无法连接平台，联网后自动继续',
      'signed-out': '等待登录'
    },
    counts: { pending: '待上传', sending: '上传中', sent: '已上传', failed: '失败' },
    lastSync: '上次同步：{at}',
    never: '尚未同步',
    overall: '总进度',
    empty: '没有需要同步的内容。',
    kinds: {
      lesson: '授课记录',
      'quiz-result': '答题结果',
      'resource-upload': '资源上传',
      'resource-collect': '收藏资源'
    },
    attempts: '已尝试 {n} 次',
    show: { all: '全部', pending: '待上传', failed: '失败', sent: '已上传' }
  },
  en: {
    title: 'Sync centre',
    platform: 'Platform: {url}',
    signedInAs: '{name} ({school})',
    signedOut:
      'Not signed in to the education platform. Once signed in, lessons, quiz results and resources upload by themselves.',
    signIn: 'Sign in to the platform',
    openSignIn: 'Open the sign-in page in the browser',
    waiting: 'Finish signing in in the browser; this page updates by itself…',
    signOut: 'Sign out',
    syncNow: 'Sync now',
    retryAll: 'Retry all',
    retry: 'Retry',
    phase: {
      stopped: 'Not started',
      idle: 'Up to date',
      syncing: 'Uploading',
      offline: 'Platform unreachable; continues when back online',
      'signed-out': 'Waiting for sign-in'
    },
    counts: { pending: 'Pending', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
    lastSync: 'Last sync: {at}',
    never: 'Never synced',
    overall: 'Overall',
    empty: 'Nothing to sync.',
    kinds: {
      lesson: 'Lesson record',
      'quiz-result': 'Quiz result',
      'resource-upload': 'Resource upload',
      'resource-collect': 'Collected resource'
    },
    attempts: '{n} attempt(s)',
    show: { all: 'All', pending: 'Pending', failed: 'Failed', sent: 'Sent' }
  }
}
