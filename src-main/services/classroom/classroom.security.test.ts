/**
 * Probes of the classroom server by students who do not play fair: taking over a classmate,
 * scanning the phone-remote code, flooding, and protocol corners (issue 13 items 4–6, issue 16).
 * Real Socket.IO clients against the real server on loopback, a real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import {
  LIMITS,
  STUDENT_EVENTS as E,
  type AnswerResult,
  type ClassClosedEvent,
  type JoinDecision,
  type JoinResult,
  type SignedOutEvent
} from '../../../src-shared/classroom/protocol'
import type { QuestionSpecInput } from '../../../src-shared/classroom/question'
import { refusalReasonOf } from '../../../src-shared/classroom/student-errors'
import type { DeviceRequest } from '../../../src-shared/contract/classroom'
import {
  TINY_PNG,
  call,
  classroomKit,
  connected,
  nextEvent,
  ok,
  refusedToConnect,
  until,
  type Kit
} from './classroom-test-kit'

const ABCD: QuestionSpecInput = { kind: 'single', prompt: '1+1=?', options: ['1', '2', '3', '4'], correct: 1 }
const ROSTER = [
  { id: 'r1', name: '张三' },
  { id: 'r2', name: '李四' }
]

let kit: Kit
afterEach(async () => {
  await kit?.cleanup()
})

async function joined(input: { rosterId: string } | { name: string }): Promise<{ s: Socket; j: JoinResult }> {
  const s = kit.student()
  await connected(s)
  return { s, j: await ok<JoinResult>(s, E.join, input) }
}

/** Resolves when the socket is disconnected by the server (not by the client or the network). */
function serverDrop(s: Socket): Promise<string> {
  return new Promise((resolve) => s.once('disconnect', (reason) => resolve(reason)))
}

function remoteSocket(auth: { token: string } | { key: string }): Socket {
  const s = io(kit.url.replace(/\/$/, '') + '/remote', {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false
  })
  kit.sockets.push(s)
  return s
}

