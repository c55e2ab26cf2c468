/**
 * The shape of the one contract between the renderer and the services.
 * A call is request/response; an event flows from main to the renderer.
 * Both are declared once, with zod schemas, in `src-shared/contract/<domain>.ts`;
 * both transports (Electron IPC and the browser host's WebSocket) carry exactly these.
 */
import type { z } from 'zod'
import type { AppError } from '../errors'

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: string
  readonly input: I
  readonly output: O
  /**
   * How a refused input is worded, when the schema carries sentences for the teacher (custom
   * issues with `params.en`) that the generic "输入无效（channel）：field: …" would bury.
   */
  readonly refusal?: (issues: readonly z.core.$ZodIssue[]) => AppError
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly channel: string
  readonly payload: P
}

export function defineCall<const C extends string, I extends z.ZodType, O extends z.ZodType>(
  channel: C,
  input: I,
  output: O,
  opts: { readonly refusal?: CallDef['refusal'] } = {}
): CallDef<I, O> & { readonly channel: C } {
  return { channel, input, output, ...opts }
}

export function defineEvent<const C extends string, P extends z.ZodType>(
  channel: C,
  payload: P
): EventDef<P> & { readonly channel: C } {
  return { channel, payload }
}

/** What goes over a transport for a call's answer. */
export type CallResult<T> = { ok: true; result: T } | { ok: false; error: import('../errors').AppErrorData }
