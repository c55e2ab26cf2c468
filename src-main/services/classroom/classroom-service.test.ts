import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { io } from 'socket.io-client'
import WebSocket from 'ws'
import { JSDOM } from 'jsdom'
import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  STUDENT_EVENTS as E,
  type AnswerResult,
  type JoinResult,
  type StudentState
} from '../../../src-shared/classroom/protocol'
import type { QuestionSpecInput, StudentQuestion } from '../../../src-shared/classroom/question'
import type { RunTally } from '../../../src-shared/classroom/results'
import { refusalReasonOf } from '../../../src-shared/classroom/student-errors'
import {
  TINY_PNG,
  call,
  classroomKit,
  connected,
  nextEvent,
  ok,
  openStorage,
  refusedToConnect,
  until,
  type Kit
} from './classroom-test-kit'
import { QUIZ_RESULT_KIND } from './run-records'
import { NUDGE_EVENT } from '../../../src-shared/classroom/wire'
import { LessonsService } from '../lessons'
import type { StorageService } from '../storage'
import { ClassroomRepo } from './classroom-repo'
import { ClassroomService } from './classroom-service'
import { readXlsx } from '../../test-utils/xlsx-reader'
import type { AppError } from '../../../src-shared/errors'
import { callInput } from '../../rpc/call-input'

const ABCD: QuestionSpecInput = { kind: 'single', prompt: '1+1=?', options: ['1', '2', '3', '4'], correct: 1 }

let kit: Kit
afterEach(async () => {
  await kit?.cleanup()
})

async function joinAs(name: string): Promise<{ s: ReturnType<Kit['student']>; j: JoinResult }> {
  const s = kit.student()
  await connected(s)
  const j = await ok<JoinResult>(s, E.join, { name })
  return { s, j }
}

async function joinAsRoster(rosterId: string): Promise<ReturnType<Kit['student']>> {
  const s = kit.student()
  await connected(s)
  await ok<JoinResult>(s, E.join, { rosterId })
  return s
}

/** What is durably stored for a run: `answers`, with the answer journal of an open run folded over it. */
function answerRows(runId: string): { student_id: string; seq: number; answer: string }[] {
  return new ClassroomRepo(kit.storage.db)
    .storedAnswers(runId)
    .map((a) => ({ student_id: a.studentId, seq: a.seq, answer: JSON.stringify(a.answer) }))
}

describe('ClassroomService: joining', () => {
  it('refuses a wrong PIN with a Chinese reason, and admits the right one', async () => {
    kit = await classroomKit()
    const wrong = kit.student({ pin: kit.pin === '000000' ? '111111' : '000000' })
    const err = await refusedToConnect(wrong)
    expect(err.data && refusalReasonOf(err.data)).toBe('pin')
    expect(err.data?.message).toMatch(/课堂码不正确/)
    const missing = kit.student({ pin: 'abc' })
    expect((await refusedToConnect(missing)).data?.details).toEqual({ reason: 'pin' })

    const { j } = await joinAs('小明')
    expect(j.student.name).toBe('小明')
    expect(j.token.length).toBeGreaterThanOrEqual(20)
    expect(kit.service.status().students.map((s) => s.name)).toEqual(['小明'])
  })

  it('cleans names and lets students tap their name from the roster', async () => {
    kit = await classroomKit({
      roster: [
        { id: 'r1', name: '张三' },
        { id: 'r2', name: '李四' }
      ]
    })
    const s = kit.student()
    await connected(s)
    const info = await ok<{ roster: { id: string }[] }>(s, E.classInfo)
    expect(info.roster.map((r) => r.id)).toEqual(['r1', 'r2'])
    const typed = await call(s, E.join, { name: '外人' })
    expect(typed.ok).toBe(false)
    const j = await ok<JoinResult>(s, E.join, { rosterId: 'r2' })
    expect(j.student.name).toBe('李四')
    const bad = await call(s, E.join, { rosterId: 'nobody' })
    expect(!bad.ok && refusalReasonOf(bad.error)).toBe('name')
  })

  it('strips control and bidi characters from typed names and refuses an empty one', async () => {
    kit = await classroomKit()
    const { j } = await joinAs('  <b>王\u202e五</b>\u0000  ')
    expect(j.student.name).toBe('<b>王五</b>')
    const s = kit.student()
    await connected(s)
    const empty = await call(s, E.join, { name: '\u200b \u0007' })
    expect(!empty.ok && refusalReasonOf(empty.error)).toBe('name')
  })

  it('refuses events before join and unknown tokens', async () => {
    kit = await classroomKit()
    const s = kit.student()
    await connected(s)
    const early = await call(s, E.sync)
    expect(!early.ok && refusalReasonOf(early.error)).toBe('not-joined')
    const fake = await call(s, E.join, { token: 'x'.repeat(32) })
    expect(!fake.ok && refusalReasonOf(fake.error)).toBe('token')
  })
})

