/**
 * Every refusal a student's device or the phone remote can receive, as AppErrorData with a
 * machine-readable `details.reason`. Chinese first: it is shown to the student as it is.
 */
import { z } from 'zod'
import type { AppErrorData, ErrorCode } from '../errors'

export const RefusalReason = z.enum([
  'pin', // wrong or missing class PIN
  'token', // unknown or expired identity token
  'not-joined', // an event that needs `join` first
  'invalid', // payload failed its schema
  'unknown-event',
  'no-question', // the run does not exist or is not the current one
  'closed', // the question is already closed
  'wrong-kind', // the answer does not suit the question
  'rate', // too many events per second
  'full', // connection cap reached
  'too-large', // upload over its size limit
  'bad-type', // upload of a type we do not take
  'name', // missing or unusable name
  'remote-token', // phone remote token unknown, used or expired
  'second-device', // the student is already in class on another device: the teacher must agree
  'quota', // the student's or the class's photo allowance is used up
  'class-closed',
  'internal'
])
export type RefusalReason = z.infer<typeof RefusalReason>

const TEXT: Record<RefusalReason, [ErrorCode, string, string]> = {
  pin: [
    'UNAUTHORIZED',
    '课堂码不正确，请核对老师屏幕上的 6 位数字后重试',
    'Wrong class PIN; check the 6 digits on the teacher’s screen'
  ],
  token: ['UNAUTHORIZED', '登录已失效，请重新选择你的名字', 'Your sign-in has expired; please pick your name again'],
  'not-joined': ['UNAUTHORIZED', '请先输入课堂码并选择名字', 'Enter the class PIN and pick your name first'],
  invalid: [
    'VALIDATION',
    '提交的内容格式不对，请刷新页面后重试',
    'The data sent was malformed; refresh the page and try again'
  ],
  'unknown-event': ['VALIDATION', '不支持的操作，请刷新页面', 'Unsupported action; refresh the page'],
  'no-question': ['NOT_FOUND', '这道题已经不是当前题目了', 'This is no longer the current question'],
  closed: ['CONFLICT', '本题已结束作答，这次提交没有被记录', 'This question is closed; the answer was not recorded'],
  'wrong-kind': ['VALIDATION', '答案与题型不符', 'The answer does not fit the question'],
  rate: ['LIMIT', '操作太快了，请稍等一秒再试', 'Too many actions; wait a second and try again'],
  full: ['LIMIT', '课堂人数已满，请告诉老师', 'The class is full; tell the teacher'],
  'second-device': [
    'CONFLICT',
    '这个名字已在另一台设备上进入课堂，已请老师确认；老师同意后这台设备会自动进入',
    'This name is already in class on another device; the teacher has been asked, and this device joins once the teacher agrees'
  ],
  quota: ['LIMIT', '照片数量已达上限，请告诉老师', 'The photo allowance is used up; tell the teacher'],
  'too-large': ['LIMIT', '照片太大，请重新拍一张', 'The photo is too large; take another one'],
  'bad-type': ['VALIDATION', '只能上传 JPEG、PNG 或 WebP 照片', 'Only JPEG, PNG or WebP photos can be uploaded'],
  name: ['VALIDATION', '请输入你的名字（1 到 20 个字）', 'Enter your name (1 to 20 characters)'],
  'remote-token': [
    'UNAUTHORIZED',
    '遥控二维码已失效，请在电脑上重新生成',
    'The remote QR code has expired; make a new one on the computer'
  ],
  'class-closed': ['UNAVAILABLE', '老师已经下课，课堂已关闭', 'The teacher has closed the class'],
  internal: [
    'INTERNAL',
    '老师电脑出了点问题，请稍后重试',
    'Something went wrong on the teacher’s computer; try again shortly'
  ]
}

/** A more specific wording of a refusal, in both languages (the English says the same as the Chinese). */
export interface RefusalHint {
  readonly zh: string
  readonly en: string
}

/** The refusal for `reason`; `hint` replaces the generic text where it says more. */
export function refusal(reason: RefusalReason, hint?: RefusalHint): AppErrorData {
  const [code, zh, en] = TEXT[reason]
  return { code, message: hint?.zh ?? zh, messageEn: hint?.en ?? en, details: { reason } }
}

/** Specific wordings used in more than one place. */
export const HINTS = {
  notOnRoster: { zh: '名单里没有这个名字，请重新选择', en: 'That name is not on the class list; pick again' },
  pickFromRoster: { zh: '请在名单中点选你的名字', en: 'Tap your name on the class list' },
  nameTooLong: { zh: '名字最多 20 个字，请改短一些', en: 'A name has at most 20 characters; make it shorter' },
  requestsFull: {
    zh: '等待老师确认的设备太多了，请稍后再试',
    en: 'Too many devices are waiting for the teacher; try again shortly'
  },
  classFull: {
    zh: '课堂人数已满，请告诉老师',
    en: 'The class is full; tell the teacher'
  },
  photoOnSocket: {
    zh: '这道题要交一张图片：拍照题用“拍照上传”，小黑板题画好后点“提交”',
    en: 'This question takes a picture: upload a photo, or draw on the board and tap “Submit”'
  },
  notPhoto: { zh: '这道题不用交图片', en: 'This question does not take a picture' },
  studentPhotos: {
    zh: '你在这节课的照片已达上限，请告诉老师',
    en: 'You have reached the photo limit for this class; tell the teacher'
  },
  classPhotos: {
    zh: '这节课的照片已达上限，请告诉老师',
    en: 'This class has reached its photo limit; tell the teacher'
  },
  deviceRefused: {
    zh: '老师没有同意这台设备进入课堂',
    en: 'The teacher did not let this device into the class'
  },
  deviceReplaced: {
    zh: '另一台设备已用你的名字进入课堂，这台设备已退出',
    en: 'Another device has joined the class under your name; this device has left'
  }
} as const satisfies Record<string, RefusalHint>

export function refusalReasonOf(err: AppErrorData): RefusalReason | null {
  const r = (err.details as { reason?: unknown } | undefined)?.reason
  const parsed = RefusalReason.safeParse(r)
  return parsed.success ? parsed.data : null
}
