/**
 * Teacher sign-in for a desktop app (RFC 8252): authorization code + PKCE through the system
 * browser, with the redirect caught by a one-shot HTTP server on 127.0.0.1 and a random port.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../../src-shared/errors'
import { hardenServer, parseRequestUrl } from '../../security/http-guard'
import type { Teacher } from '../../../src-shared/platform/dto'
import type { PlatformClient } from './platform-client'

interface Pending {
  server: Server
  redirectUri: string
  done: Promise<Teacher>
  timer: NodeJS.Timeout
  settle: (err: AppError | null, teacher?: Teacher) => void
}

/** Text for an HTML page: whatever the query string or the platform said is shown, never run. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  )
}

/** What a platform's error says, capped: it is shown to the teacher, not stored. */
const said = (text: string | null): string | null => (text ? [...text].slice(0, 300).join('') : null)

const page = (title: string, text: string) =>
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><body style="font-family:sans-serif;font-size:22px;max-width:560px;margin:80px auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`

export class LoopbackSignIn {
  #pending: Pending | null = null

  constructor(
    private readonly client: PlatformClient,
    /** How long a started sign-in waits for the browser (the platform's code lives 5 minutes). */
    private readonly maxWaitMs = 5 * 60_000
  ) {}

  async start(): Promise<{ authorizeUrl: string; redirectUri: string }> {
    this.cancel()
    const verifier = randomBytes(48).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const state = randomBytes(16).toString('base64url')

    let settle!: Pending['settle']
    const done = new Promise<Teacher>((resolve, reject) => {
      settle = (err, teacher) => (err ? reject(err) : resolve(teacher!))
    })
    done.catch(() => {}) // observed by complete(); never an unhandled rejection

    // Any program on this computer, and any web page through the browser, can reach this port
    // while the sign-in waits: a malformed target (`//[`) is a 400, not an exception.
    const server = createServer((req, res) => {
      const url = parseRequestUrl(req.url)
      if (url?.pathname !== '/callback') {
        res.writeHead(url ? 404 : 400).end()
        return
      }
      const finish = (status: number, title: string, text: string) => {
        res
          .writeHead(status, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store'
          })
          .end(page(title, text))
      }
      if (url.searchParams.get('state') !== state) {
        finish(400, '登录未完成', '这个登录链接已过期或不属于本次登录。请回到 ClassDeck 重新点“登录”。')
        return
      }
      const code = url.searchParams.get('code')
      if (!code) {
        // RFC 6749 §4.1.2.1: `error` is a code, `error_description` the platform's words for it.
        const why =
          said(url.searchParams.get('error_description')) ?? said(url.searchParams.get('error')) ?? '平台没有返回授权码'
        finish(400, '登录未完成', `${why}。请回到 ClassDeck 重新登录。`)
        this.#finish(
          new AppError(
            'UNAUTHORIZED',
            `登录未完成：${why}。请重新登录。`,
            `Sign-in did not finish: ${why}. Please sign in again.`
          )
        )
        return
      }
      this.client.exchangeCode(code, verifier, pending.redirectUri).then(
        (teacher) => {
          finish(200, '登录成功', `${teacher.name}老师，您已登录。可以关闭此页面，回到 ClassDeck。`)
          this.#finish(null, teacher)
        },
        (err: unknown) => {
          const e = AppError.from(err)
          finish(400, '登录失败', `${e.message}`)
          this.#finish(e)
        }
      )
    })
    hardenServer(server)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`
    const timer = setTimeout(
      () =>
        this.#finish(
          new AppError(
            'UNAVAILABLE',
            '登录等待超时：浏览器中的登录没有完成。请重新点“登录”。',
            'Sign-in timed out: the browser sign-in did not finish. Press Sign in again.'
          )
        ),
      this.maxWaitMs
    )
    timer.unref()
    const pending: Pending = { server, redirectUri, done, timer, settle }
    this.#pending = pending

    const u = new URL('/oauth/authorize', this.client.baseUrl)
    u.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.client.clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256'
    }).toString()
    return { authorizeUrl: u.toString(), redirectUri }
  }

  /** Resolves with the teacher once the browser has come back and the code was traded. */
  async complete(timeoutMs: number): Promise<Teacher> {
    const p = this.#pending
    if (!p)
      throw new AppError(
        'NOT_FOUND',
        '没有进行中的登录。请先点“登录”。',
        'No sign-in in progress. Press Sign in first.'
      )
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_r, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'UNAVAILABLE',
              '仍在等待浏览器中的登录，请完成登录后再试。',
              'Still waiting for the browser sign-in; finish it and try again.'
            )
          ),
        timeoutMs
      )
    })
    try {
      return await Promise.race([p.done, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  cancel(): void {
    this.#finish(new AppError('UNAVAILABLE', '登录已取消。', 'Sign-in was cancelled.'))
  }

  #finish(err: AppError | null, teacher?: Teacher): void {
    const p = this.#pending
    if (!p) return
    this.#pending = null
    clearTimeout(p.timer)
    p.server.close()
    // Let the browser receive its "signed in" page before the last connections go.
    setTimeout(() => p.server.closeAllConnections(), 1000).unref()
    p.settle(err, teacher)
  }
}
