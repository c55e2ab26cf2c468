import { pictureKind } from './picture-kind'

/**
 * 小黑板: each student draws the answer on the tablet with the board's own ink, and sends the
 * drawing as a picture (PNG) by the same upload as a photo, so its size limit, its quotas, its
 * 413 and the board's gallery are the photo's.
 */
export const drawing = pictureKind(
  'drawing',
  { zh: '小黑板', en: 'Drawing board' },
  { zh: '这道题请在小黑板上画出答案', en: 'Draw your answer on the drawing board' },
  '小黑板'
)
