/**
 * A call's input as its handler receives it, for code that calls a service without going
 * through `dispatch` (benchmarks, tests, another service): it parses once, at that caller's
 * boundary, with the same contract schema, and fills in the same defaults.
 */
import type { z } from 'zod'
import { calls, type CallChannel, type CallInput, type Calls } from '../../src-shared/contract'
import { inputRefusal } from './handler-table'

export type ParsedInput<C extends CallChannel> = z.output<Calls[C]['input']>

export function callInput<C extends CallChannel>(channel: C, input: CallInput<C>): ParsedInput<C> {
  const parsed = calls[channel].input.safeParse(input)
  if (!parsed.success) throw inputRefusal(channel, parsed.error.issues)
  return parsed.data as ParsedInput<C>
}
