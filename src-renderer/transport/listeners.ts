/** Event listeners keyed by channel, shared by both transports. */
export class ListenerMap {
  readonly #map = new Map<string, Set<(payload: unknown) => void>>()

  add(channel: string, listener: (payload: unknown) => void): () => void {
    let set = this.#map.get(channel)
    if (!set) this.#map.set(channel, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  emit(channel: string, payload: unknown): void {
    for (const l of this.#map.get(channel) ?? []) l(payload)
  }
}
