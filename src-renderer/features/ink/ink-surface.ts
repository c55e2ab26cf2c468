/**
 * The ink layer on screen: a committed-strokes canvas under a `desynchronized` canvas for the
 * strokes in progress, fed by pointer events with every coalesced sample. Framework-free: a
 * Vue component creates one and calls its methods; nothing here is reactive.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import { InkController, type InkAction, type InkMode, type InkStyle } from './ink-controller'
import {
  clearCanvas,
  committedPath,
  drawCommitted,
  drawLive,
  fillStroke,
  applyView,
  sizeCanvas,
  type PixelBox
} from './ink-renderer'
import { replayFrame, replayTimeline, type ReplayOptions } from './replay'
import type { SlideInk } from './slide-ink'
import { outlinePath, strokeOutline, type PointerKind } from './stroke-builder'
import { fitView, toPage, type View } from './view-transform'
import type { GuideEdge } from './ruler-guide'

export interface InkSurfaceOptions {
  /** An element with a size; the surface fills it. */
  readonly host: HTMLElement
  /** Page size in page units (a slide's 1280×720 or 960×720). */
  readonly page: { width: number; height: number }
  readonly newId?: () => string
  /** The teacher used an ink tool (for the lesson record and idle tracking). */
  readonly onAction?: (tool: InkAction) => void
  /** Called after each pointer event is handled and drawn (benchmarks measure with it). */
  readonly onHandled?: (e: PointerEvent, handlerStart: number, samples: number) => void
}

export class InkSurface {
  readonly controller: InkController
  readonly committed: HTMLCanvasElement
  readonly live: HTMLCanvasElement
  readonly #host: HTMLElement
  readonly #cctx: CanvasRenderingContext2D
  readonly #lctx: CanvasRenderingContext2D
  #page: { width: number; height: number }
  #dpr = 1
  #rect: DOMRect | null = null
  #liveBox: PixelBox | null = null
  #eraser: { x: number; y: number; r: number } | null = null
  #liveDirty = false
  #resetDirty = false
  #replay: { cancel: () => void } | null = null
  #clientGuides: readonly GuideEdge[] = []
  readonly #resizeObserver: ResizeObserver | null
  readonly #onHandled: InkSurfaceOptions['onHandled']
  readonly #listeners: [string, EventListener][] = []

