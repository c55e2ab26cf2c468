/**
 * One handler table for the whole contract, bound by both hosts (Electron IPC and the
 * browser host's WebSocket). `dispatch` is the single place where a call's input is
 * validated against the shared schema and where every failure becomes typed error data.
 */
import {
  calls,
  isCallChannel,
  type CallChannel,
  type CallDef,
  type CallInput,
  type CallOutput,
  type CallResult
} from '../../src-shared/contract'
import { AppError, validationError } from '../../src-shared/errors'
import type { z } from 'zod'

/** Who is calling: hosts fill this in after they have checked the sender. */
export interface CallContext {
  readonly host: 'electron' | 'browser'
  readonly senderId: string
}

export type Handler<C extends CallChannel> = (
  input: CallOutputOfInput<C>,
  ctx: CallContext
) => CallOutput<C> | Promise<CallOutput<C>>

/** The parsed input (after zod defaults) is what a handler receives. */
type CallOutputOfInput<C extends CallChannel> = z.output<(typeof calls)[C]['input']>

export type HandlerTable = { readonly [C in CallChannel]: Handler<C> }

export async function dispatch(
  table: HandlerTable,
  channel: unknown,
  rawInput: unknown,
  ctx: CallContext
): Promise<CallResult<unknown>> {
  try {
    if (!isCallChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel
      throw new AppError('UNKNOWN_CHANNEL', `未知的调用：${name}`, `Unknown call: ${name}`)
    }
    const def = calls[channel]
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw inputRefusal(channel, parsed.error.issues)
    const handler = table[channel] as (input: unknown, ctx: CallContext) => unknown
    const result = await handler(parsed.data, ctx)
    // Our own output is checked too: a service that breaks the contract is a bug we want loud.
    const out = def.output.safeParse(result)
    if (!out.success) {
      throw new AppError(
        'INTERNAL',
        `内部错误：${channel} 的返回值不符合约定`,
        `Internal error: ${channel} returned data that breaks the contract`,
        { issues: out.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) }
      )
    }
    return { ok: true, result: out.data }
  } catch (err) {
    return { ok: false, error: AppError.from(err).toData() }
  }
}

/** The error for an input its call's schema refused, in the call's own words when it has them. */
export function inputRefusal(channel: CallChannel, issues: readonly z.core.$ZodIssue[]): AppError {
  const def: CallDef = calls[channel]
  return def.refusal ? def.refusal(issues) : validationError(channel, issues)
}

export type { CallInput }
