/**
 * Main → renderer events. Services publish through this hub; each host subscribes once and
 * forwards to its windows or sockets. Payloads are validated against the contract before
 * they leave, so a renderer never sees an event that breaks its schema.
 */
import { events, type EventChannel, type EventPayload } from '../../src-shared/contract'

export type EventListener = (channel: EventChannel, payload: unknown) => void

export class EventHub {
  readonly #listeners = new Set<EventListener>()

  publish<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    const parsed = events[channel].payload.parse(payload)
    for (const l of this.#listeners) l(channel, parsed)
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  dispose(): void {
    this.#listeners.clear()
  }
}
