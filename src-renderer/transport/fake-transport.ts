/**
 * A transport for store and component tests, typed and checked by the contract: a call's input is
 * validated with the channel's zod schema (a bad one is refused with the same bilingual
 * VALIDATION error the host's dispatch gives), the test's answer is checked against the output
 * schema, and an emitted event against its payload schema. So a test cannot feed a store
 * something the real services could never send, and a store cannot send what they would refuse
 * without the test seeing it. Values cross as JSON, as on the wire: nothing is shared by reference.
 *
 * Only tests import this file; the app picks its transport in `transport/index.ts`.
 */
import type { z } from 'zod'
import {
  calls,
  events,
  isCallChannel,
  type CallChannel,
  type CallDef,
  type CallInput,
  type CallOutput,
  type Calls,
  type EventChannel,
  type EventPayload,
  type Events
} from '../../src-shared/contract'
import { AppError, validationError } from '../../src-shared/errors'
import type { ConnectionState, Transport } from './types'

/** The input a handler receives: parsed, with the contract's defaults filled in (as services get it). */
export type FakeInput<C extends CallChannel> = z.output<Calls[C]['input']>
/** What a handler may answer: anything the output schema accepts. */
export type FakeAnswer<C extends CallChannel> = z.input<Calls[C]['output']>
export type FakeHandler<C extends CallChannel> = (input: FakeInput<C>) => FakeAnswer<C> | Promise<FakeAnswer<C>>
export type FakeHandlers = { [C in CallChannel]?: FakeHandler<C> }
/** An event payload as a test writes it (before the schema's defaults). */
export type FakeEventPayload<E extends EventChannel> = z.input<Events[E]['payload']>

export interface RecordedCall<C extends CallChannel = CallChannel> {
  readonly channel: C
  /** The input as the store sent it (before validation). */
  readonly input: CallInput<C>
}

const wire = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

export class FakeTransport implements Transport {
  #state: ConnectionState = 'open'
  readonly #handlers = new Map<CallChannel, FakeHandler<CallChannel>>()
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>()
  readonly #connection = new Set<(s: ConnectionState) => void>()
  /** Every call, in order, including those refused by the contract. */
  readonly calls: RecordedCall[] = []
  /** Broken promises of the test itself (an answer outside the contract, a call with no answer). */
  readonly violations: string[] = []

  constructor(handlers: FakeHandlers = {}) {
    for (const [channel, h] of Object.entries(handlers)) this.#handlers.set(channel as CallChannel, h as never)
  }

  get state(): ConnectionState {
    return this.#state
  }

  /** Answers `channel` with `handler` from now on (replacing any earlier answer). */
  handle<C extends CallChannel>(channel: C, handler: FakeHandler<C>): this {
    this.#handlers.set(channel, handler as never)
    return this
  }

  /** The calls made to one channel, typed by its input. */
  callsTo<C extends CallChannel>(channel: C): CallInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as CallInput<C>)
  }

  async invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const sent = wire(input)
    this.calls.push({ channel, input: sent } as RecordedCall)
    if (!isCallChannel(channel)) {
      throw new AppError('UNKNOWN_CHANNEL', `未知的调用：${String(channel)}`, `Unknown call: ${String(channel)}`)
    }
    const def: CallDef = calls[channel]
    const parsed = def.input.safeParse(sent ?? {})
    if (!parsed.success)
      throw def.refusal ? def.refusal(parsed.error.issues) : validationError(channel, parsed.error.issues)
    const handler = this.#handlers.get(channel)
    if (!handler) {
      this.violations.push(`${channel}: called, but the test gave no answer for it`)
      throw new AppError(
        'INTERNAL',
        `内部错误：测试没有为 ${channel} 准备回答`,
        `Internal error: no answer for ${channel}`
      )
    }
    let result: unknown
    try {
      result = await handler(parsed.data as never)
    } catch (err) {
      // A service's refusal reaches the renderer as data, then becomes an AppError again.
      throw AppError.fromData(AppError.from(err).toData())
    }
    const out = def.output.safeParse(wire(result))
    if (!out.success) {
      const fields = out.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
      this.violations.push(`${channel}: the test's answer breaks the contract (${fields})`)
      throw new AppError(
        'INTERNAL',
        `内部错误：${channel} 的返回值不符合约定`,
        `Internal error: ${channel} returned data that breaks the contract`
      )
    }
    return wire(out.data) as CallOutput<C>
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.#listeners.get(channel)
    if (!set) this.#listeners.set(channel, (set = new Set()))
    const l = listener as (payload: unknown) => void
    set.add(l)
    return () => set.delete(l)
  }

  /** Sends an event as the host's EventHub would: checked against the contract (throws here if not). */
  emit<E extends EventChannel>(channel: E, payload: FakeEventPayload<E>): void {
    const parsed = events[channel].payload.parse(wire(payload))
    for (const l of [...(this.#listeners.get(channel) ?? [])]) l(wire(parsed))
  }

  /** How many listeners a channel has: a store's reset must leave none behind. */
  listenerCount(channel: EventChannel): number {
    return this.#listeners.get(channel)?.size ?? 0
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.#connection.add(listener)
    return () => this.#connection.delete(listener)
  }

  setState(state: ConnectionState): void {
    this.#state = state
    for (const l of [...this.#connection]) l(state)
  }

  /** Throws when the test broke the contract; call it in afterEach. */
  verify(): void {
    if (this.violations.length) throw new Error(`FakeTransport:\n${this.violations.join('\n')}`)
  }
}
