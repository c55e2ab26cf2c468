/**
 * The sign-in's callback page shows what arrived in its query string (the platform's error and
 * its description). Anyone can send the teacher's browser to that page with any query, so what
 * it shows must come back as text, never as markup.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LoopbackSignIn, escapeHtml } from './loopback-sign-in'
import { PlatformClient } from './platform-client'
import { MemoryTokenStore } from './token-store'
import { AppError } from '../../../src-shared/errors'

const SCRIPT = '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">'

describe('the sign-in callback page', () => {
  let signIn: LoopbackSignIn
  let client: PlatformClient
  beforeEach(() => {
    client = new PlatformClient({
      baseUrl: () => 'http://127.0.0.1:9',
      clientId: 'classdeck-desktop',
      secret: 's',
      tokens: new MemoryTokenStore()
    })
    signIn = new LoopbackSignIn(client)
  })
  afterEach(() => {
    signIn.cancel()
    client.dispose()
  })

  async function callback(params: Record<string, string>): Promise<{ res: Response; body: string; err: AppError }> {
    const { authorizeUrl, redirectUri } = await signIn.start()
    const state = new URL(authorizeUrl).searchParams.get('state')!
    const done = signIn.complete(5_000).then(
      () => {
        throw new Error('expected the sign-in to fail')
      },
      (e: unknown) => AppError.from(e)
    )
    const res = await fetch(`${redirectUri}?${new URLSearchParams({ state, ...params })}`)
    return { res, body: await res.text(), err: await done }
  }

  it('shows a hostile error_description as inert text', async () => {
    const { res, body, err } = await callback({ error: 'access_denied', error_description: SCRIPT })
    expect(res.status).toBe(400)
    expect(body).not.toContain('<script>')
    expect(body).not.toContain('<img')
    expect(body).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    // The app shows the reason as text (Vue escapes it); it reaches the teacher whole.
    expect(err.code).toBe('UNAUTHORIZED')
    expect(err.messageEn).toContain(SCRIPT)
  })

  it('shows a hostile error code as inert text', async () => {
    const { body } = await callback({ error: SCRIPT })
    expect(body).not.toContain('<script>')
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
  })

  it('escapes every character that can open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
    expect(escapeHtml('王老师，您已登录。')).toBe('王老师，您已登录。')
  })
})
