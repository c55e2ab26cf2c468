/**
 * What each finger, pen and mouse does on the ink layer, without any DOM: the canvas surface
 * feeds it normalized pointer samples and redraws when told. Several pointers work at once,
 * keyed by pointerId; a palm erases until it lifts; two fingers put down together on a
 * whiteboard page pan and zoom it.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import { StrokeBuilder, type PointerKind } from './stroke-builder'
import { eraseArea, eraserHitsStroke, type Eraser, type ErasedPiece } from './hit-test'
import { SlideInk } from './slide-ink'
import { pinch, toPage, toScreen, type Pt, type View } from './view-transform'
import { guideFor, nearestOnEdge, type GuideEdge } from './ruler-guide'

export type InkMode = 'pen' | 'highlighter' | 'stroke-eraser' | 'area-eraser'

export interface InkInput {
  readonly kind: 'down' | 'move' | 'up' | 'cancel'
  readonly pointerId: number
  readonly pointerType: PointerKind
  /** Surface coordinates in CSS px. */
  readonly x: number
  readonly y: number
  readonly pressure: number
  /** Contact size in CSS px (touch); 0 or 1 when the device does not report it. */
  readonly width: number
  readonly height: number
  /** PointerEvent.timeStamp, ms. */
  readonly t: number
  readonly buttons: number
}

export interface InkStyle {
  readonly color: string
  /** Widths in page units. */
  readonly penWidth: number
  readonly highlighterWidth: number
  /** Eraser radius in CSS px, so it feels the same at any zoom. */
  readonly eraserRadius: number
}

export type InkAction = 'pen' | 'highlighter' | 'stroke-eraser' | 'area-eraser' | 'palm-eraser'

export interface InkEvents {
  /** Strokes in progress changed: redraw the live layer. */
  live?(): void
  /** One stroke was committed: draw it onto the committed layer. */
  added?(stroke: InkStroke): void
  /** Anything else changed the committed strokes (erase, undo, clear, slide, view): redraw them all. */
  reset?(): void
  /** The eraser circle to show (screen px), or null to hide it. */
  eraser?(at: Pt | null, radius: number): void
  /** A tool was used (for the lesson record) and the teacher is active. */
  action?(tool: InkAction): void
}

/** A touch whose contact is at least this large (CSS px) is a palm. */
export const PALM_MIN_SIZE = 48
/** Two fingers landing within this time of each other on a whiteboard are a pan/zoom gesture. */
export const GESTURE_WINDOW_MS = 250
const GESTURE_SLOP_PX = 24

/** A large touch contact is a palm or the side of a hand, not a fingertip. */
export function isPalm(e: Pick<InkInput, 'pointerType' | 'width' | 'height'>, minSize = PALM_MIN_SIZE): boolean {
  return e.pointerType === 'touch' && Math.max(e.width, e.height) >= minSize
}

type Contact =
  | {
      role: 'draw'
      builder: StrokeBuilder
      down: Pt
      downAt: number
      pointerType: PointerKind
      /** The ruler edge this stroke follows, if it began beside one. */
      guide: GuideEdge | null
    }
  | { role: 'erase'; kind: 'stroke' | 'area' | 'palm'; last: Pt; radius: number }
  | { role: 'gesture'; at: Pt }
  | { role: 'ignore' }

export interface InkControllerOptions {
  readonly newId: () => string
  readonly palmMinSize?: number
  readonly events?: InkEvents
}

export class InkController {
  mode: InkMode = 'pen'
  style: InkStyle = { color: '#E53935', penWidth: 4, highlighterWidth: 24, eraserRadius: 24 }
  /** Whiteboard pages may be panned and zoomed; slides stay fitted. */
  whiteboard = false
  /** Ruler edges on the surface (CSS px): a stroke that starts beside one follows its line. */
  guides: readonly GuideEdge[] = []
  #ink: SlideInk = new SlideInk()
  #view: View = { scale: 1, x: 0, y: 0 }
  #fit: View = { scale: 1, x: 0, y: 0 }
  readonly #contacts = new Map<number, Contact>()
  #gesture: { a: number; b: number; a0: Pt; b0: Pt; start: View } | null = null
  readonly #newId: () => string
  readonly #palmMin: number
  events: InkEvents

  constructor(opts: InkControllerOptions) {
    this.#newId = opts.newId
    this.#palmMin = opts.palmMinSize ?? PALM_MIN_SIZE
    this.events = opts.events ?? {}
  }

  get ink(): SlideInk {
    return this.#ink
  }

  get view(): View {
    return this.#view
  }

