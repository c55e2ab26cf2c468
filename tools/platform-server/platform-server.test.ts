import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import axios, { type AxiosInstance } from 'axios'
import { startPlatformServer, type PlatformServer } from './server'
import { browserSignIn } from './testing'
import { tempDir } from '../../src-main/test-utils/temp-dir'

const CLIENT = { clientId: 'classdeck-desktop', secret: 'classdeck-dev-secret' }

describe('reference platform server', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let http: AxiosInstance
  let clock = Date.now()

  beforeEach(async () => {
    t = tempDir('platform-test-')
    clock = Date.now()
    server = await startPlatformServer({ dataDir: t.dir, now: () => clock, partSize: 64 * 1024 })
    http = axios.create({ baseURL: server.url, validateStatus: () => true })
  })
  afterEach(async () => {
    await server.close()
    t.cleanup()
  })

  /** Runs the whole authorization-code + PKCE flow through the real sign-in page. */
  async function teacherToken(username = 'wanglihua'): Promise<{ accessToken: string; refreshToken: string }> {
    const verifier = randomBytes(32).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    let code = ''
    const loopback = createServer((req, res) => {
      code = new URL(req.url!, 'http://127.0.0.1').searchParams.get('code') ?? ''
      res.end('ok')
    })
    await new Promise<void>((r) => loopback.listen(0, '127.0.0.1', r))
    const redirectUri = `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/callback`
    const url = `${server.url}/oauth/authorize?response_type=code&client_id=${CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=s1&code_challenge=${challenge}&code_challenge_method=S256`
    const signed = await browserSignIn(url, username, 'classdeck')
    loopback.close()
    expect(signed.status).toBe(200)
    const res = await http.post('/api/v1/auth/user-token', {
      clientId: CLIENT.clientId,
      code,
      codeVerifier: verifier,
      redirectUri
    })
    expect(res.data.success).toBe(true)
    return res.data.result
  }

  const lesson = (id: string, extra: Record<string, unknown> = {}) => ({
    clientRecordId: id,
    classId: 'c-301',
    chapterId: 'xx-sx-rj-3a-c1-s1',
    title: '秒的认识',
    startedAt: '2026-09-08T00:50:00.000Z',
    endedAt: '2026-09-08T01:30:00.000Z',
    activeSeconds: 1900,
    usedClassroomDisplay: true,
    ...extra
  })

  it('refuses a quiz result that files an answer under a student of another class', async () => {
    const { accessToken } = await teacherToken()
    const auth = (key: string) => ({ headers: { authorization: `Bearer ${accessToken}`, 'idempotency-key': key } })
    const students = (await http.get('/api/v1/classes/c-301/students', auth('x'.repeat(8)))).data.result as {
      id: string
      name: string
    }[]
    const elsewhere = (await http.get('/api/v1/classes/c-302/students', auth('y'.repeat(8)))).data.result as {
      id: string
      name: string
    }[]
    const result = (answers: unknown[]) => ({
      clientResultId: 'qr-roster',
      classId: 'c-301',
      question: { stem: '1 分 = ( ) 秒', kind: 'single', correctAnswer: 'B' },
      startedAt: '2026-09-08T01:00:00.000Z',
      closedAt: '2026-09-08T01:01:00.000Z',
      answers
    })
    const bad = await http.post(
      '/api/v1/quiz-results',
      result([{ studentId: elsewhere[0]!.id, studentName: elsewhere[0]!.name, answer: 'B', correct: true }]),
      auth('quiz-roster-1')
    )
    expect(bad.status).toBe(400)
    expect(bad.data.message).toContain('不在该班级的学生名单上')
    expect(server.stats().quizResults).toBe(0)
    const good = await http.post(
      '/api/v1/quiz-results',
      result([
        { studentId: students[0]!.id, studentName: students[0]!.name, answer: 'B', correct: true },
        { studentName: '临时来的同学', answer: 'C', correct: false }
      ]),
      auth('quiz-roster-2')
    )
    expect(good.data).toMatchObject({ success: true, result: { answeredCount: 2, correctCount: 1 } })
  })

  it('answers in the platform envelope, with -100 for a missing or unknown token', async () => {
    const ping = await http.get('/api/v1/ping')
    expect(ping.data).toMatchObject({ success: true, result: { time: expect.any(String) } })
    const res = await http.get('/api/v1/catalogue', { headers: { authorization: 'Bearer nope' } })
    expect(res.status).toBe(401)
    expect(res.data).toEqual({ success: false, code: -100, message: expect.stringContaining('令牌') })
  })

  it('invalidates the previous app token when a new one is issued', async () => {
    const a = (await http.post('/api/v1/auth/app-token', CLIENT)).data.result.accessToken
    const b = (await http.post('/api/v1/auth/app-token', CLIENT)).data.result.accessToken
    expect((await http.get('/api/v1/catalogue', { headers: { authorization: `Bearer ${a}` } })).data.code).toBe(-100)
    const ok = await http.get('/api/v1/catalogue', { headers: { authorization: `Bearer ${b}` } })
    expect(ok.data.success).toBe(true)
    const names = ok.data.result.nodes
      .filter((n: { parentId: string }) => n.parentId === 'xx-sx-rj-3a')
      .map((n: { name: string }) => n.name)
    expect(names).toContain('8 分数的初步认识')
    expect(names).toHaveLength(10)
  })

  it('refuses a wrong secret with -9997', async () => {
    const res = await http.post('/api/v1/auth/app-token', { ...CLIENT, secret: 'wrong' })
    expect(res.data).toMatchObject({ success: false, code: -9997 })
  })

  it('signs a teacher in with authorization code + PKCE, and a code works only once', async () => {
    const tok = await teacherToken()
    const me = await http.get('/api/v1/teacher/me', { headers: { authorization: `Bearer ${tok.accessToken}` } })
    expect(me.data.result).toMatchObject({ name: '王丽华', schoolName: '杭州市西湖区文渊小学' })
    const classes = await http.get('/api/v1/teacher/classes', {
      headers: { authorization: `Bearer ${tok.accessToken}` }
    })
    expect(classes.data.result.map((c: { name: string }) => c.name)).toEqual(['三年级(1)班', '三年级(2)班'])
    const roster = await http.get('/api/v1/classes/c-301/students', {
      headers: { authorization: `Bearer ${tok.accessToken}` }
    })
    expect(roster.data.result).toHaveLength(42)
    expect(roster.data.result[0].name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/)
    const other = await http.get('/api/v1/classes/c-303/students', {
      headers: { authorization: `Bearer ${tok.accessToken}` }
    })
    expect(other.status).toBe(403)
    expect(other.data.code).toBe(-9997)
  })

  it('rejects a wrong PKCE verifier and a non-loopback redirect', async () => {
    const bad = await http.get('/oauth/authorize', {
      params: {
        response_type: 'code',
        client_id: CLIENT.clientId,
        redirect_uri: 'https://evil.example/cb',
        state: 's',
        code_challenge: 'x',
        code_challenge_method: 'S256'
      }
    })
    expect(bad.status).toBe(400)
    expect(bad.data).toContain('回环')
    const res = await http.post('/api/v1/auth/user-token', {
      clientId: CLIENT.clientId,
      code: 'nope',
      codeVerifier: 'v'.repeat(43),
      redirectUri: 'http://127.0.0.1:1/cb'
    })
    expect(res.data).toMatchObject({ success: false, code: -101 })
  })

  it('rotates teacher tokens on refresh: the old pair stops working', async () => {
    const tok = await teacherToken()
    const next = (
      await http.post('/api/v1/auth/refresh', { clientId: CLIENT.clientId, refreshToken: tok.refreshToken })
    ).data.result
    expect(
      (await http.get('/api/v1/teacher/me', { headers: { authorization: `Bearer ${tok.accessToken}` } })).data.code
    ).toBe(-100)
    expect(
      (await http.post('/api/v1/auth/refresh', { clientId: CLIENT.clientId, refreshToken: tok.refreshToken })).data.code
    ).toBe(-101)
    expect(
      (await http.get('/api/v1/teacher/me', { headers: { authorization: `Bearer ${next.accessToken}` } })).data.success
    ).toBe(true)
    expect(server.stats().refreshes).toBe(1)
  })

  it('expires tokens after two hours of (injected) time, and on command', async () => {
    const tok = await teacherToken()
    const auth = { headers: { authorization: `Bearer ${tok.accessToken}` } }
    clock += 7199_000
    expect((await http.get('/api/v1/teacher/me', auth)).data.success).toBe(true)
    clock += 2_000
    expect((await http.get('/api/v1/teacher/me', auth)).data.code).toBe(-100)
    const again = await teacherToken()
    expect(server.faults.expireTokens()).toBeGreaterThanOrEqual(1)
    expect(
      (await http.get('/api/v1/teacher/me', { headers: { authorization: `Bearer ${again.accessToken}` } })).data.code
    ).toBe(-100)
  })

  it('counts a lesson once for a repeated Idempotency-Key and returns the first answer', async () => {
    const tok = await teacherToken()
    const h = { authorization: `Bearer ${tok.accessToken}`, 'idempotency-key': 'key-lesson-0001' }
    const first = await http.post('/api/v1/lesson-records', lesson('L1'), { headers: h })
    const second = await http.post('/api/v1/lesson-records', lesson('L1'), { headers: h })
    expect(first.data.result.counted).toBe(true)
    expect(second.data).toEqual(first.data)
    const conflict = await http.post('/api/v1/lesson-records', lesson('L1', { title: '别的课' }), { headers: h })
    expect(conflict.status).toBe(409)
    expect(conflict.data.code).toBe(-409)
    const noKey = await http.post('/api/v1/lesson-records', lesson('L2'), {
      headers: { authorization: h.authorization }
    })
    expect(noKey.data.code).toBe(-1)
    expect(server.stats().lessonRecords).toBe(1)
  })

  it('refuses a lesson for a class the teacher does not teach as a permanent -9997', async () => {
    const tok = await teacherToken()
    const res = await http.post('/api/v1/lesson-records', lesson('L9', { classId: 'c-303' }), {
      headers: { authorization: `Bearer ${tok.accessToken}`, 'idempotency-key': 'key-lesson-0009' }
    })
    expect(res.status).toBe(403)
    expect(res.data.message).toContain('三年级(3)班')
  })

  it('fails, rate-limits and slows requests on command', async () => {
    server.faults.failNext(2, { path: '/api/v1/ping' })
    expect((await http.get('/api/v1/ping')).status).toBe(500)
    expect((await http.get('/api/v1/ping')).data.code).toBe(-9998)
    expect((await http.get('/api/v1/ping')).status).toBe(200)
    server.faults.rateLimit(1, 3)
    const limited = await http.get('/api/v1/ping')
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('3')
    server.faults.slow(300, { count: 1 })
    const started = Date.now()
    await http.get('/api/v1/ping')
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
  })

  it('cuts a response mid-body after processing the request, so a retry with the same key counts once', async () => {
    const tok = await teacherToken()
    const h = { authorization: `Bearer ${tok.accessToken}`, 'idempotency-key': 'key-lesson-cut1' }
    server.faults.cutNext(1, { path: '/api/v1/lesson-records' })
    await expect(http.post('/api/v1/lesson-records', lesson('L3'), { headers: h })).rejects.toThrow()
    expect(server.stats().lessonRecords).toBe(1)
    const retry = await http.post('/api/v1/lesson-records', lesson('L3'), { headers: h })
    expect(retry.data.success).toBe(true)
    expect(server.stats().lessonRecords).toBe(1)
  })

  it('uploads in parts, resumes from the parts it holds, and checks the sha256', async () => {
    const tok = await teacherToken()
    const auth = { authorization: `Bearer ${tok.accessToken}` }
    const file = randomBytes(64 * 1024 * 3 + 1000)
    const sha = createHash('sha256').update(file).digest('hex')
    const init = (
      await http.post(
        '/api/v1/resources/uploads',
        { fileName: '分数的初步认识.pptx', size: file.length },
        { headers: { ...auth, 'idempotency-key': 'key-up-0001' } }
      )
    ).data.result
    expect(init.partCount).toBe(4)
    const put = (n: number) =>
      http.put(
        `/api/v1/resources/uploads/${init.uploadId}/parts/${n}`,
        file.subarray(n * init.partSize, (n + 1) * init.partSize),
        {
          headers: {
            ...auth,
            'content-type': 'application/octet-stream',
            'x-part-sha256': createHash('sha256')
              .update(file.subarray(n * init.partSize, (n + 1) * init.partSize))
              .digest('hex')
          }
        }
      )
    await put(0)
    server.faults.cutNext(1, { phase: 'request', path: '/api/v1/resources/uploads/' })
    await expect(put(1)).rejects.toThrow()
    const status = (await http.get(`/api/v1/resources/uploads/${init.uploadId}`, { headers: auth })).data.result
    expect(status.receivedParts).toEqual([0])
    for (const n of [3, 1, 2]) expect((await put(n)).data.success).toBe(true)
    const meta = { title: '分数的初步认识', type: '课件', chapterId: 'xx-sx-rj-3a-c8', original: true, public: true }
    const wrong = await http.post(
      `/api/v1/resources/uploads/${init.uploadId}/complete`,
      { ...meta, sha256: '0'.repeat(64) },
      { headers: { ...auth, 'idempotency-key': 'key-done-bad' } }
    )
    expect(wrong.data.message).toContain('校验失败')
    const done = await http.post(
      `/api/v1/resources/uploads/${init.uploadId}/complete`,
      { ...meta, sha256: sha },
      { headers: { ...auth, 'idempotency-key': 'key-done-0001' } }
    )
    expect(done.data.result).toMatchObject({ title: '【原创】分数的初步认识', sha256: sha, size: file.length })
    const content = await http.get(`/api/v1/resources/${done.data.result.id}/content`, {
      headers: auth,
      responseType: 'arraybuffer'
    })
    expect(Buffer.from(content.data).equals(file)).toBe(true)
    const tail = await http.get(`/api/v1/resources/${done.data.result.id}/content`, {
      headers: { ...auth, range: 'bytes=100-' },
      responseType: 'arraybuffer'
    })
    expect(tail.status).toBe(206)
    expect(Buffer.from(tail.data).equals(file.subarray(100))).toBe(true)
    const found = await http.get('/api/v1/resources', {
      headers: auth,
      params: { chapterId: 'xx-sx-rj-3a-c8', q: '分数' }
    })
    expect(found.data.result.total).toBe(1)
  })
})