describe('ClassroomService: answers', () => {
  it('commits each answer to SQLite before acknowledging it, and ignores duplicates by seq', async () => {
    kit = await classroomKit()
    const { s, j } = await joinAs('小红')
    const q = nextEvent<StudentQuestion>(s, E.question)
    const run = kit.launch(ABCD)
    expect((await q).runId).toBe(run.runId)
    expect(await q).not.toHaveProperty('correct')

    const first = await ok<AnswerResult>(s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 0 }
    })
    expect(first.duplicate).toBe(false)
    // The ack arrived, so the answer must already be in the file (in the journal while the run is
    // open): read it through another connection.
    const other = new BetterSqlite3(kit.dbFile, { readonly: true })
    expect(new ClassroomRepo(other).storedAnswers(run.runId).map((a) => a.seq)).toEqual([1])
    other.close()

    const again = await ok<AnswerResult>(s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 3 }
    })
    expect(again.duplicate).toBe(true)
    const changed = await ok<AnswerResult>(s, E.answer, {
      runId: run.runId,
      seq: 2,
      answer: { kind: 'single', choice: 1 }
    })
    expect(changed.duplicate).toBe(false)
    const stale = await ok<AnswerResult>(s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 2 }
    })
    expect(stale).toMatchObject({ duplicate: true, seq: 2 })

    const rows = answerRows(run.runId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ student_id: j.student.id, seq: 2 })
    expect(JSON.parse(rows[0]!.answer)).toEqual({ kind: 'single', choice: 1 })
    const results = kit.service.results(run.runId)
    expect(results).toMatchObject({ answered: 1, marked: 1, correct: 1, counts: [0, 1, 0, 0] })

    // Closing the run writes each student's last answer to `answers` and empties its journal.
    kit.service.closeQuestion(run.runId)
    expect(kit.storage.db.prepare('SELECT student_id, seq FROM answers WHERE run_id = ?').all(run.runId)).toEqual([
      { student_id: j.student.id, seq: 2 }
    ])
    expect(kit.storage.db.prepare('SELECT count(*) AS n FROM answer_journal').get()).toEqual({ n: 0 })
    expect(kit.service.results(run.runId)).toMatchObject({ answered: 1, correct: 1, counts: [0, 1, 0, 0] })
  })

  it('acknowledges nothing it could not store: a failed commit is reported and forgotten', async () => {
    kit = await classroomKit()
    const a = await joinAs('一')
    const b = await joinAs('二')
    const run = kit.launch(ABCD)
    // Both answers arrive in one turn and are committed together (group commit).
    const [ra, rb] = await Promise.all([
      ok<AnswerResult>(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 0 } }),
      ok<AnswerResult>(b.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    ])
    expect([ra.duplicate, rb.duplicate]).toEqual([false, false])
    expect(answerRows(run.runId)).toHaveLength(2)
    // The disk goes away (simulated: the answer journal is no longer writable).
    kit.storage.db.exec(
      "CREATE TRIGGER no_more BEFORE INSERT ON answer_journal BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    const failed = await call(a.s, E.answer, { runId: run.runId, seq: 2, answer: { kind: 'single', choice: 3 } })
    expect(!failed.ok && refusalReasonOf(failed.error)).toBe('internal')
    const st = await ok<StudentState>(a.s, E.sync)
    expect(st.myAnswer).toMatchObject({ seq: 1, answer: { choice: 0 } })
  })

  it('refuses answers after the question closes, with a reason the student sees', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('小刚')
    const run = kit.launch({ kind: 'truefalse', prompt: '地球是圆的', correct: true })
    const closed = nextEvent<{ runId: string; reason: string }>(s, E.questionClosed)
    kit.service.closeQuestion(run.runId)
    expect(await closed).toEqual({ runId: run.runId, reason: 'teacher' })
    const late = await call(s, E.answer, { runId: run.runId, seq: 5, answer: { kind: 'truefalse', value: true } })
    expect(late.ok).toBe(false)
    if (!late.ok) {
      expect(refusalReasonOf(late.error)).toBe('closed')
      expect(late.error.message).toBe('本题已结束作答，这次提交没有被记录')
    }
    expect(answerRows(run.runId)).toHaveLength(0)
  })

  it('marks fill-in answers regardless of full-width, case and surrounding spaces', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('甲')
    const run = kit.launch({ kind: 'fillin', prompt: '水的化学式', blanks: [{ accepted: ['H2O', '水'] }] })
    await ok(s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'fillin', texts: ['  ｈ２ｏ '] } })
    expect(kit.service.results(run.runId).rows[0]).toMatchObject({ correct: true, text: '  ｈ２ｏ ' })
  })

  it('refuses answers that do not fit the question kind', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('乙')
    const run = kit.launch(ABCD)
    const wrongKind = await call(s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'truefalse', value: true } })
    expect(!wrongKind.ok && refusalReasonOf(wrongKind.error)).toBe('wrong-kind')
    const outOfRange = await call(s, E.answer, { runId: run.runId, seq: 2, answer: { kind: 'single', choice: 7 } })
    expect(!outOfRange.ok && outOfRange.error.message).toBe('没有这个选项')
    const photoBySocket = await call(s, E.answer, { runId: run.runId, seq: 3, answer: { kind: 'photo', photoId: 'x' } })
    expect(photoBySocket.ok).toBe(false)
  })

  it('ranks buzz-ins by server receive order and lets the first N win', async () => {
    kit = await classroomKit()
    const a = await joinAs('一号')
    const b = await joinAs('二号')
    const c = await joinAs('三号')
    const run = kit.launch({ kind: 'buzz', prompt: '抢答', winners: 2 })
    const ra = await ok<AnswerResult>(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'buzz' } })
    const rb = await ok<AnswerResult>(b.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'buzz' } })
    const rc = await ok<AnswerResult>(c.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'buzz' } })
    const again = await ok<AnswerResult>(a.s, E.answer, { runId: run.runId, seq: 9, answer: { kind: 'buzz' } })
    expect([ra.rank, rb.rank, rc.rank, again.rank]).toEqual([1, 2, 3, 1])
    expect([ra.won, rb.won, rc.won]).toEqual([true, true, false])
    expect(again.duplicate).toBe(true)
    expect(kit.service.results(run.runId).buzz.map((x) => [x.name, x.won])).toEqual([
      ['一号', true],
      ['二号', true],
      ['三号', false]
    ])
  })

  it('counts word-cloud words after normalising them', async () => {
    kit = await classroomKit()
    const a = await joinAs('A')
    const b = await joinAs('B')
    const run = kit.launch({ kind: 'wordcloud', prompt: '春天', maxWords: 2 })
    await ok(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'wordcloud', words: ['花', 'Green'] } })
    await ok(b.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'wordcloud', words: [' 花 ', 'ｇｒｅｅｎ'] } })
    const over = await call(b.s, E.answer, {
      runId: run.runId,
      seq: 2,
      answer: { kind: 'wordcloud', words: ['a', 'b', 'c'] }
    })
    expect(over.ok).toBe(false)
    expect(kit.service.results(run.runId).words).toEqual([
      { word: 'green', count: 2 },
      { word: '花', count: 2 }
    ])
  })

  it('publishes a live tally with names of who has and has not answered', async () => {
    kit = await classroomKit()
    const a = await joinAs('答了')
    await joinAs('没答')
    const tallies: RunTally[] = []
    kit.service.onTally((t) => tallies.push(t))
    const run = kit.launch({ kind: 'poll', prompt: '午饭', options: ['面', '饭'] })
    await ok(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'poll', choices: [1] } })
    await until(() => tallies.some((t) => t.answered === 1))
    const t = tallies.find((x) => x.answered === 1)!
    expect(t.students.filter((x) => x.answered).map((x) => x.name)).toEqual(['答了'])
    expect(t.students.filter((x) => !x.answered).map((x) => x.name)).toEqual(['没答'])
    expect(t.counts).toEqual([0, 1])
  })
})

