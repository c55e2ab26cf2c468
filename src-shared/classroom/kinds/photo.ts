import { pictureKind } from './picture-kind'

export const photo = pictureKind(
  'photo',
  { zh: '拍照作答', en: 'Photo answer' },
  { zh: '这道题请拍照作答', en: 'Answer this question with a photo' },
  '照片'
)