describe('classroom security: one student, one device', () => {
  it('refuses a second device for a joined student until the teacher says yes, then signs the first one out', async () => {
    kit = await classroomKit({ roster: ROSTER })
    const requests: DeviceRequest[] = []
    kit.service.onDeviceRequest((r) => requests.push(r))
    const real = await joined({ rosterId: 'r1' })
    const run = kit.launch(ABCD)

    // A classmate taps 张三 on another tablet: nothing is handed over, the teacher is asked.
    const thief = kit.student()
    await connected(thief)
    const tried = await call(thief, E.join, { rosterId: 'r1' })
    expect(!tried.ok && refusalReasonOf(tried.error)).toBe('second-device')
    expect(!tried.ok && tried.error.messageEn).toMatch(/teacher has been asked/)
    await until(() => requests.length === 1)
    expect(requests[0]).toMatchObject({ name: '张三', studentId: real.j.student.id, currentOnline: true })
    expect(kit.service.status().deviceRequests.map((r) => r.requestId)).toEqual([requests[0]!.requestId])
    // Meanwhile the thief is not the student: it cannot answer, and the real tablet still can.
    const sneaky = await call(thief, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 0 } })
    expect(!sneaky.ok && refusalReasonOf(sneaky.error)).toBe('not-joined')
    await ok(real.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })

    // The teacher says yes (say 张三 really changed tablets): the new device is 张三, the old one is out.
    real.s.io.reconnection(false)
    const signedOut = nextEvent<SignedOutEvent>(real.s, E.signedOut)
    const dropped = serverDrop(real.s)
    const decision = nextEvent<JoinDecision>(thief, E.joinDecision)
    const after = kit.service.decideDevice(requests[0]!.requestId, true)
    expect(after.deviceRequests).toEqual([])
    const d = await decision
    expect(d.approved).toBe(true)
    if (!d.approved) return
    expect(d.result.student.id).toBe(real.j.student.id)
    expect(d.result.myAnswer?.answer).toEqual({ kind: 'single', choice: 1 })
    expect((await signedOut).error.messageEn).toMatch(/Another device has joined/)
    expect(await dropped).toBe('io server disconnect')

    // The old token is dead; the new device answers as 张三, and a higher seq than the stored one replaces it.
    const stale = kit.student()
    await connected(stale)
    const rejoin = await call(stale, E.join, { token: real.j.token })
    expect(!rejoin.ok && refusalReasonOf(rejoin.error)).toBe('token')
    const r = await ok<AnswerResult>(thief, E.answer, {
      runId: run.runId,
      seq: 2,
      answer: { kind: 'single', choice: 3 }
    })
    expect(r.duplicate).toBe(false)
  })

  it('lets the teacher refuse a second device, and the first keeps the name', async () => {
    kit = await classroomKit()
    const requests: DeviceRequest[] = []
    kit.service.onDeviceRequest((r) => requests.push(r))
    const real = await joined({ name: '王五' })
    const other = kit.student()
    await connected(other)
    // Same name ignoring width and case: the same student, so it must ask.
    const tried = await call(other, E.join, { name: '王五 ' })
    expect(!tried.ok && refusalReasonOf(tried.error)).toBe('second-device')
    await until(() => requests.length === 1)
    const decision = nextEvent<JoinDecision>(other, E.joinDecision)
    kit.service.decideDevice(requests[0]!.requestId, false)
    const d = await decision
    expect(d.approved).toBe(false)
    if (d.approved) return
    expect(d.error.message).toBe('老师没有同意这台设备进入课堂')
    expect(d.error.messageEn).toBe('The teacher did not let this device into the class')
    expect(() => kit.service.decideDevice(requests[0]!.requestId, true)).toThrow(/已经处理过/)
    await ok(real.s, E.sync)
    const again = await ok<JoinResult>(kit.student(), E.join, { token: real.j.token }).catch(() => null)
    expect(again?.student.id).toBe(real.j.student.id)
  })

  it('drops a waiting request when its device leaves', async () => {
    kit = await classroomKit()
    await joined({ name: '赵六' })
    const other = kit.student()
    await connected(other)
    await call(other, E.join, { name: '赵六' })
    await until(() => kit.service.status().deviceRequests.length === 1)
    other.disconnect()
    await until(() => kit.service.status().deviceRequests.length === 0)
  })

  it('moves a student to a new device with their own token and disconnects the old socket, which can no longer answer', async () => {
    kit = await classroomKit()
    const old = await joined({ name: '小芳' })
    const run = kit.launch(ABCD)
    old.s.io.reconnection(false)
    const dropped = serverDrop(old.s)
    const fresh = kit.student()
    await connected(fresh)
    const j = await ok<JoinResult>(fresh, E.join, { token: old.j.token })
    expect(j.student.id).toBe(old.j.student.id)
    expect(await dropped).toBe('io server disconnect')
    expect(old.s.connected).toBe(false)
    await ok(fresh, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    expect(kit.service.status().students).toEqual([{ id: j.student.id, name: '小芳', online: true }])
  })

  it('keeps one device per student when a session is recovered after a takeover', async () => {
    kit = await classroomKit({ roster: ROSTER })
    const requests: DeviceRequest[] = []
    kit.service.onDeviceRequest((r) => requests.push(r))
    const old = await joined({ rosterId: 'r1' })
    const run = kit.launch(ABCD)
    // The old tablet drops off the Wi-Fi (its session is kept for recovery)…
    old.s.io.reconnection(false)
    const gone = new Promise<void>((r) => old.s.once('disconnect', () => r()))
    old.s.io.engine.close()
    await gone
    // …the student moves to a new tablet with their token…
    const fresh = kit.student()
    await connected(fresh)
    await ok(fresh, E.join, { token: old.j.token })
    // …and the old one comes back within the recovery window holding the same token: like a rejoin
    // with the token, it is the student again and the other tablet is signed out.
    fresh.io.reconnection(false)
    const freshOut = nextEvent<SignedOutEvent>(fresh, E.signedOut)
    old.s.connect()
    await connected(old.s)
    expect(old.s.recovered).toBe(true)
    await freshOut
    await until(() => !fresh.connected) // disconnected by the server: it cannot answer as 张三
    await ok(old.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })

    // Once the teacher lets another device in (new token), a recovered old session speaks for nobody.
    old.s.io.engine.close()
    await until(() => !old.s.connected)
    const third = kit.student()
    await connected(third)
    await call(third, E.join, { rosterId: 'r1' })
    await until(() => requests.length === 1)
    const decision = nextEvent<JoinDecision>(third, E.joinDecision)
    kit.service.decideDevice(requests[0]!.requestId, true)
    await decision
    old.s.connect()
    await connected(old.s)
    expect(old.s.recovered).toBe(true)
    const stale = await call(old.s, E.answer, { runId: run.runId, seq: 10, answer: { kind: 'single', choice: 2 } })
    expect(!stale.ok && refusalReasonOf(stale.error)).toBe('not-joined')
    expect(kit.service.status().students.filter((s) => s.online)).toHaveLength(1)
  })

  it('bounds seq to what a tablet can reach in a lesson, so a forged huge seq cannot lock the answer', async () => {
    kit = await classroomKit()
    const { s } = await joined({ name: '大数' })
    const run = kit.launch(ABCD)
    for (const seq of [Number.MAX_SAFE_INTEGER, LIMITS.maxSeq + 1]) {
      const r = await call(s, E.answer, { runId: run.runId, seq, answer: { kind: 'single', choice: 0 } })
      expect(!r.ok && refusalReasonOf(r.error)).toBe('invalid')
    }
    const top = await ok<AnswerResult>(s, E.answer, {
      runId: run.runId,
      seq: LIMITS.maxSeq,
      answer: { kind: 'single', choice: 1 }
    })
    expect(top.duplicate).toBe(false)
    expect(LIMITS.maxSeq).toBe(100_000)
  })
})

