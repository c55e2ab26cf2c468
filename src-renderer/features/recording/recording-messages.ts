/** The recording's words on the board, Chinese first. */
export const recordingMessages = {
  'zh-CN': {
    rec: {
      button: '录制',
      title: '录制微课',
      quality: '画质',
      q720: '720p（较小）',
      q1080: '1080p（清晰）',
      mic: '麦克风',
      level: '音量',
      noMicOption: '不录声音',
      start: '开始录制',
      cancel: '取消',
      countdown: '{n} 秒后开始录制',
      recording: '录制中',
      pausedState: '已暂停',
      pause: '暂停',
      resume: '继续',
      mute: '静音',
      unmute: '取消静音',
      stop: '停止',
      saving: '正在保存录像…',
      saved: '录像已存入资源库（微课）：{title}，{time}',
      savedRepaired: '录像已存入资源库（微课）：{title}，{time}（结尾几秒可能缺失）',
      close: '关闭',
      trim: '剪辑',
      micDenied: '没有得到使用麦克风的许可，录像将没有声音。可以在系统或浏览器设置中允许后重新录制。',
      micNone: '没有找到麦克风，录像将只有画面，没有声音。',
      micFailed: '麦克风无法打开（{detail}），录像将没有声音。',
      noAac: '这台电脑不提供 AAC 声音编码，声音以 Opus 格式存入 MP4：电脑、安卓手机和新版 iPhone 都能播放。',
      noH264:
        '这台电脑不提供 H.264 视频编码，画面以 VP9 格式存入 MP4：电脑和安卓手机能播放，部分手机和平台可能不支持。',
      noAudioEncoder: '这台电脑没有可用的声音编码器，录像将没有声音。',
      failed: '录制出错，已停止：{message}。已录下的 {time} 已保存，可以在资源库中查看。',
      failedKept: '录制出错，已停止：{message}。已写入的部分会在下次打开时提示修复。',
      cannotStart: '无法开始录制：{message}',
      saveFailed: '录像没有保存：{message}。已写入的部分会在下次打开时提示修复。',
      unfinished: '上次的录像没有正常结束：{title}，可保留 {time}。',
      repair: '修复并保存',
      discard: '删除',
      repaired: '已修复并存入资源库：{title}，{time}'
    }
  },
  en: {
    rec: {
      button: 'Record',
      title: 'Record a micro-lesson',
      quality: 'Quality',
      q720: '720p (smaller)',
      q1080: '1080p (sharper)',
      mic: 'Microphone',
      level: 'Level',
      noMicOption: 'No sound',
      start: 'Start recording',
      cancel: 'Cancel',
      countdown: 'Recording starts in {n} s',
      recording: 'Recording',
      pausedState: 'Paused',
      pause: 'Pause',
      resume: 'Resume',
      mute: 'Mute',
      unmute: 'Unmute',
      stop: 'Stop',
      saving: 'Saving the recording…',
      saved: 'Saved in the library as 微课: {title}, {time}',
      savedRepaired: 'Saved in the library as 微课: {title}, {time} (the last seconds may be missing)',
      close: 'Close',
      trim: 'Trim',
      micDenied:
        'Permission to use the microphone was refused, so the recording has no sound. Allow it in the system or browser settings and record again.',
      micNone: 'No microphone was found, so the recording has picture only, no sound.',
      micFailed: 'The microphone could not be opened ({detail}), so the recording has no sound.',
      noAac:
        'This computer has no AAC sound encoder, so the sound is Opus in the MP4: computers, Android phones and current iPhones play it.',
      noH264:
        'This computer has no H.264 video encoder, so the picture is VP9 in the MP4: computers and Android phones play it; some phones and platforms may not.',
      noAudioEncoder: 'This computer has no usable sound encoder, so the recording has no sound.',
      failed: 'Recording stopped after an error: {message}. The {time} recorded so far is saved in the library.',
      failedKept: 'Recording stopped after an error: {message}. What was written will be offered for repair next time.',
      cannotStart: 'Could not start recording: {message}',
      saveFailed: 'The recording was not saved: {message}. What was written will be offered for repair next time.',
      unfinished: 'The last recording did not end properly: {title}, {time} can be kept.',
      repair: 'Repair and save',
      discard: 'Discard',
      repaired: 'Repaired and saved in the library: {title}, {time}'
    }
  }
}

export function clockText(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}