describe('ClassroomService: reconnects', () => {
  it('keeps the answer across a dropped connection (state recovery) and across a fresh page with the token', async () => {
    kit = await classroomKit()
    const { s, j } = await joinAs('小芳')
    const run = kit.launch(ABCD)
    await ok(s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 2 } })

    // Wi-Fi drop: the transport dies, the client reconnects and the session is recovered.
    const back = new Promise<void>((r) => s.once('connect', () => r()))
    s.io.engine.close()
    await back
    expect(s.recovered).toBe(true)
    const st = await ok<StudentState>(s, E.sync)
    expect(st.myAnswer).toMatchObject({ runId: run.runId, answer: { kind: 'single', choice: 2 } })

    // Refresh / sleep: a brand-new socket rejoins with the stored token.
    s.disconnect()
    const fresh = kit.student()
    await connected(fresh)
    const again = await ok<JoinResult>(fresh, E.join, { token: j.token })
    expect(again.student.id).toBe(j.student.id)
    expect(again.question?.runId).toBe(run.runId)
    expect(again.open).toBe(true)
    expect(again.myAnswer?.answer).toEqual({ kind: 'single', choice: 2 })
    expect(kit.service.status().students).toHaveLength(1)
  })

  it('replays a question broadcast missed while disconnected', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('小龙')
    const seen: string[] = []
    s.on(E.question, (q: StudentQuestion) => seen.push(q.runId))
    // Hold the reconnection until the question has gone out.
    s.io.reconnection(false)
    const gone = new Promise<void>((r) => s.once('disconnect', () => r()))
    s.io.engine.close()
    await gone
    await until(() => kit.service.status().students.every((x) => !x.online))
    const run = kit.launch(ABCD)
    s.connect()
    await connected(s)
    await until(() => seen.includes(run.runId))
    expect(s.recovered).toBe(true)
  })

  it('answers retried after a reconnect are stored once', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('重试')
    const run = kit.launch(ABCD)
    const payload = { runId: run.runId, seq: 7, answer: { kind: 'single', choice: 1 } }
    await ok(s, E.answer, payload)
    s.io.engine.close()
    await connected(s).catch(() => undefined)
    await until(() => s.connected)
    const retry = await ok<AnswerResult>(s, E.answer, payload)
    expect(retry.duplicate).toBe(true)
    expect(answerRows(run.runId)).toHaveLength(1)
  })
})

