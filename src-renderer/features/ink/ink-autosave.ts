/**
 * Saving a lesson's ink while it plays. Changes are sent as soon as the previous save has been
 * answered (so strokes drawn meanwhile go out together in the next one), and at least every
 * `intervalMs` while anything is unsaved (a failed save is retried that way). Only what changed
 * since the last answered save is sent: the autosave remembers, per page, the ink version and the
 * place that the service confirmed. Plain object: nothing here is reactive.
 */

export interface InkSnapshot<P> {
  readonly payload: P
  /** The ink version of each page the payload carries. */
  readonly versions: ReadonlyMap<string, number>
  /** Where the lesson stood, as a key: a save is due when it moves, even without new ink. */
  readonly place: string
}

export interface InkAutosaveOptions<P> {
  /**
   * What to send now, given what the service has confirmed, or null when there is nothing to save
   * (or no lesson to save it for).
   */
  collect(saved: ReadonlyMap<string, number>, savedPlace: string | null): InkSnapshot<P> | null
  /** Resolves once the service has committed the payload. */
  send(payload: P): Promise<unknown>
  readonly intervalMs?: number
  readonly timers?: {
    setTimeout(fn: () => void, ms: number): unknown
    clearTimeout(handle: unknown): void
  }
  onError?(err: unknown): void
  onSaved?(): void
}

const browserTimers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (h: unknown): void => clearTimeout(h as ReturnType<typeof setTimeout>)
}

export class InkAutosave<P> {
  readonly #opts: InkAutosaveOptions<P>
  readonly #timers: NonNullable<InkAutosaveOptions<P>['timers']>
  readonly #interval: number
  readonly #saved = new Map<string, number>()
  #savedPlace: string | null = null
  #flight: Promise<void> | null = null
  #again = false
  #soon: unknown = null
  #tick: unknown = null
  #stopped = false
  /** Saves answered, and the last one's time (performance.now()); for the benchmark and tests. */
  saves = 0
  lastSavedAt = 0
  /** Told after each answered save, besides the owner's onSaved (a page's counter for tests). */
  onAnswered: (() => void) | null = null

  constructor(opts: InkAutosaveOptions<P>) {
    this.#opts = opts
    this.#timers = opts.timers ?? browserTimers
    this.#interval = opts.intervalMs ?? 1000
    this.#schedule()
  }

  /** Ink or the place changed (a stroke finished, an erase, a page turned): save as soon as possible. */
  changed(): void {
    if (this.#stopped) return
    if (this.#flight) {
      this.#again = true
      return
    }
    // Out of the pointer handler first: the stroke reaches the screen before it is serialised.
    this.#soon ??= this.#timers.setTimeout(() => {
      this.#soon = null
      void this.#save()
    }, 0)
  }

  /** Saves whatever is unsaved now and resolves when it is answered (or failed). */
  async flush(): Promise<void> {
    while (this.#flight) await this.#flight
    await this.#save()
  }

  /** Forgets what was confirmed, so everything is sent again (a new lesson session took over). */
  resetConfirmed(): void {
    this.#saved.clear()
    this.#savedPlace = null
  }

  stop(): void {
    this.#stopped = true
    if (this.#soon !== null) this.#timers.clearTimeout(this.#soon)
    if (this.#tick !== null) this.#timers.clearTimeout(this.#tick)
    this.#soon = this.#tick = null
  }

  #schedule(): void {
    if (this.#stopped) return
    this.#tick = this.#timers.setTimeout(() => {
      this.#tick = null
      if (!this.#flight) void this.#save()
      this.#schedule()
    }, this.#interval)
  }

  #save(): Promise<void> {
    if (this.#flight) {
      this.#again = true
      return this.#flight
    }
    const snap = this.#opts.collect(this.#saved, this.#savedPlace)
    if (!snap) return Promise.resolve()
    this.#flight = this.#opts.send(snap.payload).then(
      () => {
        for (const [id, v] of snap.versions) this.#saved.set(id, v)
        this.#savedPlace = snap.place
        this.saves++
        this.lastSavedAt = globalThis.performance?.now() ?? Date.now()
        this.#opts.onSaved?.()
        this.onAnswered?.()
      },
      (err: unknown) => this.#opts.onError?.(err)
    )
    return this.#flight.finally(() => {
      this.#flight = null
      if (this.#again) {
        this.#again = false
        this.changed()
      }
    })
  }
}