  constructor(opts: InkSurfaceOptions) {
    this.#host = opts.host
    this.#page = opts.page
    this.#onHandled = opts.onHandled
    this.committed = layer(opts.host, 'ink-committed')
    this.live = layer(opts.host, 'ink-live')
    this.live.style.touchAction = 'none'
    this.#cctx = this.committed.getContext('2d')!
    // desynchronized: the stroke in progress reaches the screen without waiting for the compositor.
    this.#lctx = this.live.getContext('2d', { desynchronized: true })!
    this.controller = new InkController({
      newId: opts.newId ?? (() => globalThis.crypto.randomUUID()),
      events: {
        live: () => (this.#liveDirty = true),
        added: (s) => this.#drawAdded(s),
        reset: () => (this.#resetDirty = true),
        eraser: (at, r) => {
          this.#eraser = at ? { x: at.x, y: at.y, r } : null
          this.#liveDirty = true
        },
        action: (a) => opts.onAction?.(a)
      }
    })
    this.#listen('pointerdown', (e) => this.#onPointer(e as PointerEvent, 'down'))
    this.#listen('pointermove', (e) => this.#onPointer(e as PointerEvent, 'move'))
    this.#listen('pointerup', (e) => this.#onPointer(e as PointerEvent, 'up'))
    this.#listen('pointercancel', (e) => this.#onPointer(e as PointerEvent, 'cancel'))
    this.#listen('lostpointercapture', (e) => this.#onPointer(e as PointerEvent, 'cancel'))
    this.#listen('contextmenu', (e) => e.preventDefault())
    this.#resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.resize()) : null
    this.#resizeObserver?.observe(opts.host)
    this.resize()
  }

  get mode(): InkMode {
    return this.controller.mode
  }

  set mode(m: InkMode) {
    this.controller.mode = m
  }

  setStyle(style: Partial<InkStyle>): void {
    this.controller.style = { ...this.controller.style, ...style }
  }

  /** Shows a slide's (or whiteboard page's) ink. */
  setSlide(ink: SlideInk, opts: { whiteboard?: boolean; page?: { width: number; height: number } } = {}): void {
    this.cancelReplay()
    this.controller.whiteboard = opts.whiteboard ?? false
    if (opts.page) this.#page = opts.page
    this.controller.setSlide(ink)
    this.resize(true)
  }

  /** Re-measures the host; refits the page (which also resets a whiteboard's zoom) when asked or when the size changed. */
  resize(force = false): void {
    const w = this.#host.clientWidth
    const h = this.#host.clientHeight
    this.#dpr = globalThis.devicePixelRatio || 1
    this.#rect = null
    const a = sizeCanvas(this.committed, w, h, this.#dpr)
    const b = sizeCanvas(this.live, w, h, this.#dpr)
    if (a || b || force) {
      this.#liveBox = null
      clearCanvas(this.#lctx)
      this.controller.setFit(fitView(this.#page, { width: Math.max(1, w), height: Math.max(1, h) }))
      this.#flush()
    }
  }

  get view(): View {
    return this.controller.view
  }

  /** Ruler edges in client coordinates (the ruler floats over the board); [] when no ruler is out. */
  setGuides(edges: readonly GuideEdge[]): void {
    this.#clientGuides = edges
    if (!edges.length) this.controller.guides = []
  }

  /** A zoomed whiteboard back to its fitted view. */
  resetZoom(): void {
    this.controller.resetZoom()
    this.#flush()
  }

  undo(): void {
    this.controller.undo()
    this.#flush()
  }

  redo(): void {
    this.controller.redo()
    this.#flush()
  }

  clear(): void {
    this.controller.clear()
    this.#flush()
  }

  /** Redraws the slide's ink stroke by stroke as it was drawn; resolves when done or cancelled. */
  replay(opts: ReplayOptions = {}): Promise<void> {
    this.cancelReplay()
    this.controller.cancelAll()
    const ink = this.controller.ink
    const { items, duration } = replayTimeline(ink.strokes, ink.startedAt, opts)
    const speed = opts.speed && opts.speed > 0 ? opts.speed : 1
    return new Promise((resolve) => {
      let raf = 0
      let t0: number | null = null
      const done = (): void => {
        cancelAnimationFrame(raf)
        this.#replay = null
        drawCommitted(this.#cctx, this.controller.ink.strokes, this.view, this.#dpr)
        resolve()
      }
      const frame = (now: number): void => {
        t0 ??= now
        const t = now - t0
        clearCanvas(this.#cctx)
        applyView(this.#cctx, this.view, this.#dpr)
        for (const s of replayFrame(items, t, speed)) {
          const whole = ink.strokes.includes(s)
          fillStroke(this.#cctx, s, whole ? committedPath(s) : new Path2D(outlinePath(strokeOutline(s, false))))
        }
        this.#cctx.globalAlpha = 1
        if (t >= duration) done()
        else raf = requestAnimationFrame(frame)
      }
      this.#replay = { cancel: done }
      raf = requestAnimationFrame(frame)
    })
  }

  cancelReplay(): void {
    this.#replay?.cancel()
  }

  /** Adds a finished stroke made by a tool (e.g. the compass's arc) as one undoable step. */
  addStroke(stroke: InkStroke): void {
    this.controller.ink.add(stroke, performance.now())
    this.controller.events.added?.(stroke)
    this.#flush()
  }

  /** A point on screen (client coordinates) in page units of the page shown. */
  pageFromClient(x: number, y: number): { x: number; y: number } {
    const rect = this.live.getBoundingClientRect()
    return toPage(this.view, { x: x - rect.left, y: y - rect.top })
  }

  /** Strokes of the current page, e.g. to save into the deck. */
  strokes(): readonly InkStroke[] {
    return this.controller.ink.strokes
  }

  dispose(): void {
    this.cancelReplay()
    this.#resizeObserver?.disconnect()
    for (const [type, fn] of this.#listeners) this.live.removeEventListener(type, fn)
    this.committed.remove()
    this.live.remove()
  }

  #listen(type: string, fn: EventListener): void {
    this.live.addEventListener(type, fn)
    this.#listeners.push([type, fn])
  }

  #onPointer(e: PointerEvent, kind: 'down' | 'move' | 'up' | 'cancel'): void {
    const start = performance.now()
    if (this.#replay) this.cancelReplay()
    if (kind === 'down') {
      this.#rect = this.live.getBoundingClientRect()
      // Capture keeps a fast stroke ours even when it leaves the canvas.
      try {
        this.live.setPointerCapture(e.pointerId)
      } catch {
        // Synthetic events have no active pointer to capture; drawing works without it.
      }
      e.preventDefault()
      // The ruler may have moved since the last stroke: its edges on this surface, now.
      const r = this.#rect
      const at = (p: { x: number; y: number }) => ({ x: p.x - r.left, y: p.y - r.top })
      this.controller.guides = this.#clientGuides.map((g) => ({ a: at(g.a), b: at(g.b) }))
    }
    const rect = (this.#rect ??= this.live.getBoundingClientRect())
    const pointerType = (e.pointerType === 'pen' || e.pointerType === 'touch' ? e.pointerType : 'mouse') as PointerKind
    // Every sample the browser merged into this event, so fast pens lose nothing.
    const samples = kind === 'move' && typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : []
    const list = samples.length ? samples : [e]
    for (const s of list) {
      this.controller.input({
        kind,
        pointerId: e.pointerId,
        pointerType,
        x: s.clientX - rect.left,
        y: s.clientY - rect.top,
        pressure: s.pressure,
        width: s.width,
        height: s.height,
        t: s.timeStamp,
        buttons: e.buttons
      })
    }
    this.#flush()
    this.#onHandled?.(e, start, list.length)
  }

  #drawAdded(s: InkStroke): void {
    if (this.#resetDirty) return // a full redraw is coming anyway
    applyView(this.#cctx, this.view, this.#dpr)
    fillStroke(this.#cctx, s, committedPath(s))
    this.#cctx.globalAlpha = 1
  }

  #flush(): void {
    if (this.#resetDirty) {
      this.#resetDirty = false
      drawCommitted(this.#cctx, this.controller.ink.strokes, this.view, this.#dpr)
      this.#liveDirty = true
    }
    if (this.#liveDirty) {
      this.#liveDirty = false
      this.#liveBox = drawLive(
        this.#lctx,
        this.controller.liveStrokes(),
        this.view,
        this.#dpr,
        this.#liveBox,
        this.#eraser
      )
    }
  }
}

function layer(host: HTMLElement, className: string): HTMLCanvasElement {
  const c = document.createElement('canvas')
  c.className = className
  Object.assign(c.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', display: 'block' })
  host.appendChild(c)
  return c
}