describe('ClassroomService: a question that cannot be recorded', () => {
  it('sends the tablets nothing, keeps the last question current, and reports the failure', async () => {
    kit = await classroomKit()
    const a = await joinAs('甲')
    const first = kit.launch(ABCD)
    kit.service.closeQuestion(first.runId)
    await nextEvent(a.s, E.questionClosed)
    // The disk refuses the next run's row.
    kit.storage.db.exec(
      "CREATE TRIGGER full_disk BEFORE INSERT ON question_runs BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    const heard: string[] = []
    a.s.onAny((ev: string) => heard.push(ev))
    expect(() => kit.launch({ ...ABCD, prompt: '2+2=?' })).toThrow(/disk full/)
    await new Promise((r) => setTimeout(r, 100))
    expect(heard.filter((ev) => ev !== NUDGE_EVENT)).toEqual([])
    expect(kit.service.live!.tally()?.runId).toBe(first.runId)
    const st = await ok<StudentState>(a.s, E.sync)
    expect(st.question?.runId).toBe(first.runId)
  })
})

describe('ClassroomService: hostile input', () => {
  it('answers malformed payloads with a validation refusal and survives garbage frames', async () => {
    kit = await classroomKit()
    const good = await joinAs('守规矩')
    const run = kit.launch(ABCD)
    const bad = await call(good.s, E.answer, { runId: run.runId, seq: 'x', answer: null })
    expect(!bad.ok && refusalReasonOf(bad.error)).toBe('invalid')
    const extra = await call(good.s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 0 },
      admin: true
    })
    expect(extra.ok).toBe(false)
    const unknown = await call(good.s, 'teacher:launch', { spec: ABCD })
    expect(!unknown.ok && refusalReasonOf(unknown.error)).toBe('unknown-event')

    // Raw engine.io frames that are not valid Socket.IO packets.
    const wsUrl = kit.url.replace('http', 'ws') + 'socket.io/?EIO=4&transport=websocket'
    const raw = new WebSocket(wsUrl)
    const closedRaw = new Promise<void>((r) => raw.once('close', () => r()))
    raw.once('message', () => {
      raw.send('40/student,{"pin":"' + kit.pin + '"}')
      raw.send('42/student,["answer",{"runId":')
      raw.send('4\u0000\u0001garbage')
      raw.send('99999999')
    })
    await closedRaw
    const after = await ok<AnswerResult>(good.s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 1 }
    })
    expect(after.duplicate).toBe(false)
  })

  it('cuts off a socket that sends more than 256 KB, while others keep answering', async () => {
    kit = await classroomKit()
    const big = await joinAs('大包')
    const good = await joinAs('正常')
    const run = kit.launch(ABCD)
    big.s.io.reconnection(false)
    const dropped = new Promise<string>((r) => big.s.once('disconnect', (reason) => r(reason)))
    big.s.emit(E.answer, { runId: run.runId, seq: 1, answer: { kind: 'fillin', texts: ['x'.repeat(300 * 1024)] } })
    expect(await dropped).toMatch(/transport (close|error)/)
    const r = await ok<AnswerResult>(good.s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'single', choice: 1 }
    })
    expect(r.duplicate).toBe(false)
    expect(answerRows(run.runId)).toHaveLength(1)
  })

  it('rate-limits a flooding socket while serving everyone else promptly', async () => {
    kit = await classroomKit()
    const flood = await joinAs('刷屏')
    const others = await Promise.all(['一', '二', '三', '四', '五'].map((n) => joinAs(n)))
    const run = kit.launch(ABCD)
    flood.s.io.reconnection(false)
    const acks: { ok: boolean; reason?: string | null }[] = []
    for (let i = 0; i < 300; i++) {
      flood.s.emit(
        E.answer,
        { runId: run.runId, seq: i, answer: { kind: 'single', choice: i % 4 } },
        (a: { ok: boolean; error?: never }) => acks.push({ ok: a.ok, reason: a.ok ? null : refusalReasonOf(a.error!) })
      )
    }
    const t0 = performance.now()
    const results = await Promise.all(
      others.map((o, i) =>
        ok<AnswerResult>(o.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: i % 4 } })
      )
    )
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(results.every((r) => !r.duplicate)).toBe(true)
    await until(() => acks.length >= 40 + 50 || flood.s.disconnected, 5000)
    const accepted = acks.filter((a) => a.ok).length
    expect(accepted).toBeLessThanOrEqual(45) // burst 40 plus a few refilled tokens
    expect(acks.some((a) => a.reason === 'rate')).toBe(true)
    await until(() => flood.s.disconnected, 5000) // 100 refusals in a row cut it off
    // Everyone else's answer is stored; the flooder has at most its one (it may have been cut
    // off before its accepted events ran, in which case it never got their acks either).
    const stored = answerRows(run.runId).map((r) => r.student_id)
    for (const o of others) expect(stored).toContain(o.j.student.id)
    expect(stored.length).toBeLessThanOrEqual(6)
  })

  it('caps connections and tells the extra device the class is full', async () => {
    kit = await classroomKit({}, { maxConnections: 3 })
    for (let i = 0; i < 3; i++) await joinAs(`s${i}`)
    const extra = kit.student()
    const err = await refusedToConnect(extra)
    expect(err.data && refusalReasonOf(err.data)).toBe('full')
  })

  it('slows down PIN guessing from one address: after 20 wrong PINs even the right one waits for the lock', async () => {
    kit = await classroomKit({}, { pinLockMs: 600 })
    const wrongPin = kit.pin === '123456' ? '654321' : '123456'
    for (let i = 0; i < 20; i++) await refusedToConnect(kit.student({ pin: wrongPin }))
    const t0 = performance.now()
    await connected(kit.student())
    expect(performance.now() - t0).toBeGreaterThanOrEqual(500)
  })
})