  /** Shows another slide's ink; anything in progress is dropped. */
  setSlide(ink: SlideInk): void {
    this.cancelAll()
    this.#ink = ink
    this.events.reset?.()
  }

  /** Sets the fitted view (after a resize or slide change) and resets any zoom. */
  setFit(fit: View): void {
    this.#fit = fit
    this.#view = fit
    this.events.reset?.()
  }

  /** True when a whiteboard page is panned or zoomed away from its fitted view. */
  get zoomed(): boolean {
    const v = this.#view
    const f = this.#fit
    return Math.abs(v.scale - f.scale) > 1e-6 || Math.abs(v.x - f.x) > 0.5 || Math.abs(v.y - f.y) > 0.5
  }

  /** Back to the fitted view after a pinch zoom. */
  resetZoom(): void {
    this.#gesture = null
    this.#view = this.#fit
    this.events.reset?.()
  }

  /** Strokes being drawn right now, one per drawing pointer. */
  liveStrokes(): InkStroke[] {
    const out: InkStroke[] = []
    for (const c of this.#contacts.values()) if (c.role === 'draw') out.push(c.builder.stroke)
    return out
  }

  undo(): void {
    if (this.#ink.undo()) this.events.reset?.()
  }

  redo(): void {
    if (this.#ink.redo()) this.events.reset?.()
  }

  clear(): void {
    this.#ink.clear()
    this.events.reset?.()
  }

  cancelAll(): void {
    const hadLive = this.liveStrokes().length > 0
    this.#contacts.clear()
    this.#gesture = null
    this.#ink.endBatch()
    if (hadLive) this.events.live?.()
    this.events.eraser?.(null, 0)
  }

  input(e: InkInput): void {
    switch (e.kind) {
      case 'down':
        return this.#down(e)
      case 'move':
        return this.#move(e)
      case 'up':
        return this.#up(e, true)
      case 'cancel':
        return this.#up(e, false)
    }
  }

  #down(e: InkInput): void {
    if (e.pointerType === 'mouse' && (e.buttons & 1) === 0) return
    const screen = { x: e.x, y: e.y }
    if (isPalm(e, this.#palmMin)) {
      this.#startErase(e.pointerId, 'palm', screen, Math.max(e.width, e.height) / 2)
      return
    }
    if (this.whiteboard && e.pointerType === 'touch' && this.#tryStartGesture(e)) return
    if (this.#gesture) {
      this.#contacts.set(e.pointerId, { role: 'ignore' })
      return
    }
    // A pen's eraser end or barrel button (buttons bit 32) erases whatever tool is chosen.
    if (e.pointerType === 'pen' && (e.buttons & 32) !== 0) {
      this.#startErase(e.pointerId, 'stroke', screen, this.style.eraserRadius)
      return
    }
    if (this.mode === 'stroke-eraser' || this.mode === 'area-eraser') {
      this.#startErase(e.pointerId, this.mode === 'stroke-eraser' ? 'stroke' : 'area', screen, this.style.eraserRadius)
      return
    }
    const guide = this.guides.length ? guideFor(this.guides, screen) : null
    const p = toPage(this.#view, guide ? nearestOnEdge(guide, screen).at : screen)
    const tool = this.mode === 'highlighter' ? 'highlighter' : 'pen'
    const builder = new StrokeBuilder({
      id: this.#newId(),
      tool,
      color: this.style.color,
      width: tool === 'highlighter' ? this.style.highlighterWidth : this.style.penWidth,
      pointer: e.pointerType,
      first: { x: p.x, y: p.y, pressure: e.pressure, t: e.t }
    })
    this.#contacts.set(e.pointerId, {
      role: 'draw',
      builder,
      down: screen,
      downAt: e.t,
      pointerType: e.pointerType,
      guide
    })
    this.events.action?.(tool)
    this.events.live?.()
  }

  #move(e: InkInput): void {
    const c = this.#contacts.get(e.pointerId)
    if (!c) return
    const screen = { x: e.x, y: e.y }
    if (c.role === 'draw') {
      if (isPalm(e, this.#palmMin)) {
        // The contact grew: a hand landed edge-first. Drop its line and erase instead.
        this.#contacts.delete(e.pointerId)
        this.events.live?.()
        this.#startErase(e.pointerId, 'palm', screen, Math.max(e.width, e.height) / 2)
        return
      }
      const p = toPage(this.#view, c.guide ? nearestOnEdge(c.guide, screen).at : screen)
      c.builder.add({ x: p.x, y: p.y, pressure: e.pressure, t: e.t })
      this.events.live?.()
    } else if (c.role === 'erase') {
      if (c.kind === 'palm') c.radius = Math.max(c.radius, Math.max(e.width, e.height) / 2)
      this.#eraseAlong(c, screen)
    } else if (c.role === 'gesture') {
      c.at = screen
      this.#updateGesture()
    }
  }

  #up(e: InkInput, commit: boolean): void {
    const c = this.#contacts.get(e.pointerId)
    if (!c) return
    this.#contacts.delete(e.pointerId)
    if (c.role === 'draw') {
      if (commit) {
        // The up event usually repeats the last move's position; keep it only when it is new.
        const pts = c.builder.stroke.points
        const last = pts[pts.length - 1]!
        const up = { x: e.x, y: e.y }
        const p = toPage(this.#view, c.guide ? nearestOnEdge(c.guide, up).at : up)
        if (p.x !== last[0] || p.y !== last[1]) c.builder.add({ x: p.x, y: p.y, pressure: last[2], t: e.t })
        this.#ink.add(c.builder.stroke, c.builder.startedAt)
        this.events.live?.()
        this.events.added?.(c.builder.stroke)
      } else {
        this.events.live?.()
      }
    } else if (c.role === 'erase') {
      if (![...this.#contacts.values()].some((o) => o.role === 'erase')) {
        this.#ink.endBatch()
        this.events.eraser?.(null, 0)
      }
    } else if (c.role === 'gesture') {
      // One finger lifted: the gesture ends; the other finger does nothing until it lifts.
      const g = this.#gesture
      this.#gesture = null
      if (g) {
        const other = g.a === e.pointerId ? g.b : g.a
        if (this.#contacts.has(other)) this.#contacts.set(other, { role: 'ignore' })
      }
    }
  }

  #tryStartGesture(e: InkInput): boolean {
    if (this.#gesture) return false
    const touches = [...this.#contacts].filter(([, c]) => c.role === 'draw' && c.pointerType === 'touch')
    if (touches.length !== 1) return false
    const [otherId, other] = touches[0]! as [number, Extract<Contact, { role: 'draw' }>]
    const lastPt = other.builder.stroke.points[other.builder.stroke.points.length - 1]!
    const otherNow = toScreen(this.#view, { x: lastPt[0], y: lastPt[1] })
    const moved = Math.hypot(otherNow.x - other.down.x, otherNow.y - other.down.y)
    if (e.t - other.downAt > GESTURE_WINDOW_MS || moved > GESTURE_SLOP_PX) return false
    // Both fingers landed together: this is pan/zoom, and the first finger's dot is not ink.
    this.#contacts.set(otherId, { role: 'gesture', at: otherNow })
    this.#contacts.set(e.pointerId, { role: 'gesture', at: { x: e.x, y: e.y } })
    this.#gesture = { a: otherId, b: e.pointerId, a0: otherNow, b0: { x: e.x, y: e.y }, start: this.#view }
    this.events.live?.()
    return true
  }

  #updateGesture(): void {
    const g = this.#gesture
    if (!g) return
    const a = this.#contacts.get(g.a)
    const b = this.#contacts.get(g.b)
    if (a?.role !== 'gesture' || b?.role !== 'gesture') return
    this.#view = pinch(g.start, g.a0, g.b0, a.at, b.at, this.#fit)
    this.events.reset?.()
  }

  #startErase(pointerId: number, kind: 'stroke' | 'area' | 'palm', screen: Pt, radius: number): void {
    const c: Contact = { role: 'erase', kind, last: screen, radius }
    this.#contacts.set(pointerId, c)
    this.#ink.beginBatch()
    this.events.action?.(kind === 'palm' ? 'palm-eraser' : kind === 'stroke' ? 'stroke-eraser' : 'area-eraser')
    this.#eraseAlong(c, screen)
  }

  #eraseAlong(c: Extract<Contact, { role: 'erase' }>, screen: Pt): void {
    const eraser: Eraser = {
      from: toPage(this.#view, c.last),
      to: toPage(this.#view, screen),
      radius: c.radius / this.#view.scale
    }
    c.last = screen
    this.events.eraser?.(screen, c.radius)
    const strokes = this.#ink.strokes
    const removeIds = new Set<string>()
    const pieces: ErasedPiece[] = []
    if (c.kind === 'stroke') {
      for (const s of strokes) if (eraserHitsStroke(s, eraser)) removeIds.add(s.id)
    } else {
      for (const s of strokes) {
        const cut = eraseArea(s, eraser, this.#newId)
        if (cut) {
          removeIds.add(s.id)
          pieces.push(...cut)
        }
      }
    }
    if (removeIds.size) {
      this.#ink.replace(removeIds, pieces)
      this.events.reset?.()
    }
  }
}
