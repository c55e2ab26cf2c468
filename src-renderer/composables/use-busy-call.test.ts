import { describe, expect, it } from 'vitest'
import { useBusyCall } from './use-busy-call'
import { AppError } from '../../src-shared/errors'

describe('useBusyCall', () => {
  it('is busy while a call runs and keeps the failure as an AppError', async () => {
    const c = useBusyCall()
    let release!: () => void
    const p = c.run(() => new Promise<string>((r) => (release = () => r('ok'))))
    expect(c.busy.value).toBe(true)
    release()
    expect(await p).toBe('ok')
    expect(c.busy.value).toBe(false)
    expect(await c.run(() => Promise.reject(new AppError('LIMIT', '太大', 'Too big')))).toBeNull()
    expect(c.error.value?.code).toBe('LIMIT')
    expect(c.busy.value).toBe(false)
    await c.run(async () => 1)
    expect(c.error.value).toBeNull()
  })
})
