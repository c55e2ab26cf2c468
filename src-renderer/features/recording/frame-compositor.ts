/**
 * One video frame of the board: the last DOM picture (BoardRaster), then whatever is drawn on
 * canvases and videos inside the board (the ink layers, charts, a playing video) at their places,
 * every frame, so ink is live at 30 fps. Letterboxed into the output size.
 */
import { NOT_RECORDED, type BoardRaster } from './board-raster'

export class FrameCompositor {
  readonly canvas: HTMLCanvasElement
  readonly #ctx: CanvasRenderingContext2D
  readonly #root: HTMLElement
  readonly #raster: BoardRaster

  /** When the board last took pointer input (ink strokes, the eraser, dragging a tool). */
  #inputAt = -Infinity
  #drawnAt = -Infinity
  #drawnPicture: HTMLCanvasElement | null = null
  #pictureSeen = 0
  readonly #onInput = (): void => {
    this.#inputAt = performance.now()
  }

  constructor(root: HTMLElement, raster: BoardRaster, size: { width: number; height: number }) {
    this.#root = root
    this.#raster = raster
    this.canvas = document.createElement('canvas')
    this.canvas.width = size.width
    this.canvas.height = size.height
    this.#ctx = this.canvas.getContext('2d', { alpha: false })!
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'wheel'])
      root.addEventListener(type, this.#onInput, { capture: true, passive: true })
    raster.onPicture = () => this.#pictureSeen++
  }

  dispose(): void {
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'wheel'])
      this.#root.removeEventListener(type, this.#onInput, { capture: true })
  }

  /**
   * Whether the frame may look different from the last one drawn. A 1080p composite is three
   * full-frame blits, about 20 ms of main-thread raster in software; a still board (most of a
   * lesson) is encoded again from the same canvas at no cost. Redrawn anyway once a second.
   */
  changed(): boolean {
    const now = performance.now()
    if (now - this.#drawnAt > 1000) return true
    if (this.#pictureSeen > 0 || this.#raster.picture !== this.#drawnPicture) return true
    // Ink settles (commit, smoothing) a little after the pen lifts.
    if (now - this.#inputAt < 400) return true
    if (this.#root.closest('[data-replaying="true"]') || this.#root.querySelector('[data-replaying="true"]'))
      return true
    for (const v of this.#root.querySelectorAll('video')) if (!v.paused && !v.ended) return true
    return false
  }

  /** Draws the frame; returns its script time in ms. */
  draw(): number {
    const t0 = performance.now()
    this.#drawnAt = t0
    this.#pictureSeen = 0
    this.#drawnPicture = this.#raster.picture
    const ctx = this.#ctx
    const { width: W, height: H } = this.canvas
    const rect = this.#root.getBoundingClientRect()
    ctx.fillStyle = '#111'
    ctx.fillRect(0, 0, W, H)
    if (rect.width < 1 || rect.height < 1) return performance.now() - t0
    const scale = Math.min(W / rect.width, H / rect.height)
    const ox = (W - rect.width * scale) / 2
    const oy = (H - rect.height * scale) / 2
    const pic = this.#raster.picture
    if (pic) ctx.drawImage(pic, ox, oy, rect.width * scale, rect.height * scale)
    // A black or white screen covers everything the class would otherwise see, ink included.
    if (this.#root.querySelector('[data-testid="blank-screen"]')) return performance.now() - t0
    for (const el of this.#root.querySelectorAll<HTMLCanvasElement | HTMLVideoElement>('canvas, video')) {
      if (el.closest(NOT_RECORDED)) continue
      if (el instanceof HTMLVideoElement && el.readyState < 2) continue
      if (el instanceof HTMLCanvasElement && (el.width === 0 || el.height === 0)) continue
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) continue
      try {
        ctx.drawImage(
          el,
          ox + (r.left - rect.left) * scale,
          oy + (r.top - rect.top) * scale,
          r.width * scale,
          r.height * scale
        )
      } catch {
        // A video from another origin cannot be drawn; it is left out of the frame.
      }
    }
    return performance.now() - t0
  }
}