describe('classroom security: the phone-remote code', () => {
  it('expires the pairing code 2 minutes after it was made (server clock)', async () => {
    let now = new Date('2026-12-04T08:00:00Z')
    kit = await classroomKit({}, { now: () => now })
    const early = new URL((await kit.service.remoteToken()).url).hash.slice(3)
    const late = new URL((await kit.service.remoteToken()).url).hash.slice(3)
    now = new Date(now.getTime() + 119_000)
    await nextEvent(remoteSocket({ token: early }), 'paired')
    now = new Date(now.getTime() + 2_000) // 2:01 after the code was made
    expect((await refusedToConnect(remoteSocket({ token: late }))).data?.details).toEqual({ reason: 'remote-token' })
  })
})

describe('classroom security: floods', () => {
  it('caps the sockets one address may hold, and lets a device in once a place is free', async () => {
    kit = await classroomKit({}, { socketsPerAddress: 3 })
    const three = [kit.student(), kit.student(), kit.student()]
    await Promise.all(three.map(connected))
    const fourth = kit.student()
    await refusedToConnect(fourth)
    three[0]!.disconnect()
    await until(() => fourth.connected, 5000)
  })

  it('takes at most the set number of typed-name students', async () => {
    kit = await classroomKit({ maxStudents: 2 })
    await joined({ name: '一' })
    await joined({ name: '二' })
    const s = kit.student()
    await connected(s)
    const third = await call(s, E.join, { name: '三' })
    expect(!third.ok && refusalReasonOf(third.error)).toBe('full')
    expect(!third.ok && third.error.messageEn).toBe('The class is full; tell the teacher')
  })

  it('keeps at most 50 second devices waiting for the teacher', async () => {
    kit = await classroomKit({}, { socketsPerAddress: 200 })
    const names = Array.from({ length: LIMITS.deviceRequests + 1 }, (_, i) => `学生${i}`)
    await Promise.all(names.map((name) => joined({ name })))
    const askers = names.map(() => kit.student())
    await Promise.all(askers.map(connected))
    const answers = await Promise.all(askers.map((s, i) => call(s, E.join, { name: names[i] })))
    const reasons = answers.map((a) => (a.ok ? 'ok' : refusalReasonOf(a.error)))
    expect(reasons.filter((r) => r === 'second-device')).toHaveLength(LIMITS.deviceRequests)
    const over = answers.find((a) => !a.ok && refusalReasonOf(a.error) === 'full')
    expect(over && !over.ok && over.error.messageEn).toBe(
      'Too many devices are waiting for the teacher; try again shortly'
    )
    expect(kit.service.status().deviceRequests).toHaveLength(LIMITS.deviceRequests)
  })

  it('keeps to a photo quota per student and per class, in count and in bytes', async () => {
    kit = await classroomKit(
      {},
      { photoQuota: { perStudent: 2, bytesPerStudent: TINY_PNG.length * 3, perClass: 3, bytesPerClass: 1 << 20 } }
    )
    const a = await joined({ name: '拍照一' })
    const b = await joined({ name: '拍照二' })
    const run = kit.launch({ kind: 'photo', prompt: '拍下你的实验' })
    const upload = async (token: string, seq: number, body = TINY_PNG) => {
      const res = await fetch(`${kit.url}api/student/photo?runId=${run.runId}&seq=${seq}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
        body
      })
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { details?: unknown } } }
    }
    expect((await upload(a.j.token, 1)).status).toBe(200)
    expect((await upload(a.j.token, 2)).status).toBe(200)
    const third = await upload(a.j.token, 3)
    expect(third.status).toBe(403)
    expect(third.body.error?.details).toEqual({ reason: 'quota' })
    // Bytes: a photo larger than what is left of the student's allowance is refused while it uploads.
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(TINY_PNG.length * 3)])
    expect((await upload(b.j.token, 1, big)).body.error?.details).toEqual({ reason: 'quota' })
    expect((await upload(b.j.token, 2)).status).toBe(200)
    // The class's third photo was the last one it may store.
    expect((await upload(b.j.token, 3)).body.error?.details).toEqual({ reason: 'quota' })
  })

  it('never keeps the right PIN out longer than the lock, even while someone at the same address keeps guessing', async () => {
    kit = await classroomKit({}, { pinLockMs: 500 })
    const wrongPin = kit.pin === '123456' ? '654321' : '123456'
    let guessing = true
    const guesser = (async () => {
      while (guessing) {
        const g = kit.student({ pin: wrongPin })
        await refusedToConnect(g).catch(() => undefined)
        g.close()
      }
    })()
    await until(() => kit.sockets.length > 25, 10_000) // well past 20 wrong PINs: the address is locked
    const t0 = performance.now()
    const right = kit.student()
    await connected(right)
    guessing = false
    await guesser
    // It waited for a lock (≤ 500 ms, maybe two back to back), and was not refused.
    expect(performance.now() - t0).toBeLessThan(1500)
    expect(right.connected).toBe(true)
  })
})

describe('classroom security: protocol corners', () => {
  it('tells an answer retried after the question closed that it was recorded', async () => {
    kit = await classroomKit()
    const { s } = await joined({ name: '重发' })
    const run = kit.launch(ABCD)
    const payload = { runId: run.runId, seq: 3, answer: { kind: 'single', choice: 1 } }
    const first = await ok<AnswerResult>(s, E.answer, payload)
    kit.service.closeQuestion(run.runId)
    const retry = await ok<AnswerResult>(s, E.answer, payload)
    expect(retry).toEqual({ ...first, duplicate: true })
    // A new answer is still refused as closed.
    const late = await call(s, E.answer, { ...payload, seq: 4 })
    expect(!late.ok && refusalReasonOf(late.error)).toBe('closed')
    // And after the next question, the retry of the old one still learns it counted.
    kit.launch(ABCD)
    expect((await ok<AnswerResult>(s, E.answer, payload)).duplicate).toBe(true)
  })

  it('answers server → client event names sent by a client with unknown-event', async () => {
    kit = await classroomKit()
    const { s } = await joined({ name: '冒充' })
    for (const ev of [E.question, E.questionClosed, E.reveal, E.classClosed, E.hello, E.joinDecision]) {
      const r = await call(s, ev, {}, 1000)
      expect(!r.ok && refusalReasonOf(r.error)).toBe('unknown-event')
    }
  })

  it('answers the remote’s server → client event names with unknown-event too', async () => {
    kit = await classroomKit()
    const token = new URL((await kit.service.remoteToken()).url).hash.slice(3)
    const phone = remoteSocket({ token })
    await nextEvent(phone, 'paired')
    for (const ev of ['state', 'paired']) {
      const r = (await phone.timeout(1000).emitWithAck(ev, {})) as { ok: boolean; error?: never }
      expect(!r.ok && refusalReasonOf(r.error!)).toBe('unknown-event')
    }
  })

  it('refuses answers with extra fields', async () => {
    kit = await classroomKit()
    const { s } = await joined({ name: '多余' })
    const run = kit.launch(ABCD)
    const r = await call(s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 1, correct: true }
    })
    expect(!r.ok && refusalReasonOf(r.error)).toBe('invalid')
    // Said for this kind, in the words the tablet shows.
    expect(!r.ok && r.error.message).toBe('这是单选题，请选一个选项')
  })

  it('refuses a typed name over 20 characters instead of cutting it', async () => {
    kit = await classroomKit()
    const s = kit.student()
    await connected(s)
    const r = await call(s, E.join, { name: '李'.repeat(21) })
    expect(!r.ok && refusalReasonOf(r.error)).toBe('name')
    expect(!r.ok && r.error.messageEn).toBe('A name has at most 20 characters; make it shorter')
    expect((await ok<JoinResult>(s, E.join, { name: '李'.repeat(20) })).student.name).toBe('李'.repeat(20))
  })

  it('says in English what the Chinese says for roster refusals', async () => {
    kit = await classroomKit({ roster: ROSTER })
    const s = kit.student()
    await connected(s)
    const typed = await call(s, E.join, { name: '外人' })
    expect(!typed.ok && [typed.error.message, typed.error.messageEn]).toEqual([
      '请在名单中点选你的名字',
      'Tap your name on the class list'
    ])
    const missing = await call(s, E.join, { rosterId: 'nobody' })
    expect(!missing.ok && [missing.error.message, missing.error.messageEn]).toEqual([
      '名单里没有这个名字，请重新选择',
      'That name is not on the class list; pick again'
    ])
  })

  it('broadcasts questions only to joined sockets; class:closed says why in a fixed reason', async () => {
    kit = await classroomKit()
    const member = await joined({ name: '在班' })
    const lurker = kit.student()
    await connected(lurker)
    const heard: string[] = []
    lurker.on(E.question, () => heard.push('question'))
    const got = nextEvent(member.s, E.question)
    kit.launch(ABCD)
    await got
    await new Promise((r) => setTimeout(r, 200))
    expect(heard).toEqual([])
    const closed = nextEvent<ClassClosedEvent>(member.s, E.classClosed)
    void kit.service.close()
    expect(await closed).toEqual({
      reason: 'teacher',
      message: '老师已下课',
      messageEn: 'The teacher has ended the class'
    })
  })
})