describe('ClassroomService: photos over HTTP', () => {
  async function upload(
    token: string,
    runId: string,
    seq: number,
    body: Buffer,
    type = 'image/png'
  ): Promise<{ status: number; json: { ok: boolean; error?: { details?: unknown }; result?: AnswerResult } }> {
    const res = await fetch(`${kit.url}api/student/photo?runId=${runId}&seq=${seq}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body: new Uint8Array(body)
    })
    return { status: res.status, json: (await res.json()) as never }
  }

  it('accepts a photo answer within limits and refuses oversized, mistyped and unauthorised uploads', async () => {
    kit = await classroomKit({}, { photoBytes: 64 * 1024 })
    const { j } = await joinAs('拍照')
    const run = kit.launch({ kind: 'photo', prompt: '拍下你的解题过程' })

    const tooBig = await upload(j.token, run.runId, 1, Buffer.concat([TINY_PNG, Buffer.alloc(70 * 1024)]))
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error?.details).toEqual({ reason: 'too-large' })
    const lying = await upload(j.token, run.runId, 1, Buffer.from('<svg onload=alert(1)>'), 'image/png')
    expect(lying.status).toBe(415)
    const svg = await upload(j.token, run.runId, 1, TINY_PNG, 'image/svg+xml')
    expect(svg.status).toBe(415)
    const noToken = await upload('y'.repeat(32), run.runId, 1, TINY_PNG)
    expect(noToken.status).toBe(401)

    const good = await upload(j.token, run.runId, 1, TINY_PNG)
    expect(good.status).toBe(200)
    expect(good.json.result?.duplicate).toBe(false)
    const dup = await upload(j.token, run.runId, 1, TINY_PNG)
    expect(dup.json.result?.duplicate).toBe(true)

    const results = kit.service.results(run.runId)
    expect(results.photos).toHaveLength(1)
    const photo = kit.service.photo(results.photos[0]!.photoId)
    expect(photo.dataUrl.startsWith('data:image/png;base64,')).toBe(true)

    kit.service.closeQuestion(run.runId)
    const late = await upload(j.token, run.runId, 2, TINY_PNG)
    expect(late.status).toBe(409)
  })

  it('takes a 小黑板 drawing by the same upload as a photo, with its 413, and never over the socket', async () => {
    kit = await classroomKit({}, { photoBytes: 64 * 1024 })
    const { s, j } = await joinAs('画图')
    const run = kit.launch({ kind: 'drawing', prompt: '画出三角形的高' })

    const bySocket = await call(s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'drawing', photoId: 'x' } })
    expect(bySocket.ok).toBe(false)
    const tooBig = await upload(j.token, run.runId, 1, Buffer.concat([TINY_PNG, Buffer.alloc(70 * 1024)]))
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error?.details).toEqual({ reason: 'too-large' })

    const good = await upload(j.token, run.runId, 1, TINY_PNG)
    expect(good.status).toBe(200)
    const results = kit.service.results(run.runId)
    expect(results.photos).toHaveLength(1)
    expect(results.answered).toBe(1)
    expect(kit.service.photo(results.photos[0]!.photoId).dataUrl.startsWith('data:image/png;base64,')).toBe(true)
  })

  it('refuses a picture for a question that is not answered with one', async () => {
    kit = await classroomKit({}, { photoBytes: 64 * 1024 })
    const { j } = await joinAs('选择')
    const run = kit.launch(ABCD)
    const r = await upload(j.token, run.runId, 1, TINY_PNG)
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.json.ok).toBe(false)
    expect(kit.service.results(run.runId).answered).toBe(0)
  })
})

describe('ClassroomService: a question’s pictures', () => {
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
  async function get(path: string, token?: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const res = await fetch(`${kit.url.replace(/\/$/, '')}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {}
    })
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
  }

  it('hands a picture of the current question to joined students only, and nothing else from the store', async () => {
    kit = await classroomKit()
    const media = join(kit.dir, 'media')
    mkdirSync(media, { recursive: true })
    const name = `${sha(TINY_PNG)}.png`
    writeFileSync(join(media, name), TINY_PNG)
    const other = `${'a'.repeat(64)}.png`
    writeFileSync(join(media, other), TINY_PNG)
    const { s, j } = await joinAs('看图')
    const question = nextEvent<{ pictures?: string[] }>(s, E.question)
    const run = kit.launch({ kind: 'single', prompt: '图中是什么？', pictures: [name], options: ['猫', '狗'] })
    expect((await question).pictures).toEqual([name])

    const got = await get(`/api/student/picture/${name}`, j.token)
    expect(got.status).toBe(200)
    expect(got.type).toBe('image/png')
    expect(got.bytes.equals(TINY_PNG)).toBe(true)
    // No token, a file of the store that is not this question's, a path trick: refused.
    expect((await get(`/api/student/picture/${name}`)).status).toBe(401)
    expect((await get(`/api/student/picture/${other}`, j.token)).status).toBe(404)
    expect((await get(`/api/student/picture/..%2Fclassdeck.db`, j.token)).status).toBe(404)
    // The next question has no pictures: the last one's is no longer handed out.
    kit.service.closeQuestion(run.runId)
    kit.launch({ kind: 'truefalse', prompt: '对吗？' })
    expect((await get(`/api/student/picture/${name}`, j.token)).status).toBe(404)
  })

  it('refuses a spec whose picture is not a media name of a format tablets draw', () => {
    return classroomKit().then((k) => {
      kit = k
      expect(() =>
        kit.launch({ kind: 'single', prompt: '？', pictures: ['../../etc/passwd'], options: ['A', 'B'] })
      ).toThrow()
      expect(() =>
        kit.launch({ kind: 'single', prompt: '？', pictures: [`${'b'.repeat(64)}.emf`], options: ['A', 'B'] })
      ).toThrow()
    })
  })
})

