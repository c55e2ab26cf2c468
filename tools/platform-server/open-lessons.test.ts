import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import axios, { type AxiosInstance } from 'axios'
import { startPlatformServer, type PlatformServer } from './server'
import { browserSignIn } from './testing'
import { tempDir } from '../../src-main/test-utils/temp-dir'

const CLIENT = { clientId: 'classdeck-desktop', secret: 'classdeck-dev-secret' }
const CHAPTER = 'xx-sx-rj-3a-c8-s1'

describe('公开课 sets on the reference platform', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let http: AxiosInstance

  beforeEach(async () => {
    t = tempDir('platform-ol-')
    server = await startPlatformServer({ dataDir: t.dir, partSize: 64 * 1024 })
    http = axios.create({ baseURL: server.url, validateStatus: () => true })
  })
  afterEach(async () => {
    await server.close()
    t.cleanup()
  })

  async function teacherToken(username = 'wanglihua'): Promise<string> {
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
    expect((await browserSignIn(url, username, 'classdeck')).status).toBe(200)
    loopback.close()
    const res = await http.post('/api/v1/auth/user-token', {
      clientId: CLIENT.clientId,
      code,
      codeVerifier: verifier,
      redirectUri
    })
    return res.data.result.accessToken as string
  }

  const headers = (token: string, key = randomBytes(8).toString('hex')) => ({
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }
  })

  /** One resource through the real init → part → complete protocol. */
  async function upload(token: string, title: string, type: string, chapterId = CHAPTER): Promise<string> {
    const bytes = randomBytes(1000)
    const init = await http.post(
      '/api/v1/resources/uploads',
      { fileName: `${type}.bin`, size: bytes.length },
      headers(token)
    )
    const uploadId = init.data.result.uploadId as string
    await http.put(`/api/v1/resources/uploads/${uploadId}/parts/0`, bytes, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }
    })
    const done = await http.post(
      `/api/v1/resources/uploads/${uploadId}/complete`,
      {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        title,
        type,
        chapterId,
        original: true,
        public: true
      },
      headers(token)
    )
    expect(done.data.success).toBe(true)
    return done.data.result.id as string
  }

  async function members(token: string) {
    return {
      plan: await upload(token, '【区县级公开课】分数的初步认识 教学设计', '教案'),
      ppt: await upload(token, '【区县级公开课】分数的初步认识', '课件'),
      video: await upload(token, '【区县级公开课】分数的初步认识 微课', '微课')
    }
  }

  const body = (m: { plan: string; ppt: string; video?: string }, extra: Record<string, unknown> = {}) => ({
    level: '区县级',
    chapterId: CHAPTER,
    title: '分数的初步认识',
    resources: [
      { resourceId: m.plan, role: '教学设计' },
      { resourceId: m.ppt, role: '课件' },
      ...(m.video ? [{ resourceId: m.video, role: '微课' }] : [])
    ],
    ...extra
  })

  it('groups the teacher’s resources into one set, once for a retried key', async () => {
    const token = await teacherToken()
    const m = await members(token)
    const first = await http.post('/api/v1/open-lessons', body(m), headers(token, 'share-key-0001'))
    expect(first.status).toBe(200)
    const again = await http.post('/api/v1/open-lessons', body(m), headers(token, 'share-key-0001'))
    expect(again.data.result).toEqual(first.data.result)
    const set = first.data.result
    expect(set).toMatchObject({ level: '区县级', chapterId: CHAPTER, ownerName: '王丽华', title: '分数的初步认识' })
    expect(set.resources.map((r: { role: string; resource: { title: string } }) => [r.role, r.resource.title])).toEqual(
      [
        ['教学设计', '【原创】【区县级公开课】分数的初步认识 教学设计'],
        ['课件', '【原创】【区县级公开课】分数的初步认识'],
        ['微课', '【原创】【区县级公开课】分数的初步认识 微课']
      ]
    )
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM open_lessons').get()).toEqual({ n: 1 })
    const read = await http.get(`/api/v1/open-lessons/${set.id}`, headers(token))
    expect(read.data.result).toEqual(set)
    const mine = await http.get('/api/v1/teacher/open-lessons', headers(token))
    expect(mine.data.result.map((s: { id: string }) => s.id)).toEqual([set.id])
  })

  it('refuses a bad set with a specific message and stores nothing', async () => {
    const token = await teacherToken()
    const m = await members(token)
    const other = await teacherToken('lijianguo')
    const theirs = await upload(other, '【区县级公开课】别人的课件', '课件')
    const plainTitle = await upload(token, '分数的初步认识 课件', '课件')
    const elsewhere = await upload(token, '【区县级公开课】另一章的课件', '课件', 'xx-sx-rj-3a-c1-s1')
    const cases: [unknown, RegExp][] = [
      [body(m, { level: '国家级' }), /level/],
      [body(m, { chapterId: 'no-such-chapter' }), /章节 no-such-chapter 不存在/],
      [
        {
          ...body(m),
          resources: [
            { resourceId: m.ppt, role: '课件' },
            { resourceId: m.video, role: '微课' }
          ]
        },
        /至少要有一份教学设计/
      ],
      [body({ plan: m.plan, ppt: theirs }), /不存在或不是您上传的/],
      [body({ plan: m.ppt, ppt: m.plan }), /作为教学设计应为教案/],
      [body({ plan: m.plan, ppt: plainTitle }), /标题应以【区县级公开课】开头/],
      [body({ plan: m.plan, ppt: elsewhere }), /挂在另一个章节上/],
      [body({ plan: m.plan, ppt: m.plan }), /出现了两次/],
      [body(m, { extra: 1 }), /请求参数错误/],
      [[1, 2, 3], /请求参数错误/]
    ]
    for (const [input, message] of cases) {
      const res = await http.post('/api/v1/open-lessons', input, headers(token))
      expect(res.status, JSON.stringify(input)).toBe(400)
      expect(res.data).toMatchObject({ success: false, code: -1 })
      expect(res.data.message).toMatch(message)
    }
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM open_lessons').get()).toEqual({ n: 0 })
    // Malformed JSON, a missing key and no token: answered, and the server still serves.
    const raw = await http.post('/api/v1/open-lessons', '{"level":', {
      headers: { ...headers(token).headers, 'content-type': 'application/json' }
    })
    expect(raw.status).toBe(400)
    const noKey = await http.post('/api/v1/open-lessons', body(m), { headers: { authorization: `Bearer ${token}` } })
    expect(noKey.data.message).toMatch(/Idempotency-Key/)
    expect((await http.post('/api/v1/open-lessons', body(m))).status).toBe(401)
    const ok = await http.post('/api/v1/open-lessons', body(m), headers(token))
    expect(ok.status).toBe(200)
    // A resource belongs to one set: a second set of the same files is refused.
    const twice = await http.post('/api/v1/open-lessons', body(m), headers(token))
    expect(twice.data.message).toMatch(/已属于另一节公开课/)
  })

  it('hides another teacher’s set until all of its resources are public', async () => {
    const token = await teacherToken()
    const m = await members(token)
    const set = (await http.post('/api/v1/open-lessons', body(m), headers(token))).data.result
    const other = await teacherToken('lijianguo')
    expect((await http.get(`/api/v1/open-lessons/${set.id}`, headers(other))).status).toBe(200)
    server.db.prepare('UPDATE resources SET public = 0 WHERE id = ?').run(m.video)
    expect((await http.get(`/api/v1/open-lessons/${set.id}`, headers(other))).status).toBe(404)
    expect((await http.get(`/api/v1/open-lessons/${set.id}`, headers(token))).status).toBe(200)
  })
})
