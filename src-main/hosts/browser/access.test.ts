import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { cookieForLaunchUrl, cookieValue, createAccessGate, launchUrl } from './access'

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage

describe('access gate', () => {
  const gate = createAccessGate({ port: 5730, boundHost: '127.0.0.1', secret: 's3cret' })

  it('accepts our loopback names with our port and nothing else', () => {
    for (const host of ['127.0.0.1:5730', 'localhost:5730', 'LOCALHOST:5730', '[::1]:5730'])
      expect(gate.hostAllowed(req({ host })), host).toBe(true)
    for (const host of [
      'evil.example:5730',
      '127.0.0.1:5731',
      '127.0.0.1',
      'localhost.evil.example:5730',
      '127.0.0.1:5730, evil.example'
    ])
      expect(gate.hostAllowed(req({ host })), host).toBe(false)
    expect(gate.hostAllowed(req({}))).toBe(false)
  })

  it('takes an Origin only of our own names, and none at all (not a browser)', () => {
    expect(gate.originAllowed(req({}))).toBe(true)
    expect(gate.originAllowed(req({ origin: 'http://localhost:5730' }))).toBe(true)
    expect(gate.originAllowed(req({ origin: 'http://evil.example:5730' }))).toBe(false)
    expect(gate.originAllowed(req({ origin: 'null' }))).toBe(false)
  })

  it('finds its cookie among others and refuses a wrong or malformed one', () => {
    expect(gate.hasCookie(req({ cookie: 'a=1; classdeck-5730=s3cret; b=%' }))).toBe(true)
    expect(gate.hasCookie(req({ cookie: 'classdeck-5731=s3cret' }))).toBe(false)
    expect(gate.hasCookie(req({ cookie: 'classdeck-5730=s3cre' }))).toBe(false)
    expect(gate.hasCookie(req({ cookie: ';;=;%' }))).toBe(false)
    expect(cookieValue(undefined, 'x')).toBeNull()
  })

  it('answers to the address it was told to listen on too', () => {
    const lan = createAccessGate({ port: 80, boundHost: '192.168.1.20' })
    expect(lan.hostAllowed(req({ host: '192.168.1.20:80' }))).toBe(true)
    expect(lan.hostAllowed(req({ host: 'classdeck.local:80' }))).toBe(false)
    expect(lan.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('makes a launch URL whose secret a non-browser client turns into the cookie', () => {
    const url = launchUrl('http://127.0.0.1:5730/', gate.secret)
    expect(url).toBe('http://127.0.0.1:5730/?k=s3cret')
    expect(cookieForLaunchUrl(url)).toBe(gate.cookie)
  })
})
