/**
 * Last line of defence of a Node host (the browser host, the reference platform): an error that
 * escaped every handler is logged and the process keeps serving, instead of ending the lesson
 * on the teacher's screen. Every request path is guarded on its own (./http-guard.ts); this is
 * for what a library throws from a timer or an event we do not own.
 *
 * Keeping going after an uncaught exception is safe only while it is rare: a burst of them
 * means the process is in a state nobody planned for, so past `maxPerMinute` it exits with 1
 * (its launcher reports it) rather than limp on.
 */
import type { EventEmitter } from 'node:events'

export interface ProcessGuardOptions {
  readonly log?: (message: string) => void
  readonly exit?: (code: number) => void
  /** Errors within one minute after which the process gives up (default 20). */
  readonly maxPerMinute?: number
  /** The emitter to guard; `process` unless a test passes its own. */
  readonly target?: EventEmitter
  readonly now?: () => number
}

export function installProcessGuards(opts: ProcessGuardOptions = {}): () => void {
  const target = opts.target ?? process
  const log = opts.log ?? ((m: string) => console.error(m))
  const exit = opts.exit ?? ((code: number) => process.exit(code))
  const now = opts.now ?? Date.now
  const max = opts.maxPerMinute ?? 20
  const recent: number[] = []
  const onError = (kind: string) => (err: unknown) => {
    const t = now()
    recent.push(t)
    while (recent.length > 0 && recent[0]! < t - 60_000) recent.shift()
    const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err)
    log(`[${new Date(t).toISOString()}] 未处理的错误（已记录，继续运行） / ${kind} (logged, still running): ${text}`)
    if (recent.length > max) {
      log(`一分钟内出错 ${recent.length} 次，退出 / ${recent.length} errors within a minute: exiting`)
      exit(1)
    }
  }
  const onException = onError('uncaught exception')
  const onRejection = onError('unhandled rejection')
  target.on('uncaughtException', onException)
  target.on('unhandledRejection', onRejection)
  return () => {
    target.off('uncaughtException', onException)
    target.off('unhandledRejection', onRejection)
  }
}
