/**
 * For the sync store and page tests only: a small sync service behind the contract-checked
 * FakeTransport, with rows and status that change as the real service's would (retry puts a
 * failed row back to pending, remove deletes it, claim files it under the signed-in teacher).
 */
import type { SyncItem, SyncStatus } from '../../../src-shared/contract/sync'
import { FakeTransport } from '../../transport/fake-transport'

export const WANG = { id: 't-1001', name: '王丽华' }
export const LI = { id: 't-1002', name: '李建国' }

export const platformError = {
  code: 'FORBIDDEN' as const,
  message: '教育平台拒绝了这项操作：您不是三年级(3)班的任课教师。',
  messageEn: 'The platform refused this: you do not teach 三年级(3)班.'
}

export function row(id: number, over: Partial<SyncItem> = {}): SyncItem {
  return {
    id,
    kind: 'lesson',
    entityId: `s${id}`,
    label: '秒的认识',
    className: '三年级(1)班',
    madeAt: '2026-09-08T00:50:00.000Z',
    teacher: WANG,
    waitingForTeacher: false,
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2026-09-08T01:30:00.000Z',
    sentAt: null,
    progress: null,
    ...over
  }
}

export function syncService(initial: SyncItem[], signedIn: { id: string; name: string } | null = WANG) {
  let items = initial.map((i) => ({ ...i }))
  const status = (): SyncStatus => {
    const mine = items.filter((i) => i.teacher?.id === signedIn?.id)
    const count = (s: SyncItem['state']) => items.filter((i) => i.state === s).length
    const others = items.filter((i) => i.state !== 'sent' && i.teacher?.id !== signedIn?.id)
    const groups = new Map<string, { teacher: { id: string; name: string } | null; count: number }>()
    for (const o of others) {
      const key = o.teacher?.id ?? ''
      groups.set(key, { teacher: o.teacher, count: (groups.get(key)?.count ?? 0) + 1 })
    }
    return {
      phase: !signedIn
        ? 'signed-out'
        : mine.some((i) => i.state === 'failed')
          ? 'failed'
          : mine.some((i) => i.state === 'pending')
            ? 'syncing'
            : others.length
              ? 'waiting'
              : 'idle',
      platformUrl: 'http://127.0.0.1:8787',
      signedIn: signedIn !== null,
      teacher: signedIn ? { ...signedIn, schoolId: 'sch', schoolName: '文渊小学', subjects: ['数学'] } : null,
      counts: { pending: count('pending'), sending: count('sending'), sent: count('sent'), failed: count('failed') },
      waiting: [...groups.values()],
      lastSyncAt: '2026-09-08T02:00:00.000Z',
      lastError: null
    }
  }
  let current = signedIn
  const teachers = () => ({
    teachers: [
      { id: WANG.id, name: WANG.name, schoolName: '文渊小学', lastSignedInAt: '2026-09-08T00:00:00.000Z' },
      { id: LI.id, name: LI.name, schoolName: '文渊小学', lastSignedInAt: '2026-09-07T00:00:00.000Z' }
    ],
    current,
    signedInId: signedIn?.id ?? null
  })
  const fake = new FakeTransport({
    'sync:status': () => status(),
    'sync:items': ({ state }) => items.filter((i) => !state || i.state === state),
    'sync:now': () => status(),
    'sync:retry': ({ id }) => {
      items = items.map((i) =>
        i.state === 'failed' && (id === undefined || i.id === id)
          ? { ...i, state: 'pending', attempts: 0, lastError: null }
          : i
      )
      return status()
    },
    'sync:remove': ({ id }) => {
      items = items.filter((i) => !(i.id === id && i.state === 'failed'))
      return status()
    },
    'sync:claim': ({ id }) => {
      items = items.map((i) =>
        i.teacher === null && (id === undefined || i.id === id)
          ? { ...i, teacher: signedIn, waitingForTeacher: false }
          : i
      )
      return status()
    },
    'sync:teachers': () => teachers(),
    'sync:choose-teacher': ({ teacherId }) => {
      current = [WANG, LI].find((x) => x.id === teacherId) ?? current
      return teachers()
    },
    'sync:classes': ({ refresh }) => ({
      teacher: WANG,
      classes: [
        {
          id: 'c-301',
          name: '三年级(1)班',
          grade: '三年级',
          subject: '数学',
          term: '2026-2027学年第一学期',
          studentCount: 2,
          students: [
            { id: 'st-1', name: '李子轩', studentNo: '01', gender: '男' },
            { id: 'st-2', name: '王欣怡', studentNo: '02', gender: '女' }
          ]
        }
      ],
      fetchedAt: refresh ? '2026-09-08T03:00:00.000Z' : '2026-09-08T00:00:00.000Z',
      fromCache: !refresh,
      staleBecause: null
    })
  })
  return { fake, items: () => items, status }
}
