/** A tiny typed event emitter in the style of VS Code's Emitter: `event(listener)` returns an unsubscribe. */
export type Listener<T> = (value: T) => void
export type Event<T> = (listener: Listener<T>) => () => void

export class Emitter<T> {
  readonly #listeners = new Set<Listener<T>>()

  readonly event: Event<T> = (listener) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  fire(value: T): void {
    for (const l of [...this.#listeners]) l(value)
  }

  dispose(): void {
    this.#listeners.clear()
  }
}
