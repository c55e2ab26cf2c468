/**
 * How a lesson's active time grows. Pure, so the service (which stores it) and the renderer
 * (which shows a ticking timer between heartbeats) count the same way.
 *
 * Time counts as active while the lesson window is visible and the teacher has done something
 * within the idle limit; it stops the moment the window is hidden or the idle limit passes,
 * and starts again with the next activity.
 */
export interface ActiveClock {
  /** Active milliseconds counted up to `accountedAt`. */
  readonly activeMs: number
  /** Epoch ms up to which `activeMs` is counted. */
  readonly accountedAt: number
  /** Epoch ms of the teacher's last activity (a tap, a key, a stroke, a slide change). */
  readonly lastActivityAt: number
  readonly visible: boolean
}

export type PauseReason = 'hidden' | 'idle'

/** Counts active time from `c.accountedAt` up to `now` (never backwards if the clock jumps back). */
export function advance(c: ActiveClock, now: number, idleMs: number): ActiveClock {
  if (now <= c.accountedAt) return c
  let gained = 0
  if (c.visible) {
    const activeUntil = Math.min(now, c.lastActivityAt + idleMs)
    gained = Math.max(0, activeUntil - c.accountedAt)
  }
  return { ...c, activeMs: c.activeMs + gained, accountedAt: now }
}

/** The teacher did something: count up to now, then restart the idle limit. */
export function markActivity(c: ActiveClock, now: number, idleMs: number): ActiveClock {
  const a = advance(c, now, idleMs)
  return { ...a, lastActivityAt: Math.max(a.lastActivityAt, now) }
}

/** The window was shown or hidden. Becoming visible counts as activity (the teacher came back). */
export function setVisible(c: ActiveClock, visible: boolean, now: number, idleMs: number): ActiveClock {
  const a = advance(c, now, idleMs)
  return { ...a, visible, lastActivityAt: visible && !c.visible ? Math.max(a.lastActivityAt, now) : a.lastActivityAt }
}

/** Why time is not counting right now, or null while it is. */
export function pauseReason(c: ActiveClock, now: number, idleMs: number): PauseReason | null {
  if (!c.visible) return 'hidden'
  if (now >= c.lastActivityAt + idleMs) return 'idle'
  return null
}
