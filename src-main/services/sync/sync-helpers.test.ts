import { describe, expect, it } from 'vitest'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { fullJitterDelay } from './platform-client'
import { FileTokenStore } from './token-store'

describe('full-jitter backoff', () => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 }
  it('stays within [0, min(cap, base·2^n)] and never before Retry-After', () => {
    expect(fullJitterDelay(3, policy, () => 0.999)).toBeLessThanOrEqual(800)
    expect(fullJitterDelay(10, policy, () => 0.999)).toBeLessThanOrEqual(1000)
    expect(fullJitterDelay(2, policy, () => 0)).toBe(0)
    expect(fullJitterDelay(2, policy, () => 0.5, 3000)).toBe(3000)
  })
})

describe('FileTokenStore', () => {
  it('keeps tokens in a file only its owner can read, and treats a damaged file as signed out', () => {
    const t = tempDir()
    const file = join(t.dir, 'platform-tokens.json')
    const store = new FileTokenStore(file)
    store.save({ app: { accessToken: 'a', expiresAt: 1 } })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(store.load()).toEqual({ app: { accessToken: 'a', expiresAt: 1 } })
    writeFileSync(file, '{not json')
    expect(store.load()).toEqual({})
    t.cleanup()
  })
})
