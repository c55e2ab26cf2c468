/**
 * Undo/redo over deck versions. A gesture (dragging an element, typing in a field) is one
 * step: `begin()` marks it and later `replace()` calls update the current version in place.
 */
import type { Deck } from '../../../src-shared/courseware/deck'

export interface HistoryEntry {
  readonly deck: Deck
  readonly label: string
}

export class DeckHistory {
  #past: HistoryEntry[] = []
  #future: HistoryEntry[] = []
  #current: HistoryEntry
  #inGesture = false
  readonly limit: number

  constructor(deck: Deck, limit = 300) {
    this.#current = { deck, label: '' }
    this.limit = limit
  }

  get deck(): Deck {
    return this.#current.deck
  }
  get canUndo(): boolean {
    return this.#past.length > 0
  }
  get canRedo(): boolean {
    return this.#future.length > 0
  }
  get undoLabel(): string | null {
    return this.#past.length ? this.#current.label : null
  }

  /** A new version: one undo step, unless inside a gesture. */
  push(deck: Deck, label: string): void {
    if (deck === this.#current.deck) return
    if (this.#inGesture) {
      this.#current = { deck, label: this.#current.label }
      return
    }
    this.#past.push(this.#current)
    if (this.#past.length > this.limit) this.#past.shift()
    this.#future = []
    this.#current = { deck, label }
  }

  begin(label: string): void {
    if (this.#inGesture) return
    this.#past.push(this.#current)
    if (this.#past.length > this.limit) this.#past.shift()
    this.#future = []
    this.#current = { deck: this.#current.deck, label }
    this.#inGesture = true
  }

  end(): void {
    if (!this.#inGesture) return
    this.#inGesture = false
    // A gesture that changed nothing leaves no undo step.
    const prev = this.#past[this.#past.length - 1]
    if (prev && prev.deck === this.#current.deck) this.#past.pop()
  }

  undo(): Deck | null {
    this.end()
    const prev = this.#past.pop()
    if (!prev) return null
    this.#future.push(this.#current)
    this.#current = prev
    return prev.deck
  }

  redo(): Deck | null {
    this.end()
    const next = this.#future.pop()
    if (!next) return null
    this.#past.push(this.#current)
    this.#current = next
    return next.deck
  }

  /** A deck loaded from elsewhere (open, recover): history starts again. */
  reset(deck: Deck): void {
    this.#past = []
    this.#future = []
    this.#inGesture = false
    this.#current = { deck, label: '' }
  }
}
