/** Fonts a Chinese classroom machine has (Windows and common Linux/UOS names); the slide falls back to the app font. */
export const FONTS = [
  '微软雅黑',
  '黑体',
  '宋体',
  '楷体',
  '仿宋',
  'Noto Sans CJK SC',
  'Source Han Serif SC',
  'Arial',
  'Times New Roman'
] as const

/** Sizes offered in points, as PowerPoint's list offers them. */
export const FONT_SIZES = [12, 14, 16, 18, 20, 24, 28, 32, 36, 40, 44, 48, 54, 60, 72, 88, 96] as const
