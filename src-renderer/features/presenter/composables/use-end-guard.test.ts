import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useEndGuard } from './use-end-guard'

describe('下课 on the board', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('ends nothing on the first tap: it asks, and a tap outside keeps teaching', () => {
    const finish = vi.fn(async () => undefined)
    const g = useEndGuard(finish)
    g.ask()
    expect(g.phase.value).toBe('asking')
    g.cancel()
    vi.advanceTimersByTime(60_000)
    expect(g.phase.value).toBe('idle')
    expect(finish).not.toHaveBeenCalled()
  })

  it('ends the lesson record only after the 10 s undo time runs out, counting down on the toast', async () => {
    const finish = vi.fn(async () => undefined)
    const after = vi.fn()
    const g = useEndGuard(finish)
    g.ask(after)
    g.confirm()
    expect(g.phase.value).toBe('undoing')
    expect(g.left.value).toBe(10)
    vi.advanceTimersByTime(9_000)
    expect(g.left.value).toBe(1)
    expect(finish).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(finish).toHaveBeenCalledTimes(1)
    expect(after).toHaveBeenCalledTimes(1)
    expect(g.phase.value).toBe('idle')
  })

  it('leaves the lesson running when 撤销 is tapped within the 10 s', async () => {
    const finish = vi.fn(async () => undefined)
    const after = vi.fn()
    const g = useEndGuard(finish)
    g.ask(after)
    g.confirm()
    vi.advanceTimersByTime(4_000)
    g.undo()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(finish).not.toHaveBeenCalled()
    expect(after).not.toHaveBeenCalled()
    expect(g.phase.value).toBe('idle')
  })

  it('ends at once when the teacher says so, and only once', async () => {
    const finish = vi.fn(async () => undefined)
    const g = useEndGuard(finish)
    g.ask()
    g.confirm()
    const a = g.endNow()
    const b = g.endNow()
    await Promise.all([a, b])
    await vi.advanceTimersByTimeAsync(30_000)
    expect(finish).toHaveBeenCalledTimes(1)
  })

  it('ends at once and then leaves when the board is left while the undo toast counts down', async () => {
    const finish = vi.fn(async () => undefined)
    const leave = vi.fn()
    const g = useEndGuard(finish)
    g.ask()
    g.confirm()
    g.ask(leave)
    await vi.advanceTimersByTimeAsync(0)
    expect(finish).toHaveBeenCalledTimes(1)
    expect(leave).toHaveBeenCalledTimes(1)
    expect(g.phase.value).toBe('idle')
  })

  it('does not end from a confirm that was never asked', () => {
    const finish = vi.fn(async () => undefined)
    const g = useEndGuard(finish)
    g.confirm()
    vi.advanceTimersByTime(30_000)
    expect(finish).not.toHaveBeenCalled()
  })
})
