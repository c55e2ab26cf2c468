/**
 * The ink of one slide for this lesson, with undo/redo, and the book of all slides' ink.
 * Plain classes on purpose: ink changes at pointer rate and must never sit in reactive state.
 * A `version` counter is what the UI watches to know when to redraw or save.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import type { ErasedPiece } from './hit-test'

/** One undoable step: strokes removed (with where they were) and strokes appended. */
interface InkOp {
  readonly removed: readonly { stroke: InkStroke; index: number }[]
  readonly added: readonly InkStroke[]
}

export const UNDO_LIMIT = 200

export class SlideInk {
  #strokes: InkStroke[]
  /** Engine time each stroke began, when known (strokes loaded from a deck have none). */
  readonly startedAt = new Map<string, number>()
  readonly #undo: InkOp[] = []
  readonly #redo: InkOp[] = []
  #batchBefore: readonly InkStroke[] | null = null
  version = 0
  /** Told after every change (a stroke, an erase, undo, redo, clear): the autosave listens here. */
  onChange: (() => void) | null = null

  constructor(strokes: readonly InkStroke[] = []) {
    this.#strokes = [...strokes]
  }

  get strokes(): readonly InkStroke[] {
    return this.#strokes
  }

  get canUndo(): boolean {
    return this.#undo.length > 0
  }

  get canRedo(): boolean {
    return this.#redo.length > 0
  }

  add(stroke: InkStroke, startedAt?: number): void {
    if (startedAt !== undefined) this.startedAt.set(stroke.id, startedAt)
    this.#apply({ removed: [], added: [stroke] })
  }

  /**
   * Removes strokes (stroke eraser) and appends replacements (area eraser's pieces) as one step.
   * A piece's start time is its parent's start plus where in the parent it began.
   */
  replace(removeIds: ReadonlySet<string>, added: readonly ErasedPiece[] = []): void {
    for (const p of added) {
      const parentStart = this.startedAt.get(p.parentId)
      if (parentStart !== undefined) this.startedAt.set(p.stroke.id, parentStart + p.offsetMs)
    }
    this.#replace(
      removeIds,
      added.map((p) => p.stroke)
    )
  }

  #replace(removeIds: ReadonlySet<string>, added: readonly InkStroke[]): void {
    if (removeIds.size === 0 && added.length === 0) return
    const removed: { stroke: InkStroke; index: number }[] = []
    this.#strokes.forEach((stroke, index) => {
      if (removeIds.has(stroke.id)) removed.push({ stroke, index })
    })
    this.#apply({ removed, added })
  }

  clear(): void {
    this.#replace(new Set(this.#strokes.map((s) => s.id)), [])
  }

  /**
   * Groups everything until endBatch() into one undo step (one eraser gesture, however many
   * strokes it touched, is undone with one tap).
   */
  beginBatch(): void {
    this.#batchBefore ??= this.#strokes.slice()
  }

  endBatch(): void {
    const before = this.#batchBefore
    this.#batchBefore = null
    if (!before) return
    // Steps only remove and append, so the batch is exactly: drop what is gone, append what is new.
    const afterIds = new Set(this.#strokes.map((s) => s.id))
    const beforeIds = new Set(before.map((s) => s.id))
    const removed: { stroke: InkStroke; index: number }[] = []
    before.forEach((stroke, index) => {
      if (!afterIds.has(stroke.id)) removed.push({ stroke, index })
    })
    const added = this.#strokes.filter((s) => !beforeIds.has(s.id))
    if (removed.length || added.length) this.#push({ removed, added })
  }

  undo(): boolean {
    const op = this.#undo.pop()
    if (!op) return false
    const addedIds = new Set(op.added.map((s) => s.id))
    const next = this.#strokes.filter((s) => !addedIds.has(s.id))
    for (const r of [...op.removed].sort((a, b) => a.index - b.index)) next.splice(r.index, 0, r.stroke)
    this.#strokes = next
    this.#redo.push(op)
    this.#changed()
    return true
  }

  redo(): boolean {
    const op = this.#redo.pop()
    if (!op) return false
    this.#forward(op)
    this.#undo.push(op)
    this.#changed()
    return true
  }

  #changed(): void {
    this.version++
    this.onChange?.()
  }

  #apply(op: InkOp): void {
    this.#forward(op)
    this.#changed()
    if (!this.#batchBefore) this.#push(op)
  }

  #push(op: InkOp): void {
    this.#undo.push(op)
    if (this.#undo.length > UNDO_LIMIT) this.#undo.shift()
    this.#redo.length = 0
  }

  #forward(op: InkOp): void {
    if (op.removed.length) {
      const ids = new Set(op.removed.map((r) => r.stroke.id))
      this.#strokes = this.#strokes.filter((s) => !ids.has(s.id))
    }
    if (op.added.length) this.#strokes.push(...op.added)
  }
}

/** Every slide's ink for this lesson, created on first use. */
export class InkBook {
  readonly #slides = new Map<string, SlideInk>()
  /** Told with the page's id whenever the ink of any page changes. */
  onChange: ((slideId: string) => void) | null = null

  slide(slideId: string): SlideInk {
    let ink = this.#slides.get(slideId)
    if (!ink) {
      ink = this.#watch(slideId, new SlideInk())
      this.#slides.set(slideId, ink)
    }
    return ink
  }

  /** Starts a slide from the ink saved in the deck (replaces what the book held for it). */
  load(slideId: string, strokes: readonly InkStroke[]): SlideInk {
    const ink = this.#watch(slideId, new SlideInk(strokes))
    this.#slides.set(slideId, ink)
    return ink
  }

  #watch(slideId: string, ink: SlideInk): SlideInk {
    ink.onChange = () => this.onChange?.(slideId)
    return ink
  }

  has(slideId: string): boolean {
    return this.#slides.has(slideId)
  }

  /** Strokes to save into the deck, per slide that has a SlideInk. */
  entries(): [string, readonly InkStroke[]][] {
    return [...this.#slides].map(([id, ink]) => [id, ink.strokes])
  }
}