/** The lesson a class runs in: quiz results are queued under its class and teacher. */
function startLesson(storage: StorageService, id: string): void {
  new LessonsService({
    storage,
    clock: () => new Date(),
    rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }),
    newId: () => id
  }).start({ classId: 'c-301', className: '三年级(1)班', deckId: 'd-1', deckTitle: '认识钟表', chapterId: null })
}

describe('ClassroomService: records', () => {
  it('brings a run open at a restart back closed with every acknowledged answer kept and queued', async () => {
    kit = await classroomKit({ lessonSessionId: 'lesson-1' })
    startLesson(kit.storage, 'lesson-1')
    const a = await joinAs('甲')
    const b = await joinAs('乙')
    const run = kit.launch(ABCD)
    await ok(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    await ok(b.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 0 } })
    // ClassDeck dies mid-question: the server goes, nothing is closed in the database.
    await kit.service.live!.server!.close()
    kit.storage.close()

    kit.storage = openStorage(kit.dbFile)
    const restarted = kit.reopenService()
    expect(restarted.recoveredRunIds).toEqual([run.runId])
    const r = restarted.results(run.runId)
    expect(r).toMatchObject({
      state: 'closed',
      closeReason: 'restart',
      answered: 2,
      correct: 1,
      lessonSessionId: 'lesson-1'
    })
    const outbox = kit.storage.db.prepare('SELECT kind, entity_id, payload FROM outbox').all() as {
      kind: string
      entity_id: string
      payload: string
    }[]
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ kind: QUIZ_RESULT_KIND, entity_id: run.runId })
    expect(JSON.parse(outbox[0]!.payload).answers).toHaveLength(2)
    // A second start finds nothing left to recover and queues nothing twice.
    expect(kit.reopenService().recoveredRunIds).toEqual([])
    expect(kit.storage.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 })
    kit.service = restarted
  })

  it('keeps journalled answers of an already closed run at the next start instead of leaving them behind', async () => {
    kit = await classroomKit()
    const a = await joinAs('甲')
    const run = kit.launch(ABCD)
    kit.service.closeQuestion(run.runId)
    // Closing empties a run's journal; rows left for a closed run (a crash in an older build, a
    // hand-edited file) are folded at the next start rather than lost.
    const repo = new ClassroomRepo(kit.storage.db)
    kit.storage.transaction(() =>
      repo.appendJournal(run.runId, [
        {
          runId: run.runId,
          studentId: a.j.student.id,
          seq: 1,
          answer: { kind: 'single', choice: 1 },
          correct: true,
          receivedAt: new Date().toISOString(),
          recvOrder: 1
        }
      ])
    )
    kit.reopenService()
    expect(repo.answers(run.runId).map((x) => [x.studentId, x.seq, x.correct])).toEqual([[a.j.student.id, 1, true]])
    expect(repo.journalRunIds()).toEqual([])
  })

  it('queues closed runs with the lesson session, reveals the key to students, and exports CSV per class', async () => {
    kit = await classroomKit({ title: '三年级一班', lessonSessionId: 'L-9' })
    startLesson(kit.storage, 'L-9')
    const a = await joinAs('=HYPERLINK("x")')
    const run = kit.launch(ABCD)
    await ok(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    // Before the reveal a student is not told whether the answer is right.
    expect((await ok<StudentState>(a.s, E.sync)).myAnswer).not.toHaveProperty('correct')
    const revealed = nextEvent<{ runId: string; options: number[] }>(a.s, E.reveal)
    kit.service.reveal(run.runId)
    expect(await revealed).toEqual({ runId: run.runId, options: [1], text: 'B' })
    const st = await ok<StudentState>(a.s, E.sync)
    // After it, the server's own mark: tablets show it instead of marking answers themselves.
    expect(st).toMatchObject({ open: false, revealed: { options: [1] }, myAnswer: { correct: true } })

    const row = kit.storage.db.prepare('SELECT payload FROM outbox WHERE entity_id = ?').get(run.runId) as {
      payload: string
    }
    // The platform's quiz result, filed under the lesson's class, with the letter the student saw.
    expect(JSON.parse(row.payload)).toMatchObject({
      lessonRecordId: 'L-9',
      classId: 'c-301',
      question: { kind: 'single', correctAnswer: 'B' },
      answers: [{ studentName: '=HYPERLINK("x")', answer: 'B', correct: true }]
    })

    const { fileName, csv } = kit.service.exportCsv()
    expect(fileName).toMatch(/三年级一班/)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",B,对,1,1`)
  })

  it('exports a class as an Excel workbook: a sheet of students and a sheet of questions, text kept as text', async () => {
    kit = await classroomKit({
      title: '三年级一班',
      roster: [
        { id: 'r1', name: '=HYPERLINK("x")' },
        { id: 'r2', name: '小红' },
        { id: 'r3', name: '小刚' }
      ]
    })
    const a = await joinAsRoster('r1')
    const b = await joinAsRoster('r2')
    const q1 = kit.launch(ABCD)
    await ok(a, E.answer, { runId: q1.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    await ok(b, E.answer, { runId: q1.runId, seq: 1, answer: { kind: 'single', choice: 2 } })
    kit.service.closeQuestion(q1.runId)
    const q2 = kit.launch({ kind: 'fillin', prompt: '3×4=', blanks: [{ accepted: ['12'] }] })
    await ok(a, E.answer, { runId: q2.runId, seq: 1, answer: { kind: 'fillin', texts: ['１２'] } })
    await kit.service.close()

    // After class, the last class is what gets exported.
    const { fileName, base64 } = kit.service.exportXlsx()
    expect(fileName).toMatch(/^课堂互动_三年级一班_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = readXlsx(Buffer.from(base64, 'base64'))
    expect(Object.keys(book)).toEqual(['学生', '题目'])
    expect(book['学生']).toEqual([
      ['学生', '第1题 1+1=?', '第1题 正误', '第2题 3×4=', '第2题 正误', '答对', '可判题数'],
      ['=HYPERLINK("x")', 'B', '对', '１２', '对', 2, 2],
      ['小红', 'C', '错', null, null, 0, 1],
      ['小刚', null, null, null, null, 0, 0]
    ])
    const questions = book['题目']!
    expect(questions[0]).toEqual([
      '序号',
      '题目',
      '题型',
      '作答人数',
      '全班人数',
      '答对人数',
      '正确率(%)',
      '开始时间',
      '结束时间'
    ])
    expect(questions.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [1, '1+1=?', '单选题', 2, 3, 1, 50],
      [2, '3×4=', '填空题', 1, 3, 1, 100]
    ])
    expect(String(questions[1]![7])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })

  it('refuses to export when no class was ever held, with a reason in Chinese and in English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classdeck-noclass-'))
    const storage = openStorage(join(dir, 'classdeck.db'))
    try {
      const service = new ClassroomService({
        storage,
        settings: { get: () => ({ classroomPort: 0 }) },
        dataDir: dir,
        pagesDir: null
      })
      let err: AppError | null = null
      try {
        service.exportXlsx()
      } catch (e) {
        err = e as AppError
      }
      expect(err?.toData()).toMatchObject({
        code: 'NOT_FOUND',
        message: '还没有可导出的课堂记录',
        messageEn: 'No class to export yet'
      })
    } finally {
      storage.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('closes the open run when the class closes and stops the server', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('丙')
    const run = kit.launch(ABCD)
    const bye = nextEvent(s, E.classClosed)
    const status = await kit.service.close()
    await bye
    expect(status.open).toBe(false)
    expect(kit.service.results(run.runId)).toMatchObject({ state: 'closed', closeReason: 'class-closed' })
    const res = await fetch(`${kit.url}api/health`).catch((e: Error) => e)
    expect(res).toBeInstanceOf(Error)
  })
})

describe('ClassroomService: server and remote', () => {
  it('serves the fallback student page when the pages are not built and nothing outside them', async () => {
    kit = await classroomKit()
    const page = await fetch(kit.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/加入课堂/)
    expect((await fetch(`${kit.url}assets/../../etc/passwd`)).status).toBe(404)
    expect((await fetch(`${kit.url}index.js`)).status).toBe(404)
    expect(kit.service.status().qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(kit.service.status().pin).toMatch(/^\d{6}$/)
  })

  it('lets a student join and answer from the built-in page in a DOM, over the real server', async () => {
    kit = await classroomKit()
    const dom = await JSDOM.fromURL(`${kit.url}?pin=${kit.pin}`, {
      runScripts: 'dangerously',
      resources: 'usable',
      pretendToBeVisual: true
    })
    const d = dom.window.document
    await new Promise((r) => dom.window.addEventListener('load', r))
    ;(d.getElementById('name') as HTMLInputElement).value = '网页学生'
    ;(d.getElementById('go') as HTMLButtonElement).click()
    await until(() => kit.service.status().students.length === 1, 5000)
    const run = kit.launch({ kind: 'single', prompt: '选 B', options: ['a', 'b'] })
    await until(() => d.querySelectorAll('#opts button').length === 2, 5000)
    ;(d.querySelectorAll('#opts button')[1] as HTMLButtonElement).click()
    await until(() => kit.service.results(run.runId).answered === 1, 5000)
    expect(kit.service.results(run.runId).rows[0]).toMatchObject({ name: '网页学生', text: 'B' })
    dom.window.close()
  })

  it('serves the built pages and their assets with a strict content policy, and never the teacher app', async () => {
    const built = mkdtempSync(join(tmpdir(), 'classdeck-pages-'))
    mkdirSync(join(built, 'assets'))
    writeFileSync(join(built, 'student.html'), '<!doctype html><script type="module" src="./assets/s.js"></script>')
    writeFileSync(join(built, 'assets', 's.js'), 'console.log(1)')
    writeFileSync(join(built, 'index.html'), 'teacher app')
    kit = await classroomKit({}, { pagesDir: built })
    const page = await fetch(kit.url)
    expect(await page.text()).toMatch(/assets\/s\.js/)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const asset = await fetch(`${kit.url}assets/s.js`)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(await (await fetch(`${kit.url}index.html`)).text()).not.toBe('teacher app')
    expect(kit.service.status().pagesBuilt).toBe(true)
    rmSync(built, { recursive: true, force: true })
  })

  it('finds a free port when the configured one is taken', async () => {
    kit = await classroomKit()
    const busyPort = kit.service.status().port!
    const other = new ClassroomService({
      storage: kit.storage,
      settings: { get: () => ({ classroomPort: busyPort }) },
      dataDir: kit.dir,
      pagesDir: null,
      interfaces: () => [{ name: 'lo', address: '127.0.0.1', internal: true }]
    })
    const st = await other.open(callInput('classroom:open', { host: '127.0.0.1' }))
    expect(st.port).not.toBe(busyPort)
    await other.dispose()
  })

  it('pairs the phone remote with a one-time token that expires, and carries its commands', async () => {
    let now = new Date('2026-11-25T08:00:00Z')
    kit = await classroomKit({}, { now: () => now })
    const { url } = await kit.service.remoteToken()
    const token = new URL(url).hash.slice(3)
    const remoteUrl = kit.url.replace(/\/$/, '') + '/remote'
    const phone = io(remoteUrl, { auth: { token }, transports: ['websocket'], forceNew: true })
    kit.sockets.push(phone)
    const paired = await nextEvent<{ key: string }>(phone, 'paired')
    const remoteEvents: string[] = []
    kit.service.onRemote((e) => remoteEvents.push(e.action))
    // Before anyone joins, a pick still reaches the board (which picks from the lesson's roster).
    const early = (await phone.timeout(2000).emitWithAck('command', { action: 'random-pick' })) as {
      ok: boolean
      result: Record<string, unknown>
    }
    expect(early).toEqual({ ok: true, result: { action: 'random-pick' } })
    await joinAs('被点名')
    // The server never picks a name of its own: the phone shows the one the board's picker chose.
    const pick = (await phone.timeout(2000).emitWithAck('command', { action: 'random-pick' })) as {
      ok: boolean
      result: Record<string, unknown>
    }
    expect(pick.result).toEqual({ action: 'random-pick' })
    const shown = new Promise<{ picked: { name: string } | null }>((resolve) =>
      phone.on('state', (st: { picked: { name: string } | null }) => st.picked && resolve(st))
    )
    expect(kit.service.boardPicked('孙八')).toEqual({ ok: true })
    expect((await shown).picked).toMatchObject({ name: '孙八' })
    await phone.timeout(2000).emitWithAck('command', { action: 'launch-abcd' })
    expect(kit.service.status().currentRunId).not.toBeNull()
    expect(remoteEvents).toEqual(['random-pick', 'random-pick', 'launch-abcd'])

    const reuse = io(remoteUrl, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false })
    kit.sockets.push(reuse)
    expect((await refusedToConnect(reuse)).data?.details).toEqual({ reason: 'remote-token' })
    const withKey = io(remoteUrl, { auth: { key: paired.key }, transports: ['websocket'], forceNew: true })
    kit.sockets.push(withKey)
    await connected(withKey)

    const late = await kit.service.remoteToken()
    now = new Date(now.getTime() + 6 * 60_000)
    const expired = io(remoteUrl, {
      auth: { token: new URL(late.url).hash.slice(3) },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false
    })
    kit.sockets.push(expired)
    expect((await refusedToConnect(expired)).data?.details).toEqual({ reason: 'remote-token' })

    // Pairing another phone retires the first one: the teacher can always take the remote back.
    const again = await kit.service.remoteToken()
    const teacherPhone = io(remoteUrl, {
      auth: { token: new URL(again.url).hash.slice(3) },
      transports: ['websocket'],
      forceNew: true
    })
    kit.sockets.push(teacherPhone)
    await nextEvent<{ key: string }>(teacherPhone, 'paired')
    const retired = (await phone
      .timeout(2000)
      .emitWithAck('command', { action: 'next-slide' })
      .catch(() => ({ ok: false }))) as { ok: boolean }
    expect(retired.ok).toBe(false)
    const current = (await teacherPhone.timeout(2000).emitWithAck('command', { action: 'next-slide' })) as {
      ok: boolean
    }
    expect(current.ok).toBe(true)

    // The student namespace never accepts teacher commands.
    const student = kit.student()
    await connected(student)
    const sneaky = await call(student, 'command', { action: 'launch-abcd' })
    expect(sneaky.ok).toBe(false)
  })
})
