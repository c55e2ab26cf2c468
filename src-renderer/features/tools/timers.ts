/**
 * Countdown (倒计时) and stopwatch (秒表) as plain state over an injected clock: no intervals
 * inside, so a component ticks them with requestAnimationFrame and tests step time by hand.
 */
export class Countdown {
  #durationMs: number
  #startedAt: number | null = null
  #elapsedBefore = 0

  constructor(durationMs: number) {
    this.#durationMs = Math.max(0, durationMs)
  }

  get durationMs(): number {
    return this.#durationMs
  }

  get running(): boolean {
    return this.#startedAt !== null
  }

  setDuration(ms: number): void {
    this.#durationMs = Math.max(0, ms)
    this.reset()
  }

  start(now: number): void {
    if (this.#startedAt === null && this.remainingMs(now) > 0) this.#startedAt = now
  }

  pause(now: number): void {
    if (this.#startedAt === null) return
    this.#elapsedBefore += now - this.#startedAt
    this.#startedAt = null
  }

  reset(): void {
    this.#startedAt = null
    this.#elapsedBefore = 0
  }

  /** Adds time while running or paused (the "+1 min" button). */
  extend(ms: number): void {
    this.#durationMs = Math.max(0, this.#durationMs + ms)
  }

  elapsedMs(now: number): number {
    return this.#elapsedBefore + (this.#startedAt === null ? 0 : Math.max(0, now - this.#startedAt))
  }

  remainingMs(now: number): number {
    return Math.max(0, this.#durationMs - this.elapsedMs(now))
  }

  finished(now: number): boolean {
    return this.#durationMs > 0 && this.remainingMs(now) === 0
  }
}

export class Stopwatch {
  #startedAt: number | null = null
  #elapsedBefore = 0
  readonly laps: number[] = []

  get running(): boolean {
    return this.#startedAt !== null
  }

  start(now: number): void {
    this.#startedAt ??= now
  }

  pause(now: number): void {
    if (this.#startedAt === null) return
    this.#elapsedBefore += now - this.#startedAt
    this.#startedAt = null
  }

  lap(now: number): number {
    const t = this.elapsedMs(now)
    this.laps.push(t)
    return t
  }

  reset(): void {
    this.#startedAt = null
    this.#elapsedBefore = 0
    this.laps.length = 0
  }

  elapsedMs(now: number): number {
    return this.#elapsedBefore + (this.#startedAt === null ? 0 : Math.max(0, now - this.#startedAt))
  }
}

/** mm:ss, or h:mm:ss past an hour; rounds a countdown up so it shows 0:00 only when time is up. */
export function formatClock(ms: number, roundUp = false): string {
  const total = roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}
