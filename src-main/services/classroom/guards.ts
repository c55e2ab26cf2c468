/**
 * Small defences for untrusted sockets: a token bucket per socket, a cap on wrong PINs per
 * address, and turning any thrown value into a refusal a student can read.
 */
import { AppError, type AppErrorData } from '../../../src-shared/errors'
import { refusal, type RefusalReason } from '../../../src-shared/classroom/student-errors'

export class TokenBucket {
  #tokens: number
  #last: number
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now()
  ) {
    this.#tokens = burst
    this.#last = now()
  }

  take(): boolean {
    const t = this.now()
    this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#last) / 1000) * this.rate)
    this.#last = t
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }
}

/** Wrong PINs per remote address in a sliding minute; guessing a 6-digit PIN must be slow. */
export class PinAttempts {
  readonly #fails = new Map<string, number[]>()
  constructor(private readonly perMinute = 20) {}

  blocked(addr: string, now = Date.now()): boolean {
    const list = (this.#fails.get(addr) ?? []).filter((t) => now - t < 60_000)
    if (list.length) this.#fails.set(addr, list)
    else this.#fails.delete(addr)
    return list.length >= this.perMinute
  }

  fail(addr: string, now = Date.now()): void {
    const list = this.#fails.get(addr) ?? []
    list.push(now)
    if (this.#fails.size < 10_000) this.#fails.set(addr, list)
  }
}

export function refused(reason: RefusalReason, hint?: string): AppError {
  return AppError.fromData(refusal(reason, hint))
}

/** What goes back in an ack: our refusals as they are, anything else as an internal error. */
export function toAckError(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData()
  return refusal('internal')
}
