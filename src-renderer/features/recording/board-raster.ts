/**
 * A picture of the board from our own rendering: the board's DOM (slides are DOM/SVG) cloned into
 * an SVG `<foreignObject>`, loaded as a `data:` image (a `blob:` one would taint the canvas and
 * WebCodecs would refuse its frames), drawn into a canvas at the output's scale (an ImageBitmap of
 * such an image is tainted too). That costs a few to a few tens of
 * milliseconds, so it runs only when the board changes (a MutationObserver, plus a few settling
 * passes for CSS transitions such as build steps); what moves every frame — ink, videos, charts
 * drawn on canvases — is drawn live on top by the compositor.
 *
 * Not captured: web fonts (a data: image cannot load them, so text uses the system's fonts, and
 * KaTeX formulas fall back to them), and anything the CSS gets from outside the board's element.
 */

/** Controls that the class sees but a 微课 should not show; the recording's own UI is marked data-recording-ui. */
export const NOT_RECORDED = [
  '[data-recording-ui]',
  '[data-testid="tools-dock"]',
  '.corner',
  '.edge',
  '[data-testid="teach-back"]',
  '[data-testid="teach-save-status"]',
  '[data-testid="end-ask"]'
].join(',')

const XHTML = 'http://www.w3.org/1999/xhtml'
const SETTLE_MS = [120, 350, 800]

export interface RasterStats {
  readonly snapshots: number
  /** Script time of each snapshot (clone, inline, serialise), ms. */
  readonly costs: readonly number[]
}

export class BoardRaster {
  readonly #root: HTMLElement
  #picture: HTMLCanvasElement | null = null
  /** Output pixels per CSS pixel of the board: the SVG is rasterised at the video's resolution. */
  readonly #scale: (cssWidth: number, cssHeight: number) => number
  #dirty = true
  #running = false
  #observer: MutationObserver | null = null
  #timers: ReturnType<typeof setTimeout>[] = []
  #css: string | null = null
  #sheetCount = -1
  readonly #inlined = new Map<string, Promise<string>>()
  readonly #costs: number[] = []
  #snapshots = 0
  #disposed = false
  /** Called when a new picture is ready. */
  onPicture: (() => void) | null = null

  constructor(root: HTMLElement, scale: (cssWidth: number, cssHeight: number) => number = () => 1) {
    this.#root = root
    this.#scale = scale
  }

  /** The last picture of the board, at the output's scale. */
  get picture(): HTMLCanvasElement | null {
    return this.#picture
  }

  get stats(): RasterStats {
    return { snapshots: this.#snapshots, costs: this.#costs }
  }

  start(): void {
    this.#observer = new MutationObserver((records) => {
      if (records.every((r) => isRecordingUi(r.target))) return
      this.invalidate()
    })
    this.#observer.observe(this.#root, { subtree: true, childList: true, attributes: true, characterData: true })
    this.#root.addEventListener('transitionend', this.#onSettled)
    this.#root.addEventListener('animationend', this.#onSettled)
    window.addEventListener('resize', this.#onSettled)
    this.invalidate()
  }

  /** The board changed: take a picture now and a few more while its transitions settle. */
  invalidate(): void {
    this.#dirty = true
    for (const t of this.#timers) clearTimeout(t)
    this.#timers = SETTLE_MS.map((ms) => setTimeout(() => this.#request(), ms))
    this.#request()
  }

  /** Waits for a picture of the board as it is now (the first frame, a thumbnail). */
  async current(): Promise<HTMLCanvasElement | null> {
    while ((this.#dirty || this.#running) && !this.#disposed) await new Promise((r) => setTimeout(r, 20))
    return this.#picture
  }

  dispose(): void {
    this.#disposed = true
    this.#observer?.disconnect()
    for (const t of this.#timers) clearTimeout(t)
    this.#root.removeEventListener('transitionend', this.#onSettled)
    this.#root.removeEventListener('animationend', this.#onSettled)
    window.removeEventListener('resize', this.#onSettled)
    this.#picture = null
  }

  readonly #onSettled = (): void => {
    this.#dirty = true
    this.#request()
  }

  #request(): void {
    if (this.#running || this.#disposed) return
    this.#dirty = true
    this.#running = true
    void this.#snapshot()
      .catch((e: unknown) => console.warn('recording: board snapshot failed', e))
      .finally(() => {
        this.#running = false
        if (this.#dirty && !this.#disposed) this.#request()
      })
  }

  async #snapshot(): Promise<void> {
    this.#dirty = false
    const t0 = performance.now()
    const rect = this.#root.getBoundingClientRect()
    const w = Math.max(1, Math.round(rect.width))
    const h = Math.max(1, Math.round(rect.height))
    const clone = this.#root.cloneNode(true) as HTMLElement
    for (const el of clone.querySelectorAll(NOT_RECORDED)) el.remove()
    // Inputs keep their typed values only as properties; canvases and videos are drawn live.
    for (const el of clone.querySelectorAll('canvas, video, script')) el.replaceWith(document.createElement('span'))
    const pending = this.#inlineMedia(clone)
    let cost = performance.now() - t0
    await pending
    const t1 = performance.now()
    const css = this.#styles()
    const body = getComputedStyle(document.body)
    const rootFont = getComputedStyle(document.documentElement).fontSize
    clone.style.setProperty('width', `${w}px`)
    clone.style.setProperty('height', `${h}px`)
    clone.setAttribute('xmlns', XHTML)
    const markup = new XMLSerializer().serializeToString(clone)
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" style="font-size:${rootFont}">` +
      `<foreignObject x="0" y="0" width="${w}" height="${h}">` +
      `<div xmlns="${XHTML}" style="width:${w}px;height:${h}px;font-family:${escapeAttr(body.fontFamily)};` +
      `color:${body.color};line-height:${body.lineHeight}"><style>${escapeText(css)}</style>${markup}</div>` +
      `</foreignObject></svg>`
    const img = new Image()
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
    cost += performance.now() - t1
    await img.decode()
    if (this.#disposed) return
    const t2 = performance.now()
    const k = this.#scale(w, h)
    const pw = Math.max(1, Math.round(w * k))
    const ph = Math.max(1, Math.round(h * k))
    const pic = this.#picture ?? document.createElement('canvas')
    if (pic.width !== pw || pic.height !== ph) {
      pic.width = pw
      pic.height = ph
    }
    const ctx = pic.getContext('2d')!
    ctx.clearRect(0, 0, pw, ph)
    ctx.drawImage(img, 0, 0, pw, ph)
    this.#picture = pic
    cost += performance.now() - t2
    this.#snapshots++
    this.#costs.push(cost)
    if (this.#costs.length > 2000) this.#costs.splice(0, 1000)
    this.onPicture?.()
  }

  /** All the page's CSS, read again only when a stylesheet is added or removed. */
  #styles(): string {
    const sheets = document.styleSheets
    if (this.#css !== null && sheets.length === this.#sheetCount) return this.#css
    const parts: string[] = []
    for (const sheet of Array.from(sheets)) {
      try {
        for (const rule of Array.from(sheet.cssRules)) {
          // @font-face cannot load inside a data: image; leaving it out saves the parse.
          if (rule instanceof CSSFontFaceRule) continue
          parts.push(rule.cssText)
        }
      } catch {
        // A stylesheet from another origin cannot be read; the board has none.
      }
    }
    this.#sheetCount = sheets.length
    this.#css = parts.join('\n')
    return this.#css
  }

  /** Pictures must be inside the SVG (an SVG image loads nothing): each URL fetched once, as a data URL. */
  async #inlineMedia(clone: HTMLElement): Promise<void> {
    const jobs: Promise<void>[] = []
    for (const img of clone.querySelectorAll('img')) {
      const src = img.getAttribute('src')
      if (src && !src.startsWith('data:')) {
        img.removeAttribute('srcset')
        jobs.push(this.#dataUrl(src).then((u) => img.setAttribute('src', u)))
      }
    }
    for (const image of clone.querySelectorAll('image')) {
      const href = image.getAttribute('href') ?? image.getAttribute('xlink:href')
      if (href && !href.startsWith('data:')) {
        jobs.push(this.#dataUrl(href).then((u) => image.setAttribute('href', u)))
      }
    }
    for (const el of clone.querySelectorAll<HTMLElement>('[style*="url("]')) {
      const style = el.getAttribute('style') ?? ''
      const urls = [...style.matchAll(/url\((['"]?)([^'")]+)\1\)/g)]
        .map((m) => m[2]!)
        .filter((u) => !u.startsWith('data:'))
      for (const u of urls) {
        jobs.push(
          this.#dataUrl(u).then((d) => el.setAttribute('style', (el.getAttribute('style') ?? '').split(u).join(d)))
        )
      }
    }
    await Promise.all(jobs)
  }

  #dataUrl(url: string): Promise<string> {
    const abs = new URL(url, document.baseURI).href
    let p = this.#inlined.get(abs)
    if (!p) {
      p = fetch(abs)
        .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then(
          (blob) =>
            new Promise<string>((resolve, reject) => {
              const fr = new FileReader()
              fr.onload = () => resolve(String(fr.result))
              fr.onerror = () => reject(fr.error ?? new Error('read failed'))
              fr.readAsDataURL(blob)
            })
        )
        // A picture that cannot be read is left out of the recording rather than stopping it.
        .catch(() => 'data:,')
      this.#inlined.set(abs, p)
      if (this.#inlined.size > 300) this.#inlined.delete(this.#inlined.keys().next().value!)
    }
    return p
  }
}

function isRecordingUi(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement
  return !!el?.closest('[data-recording-ui]')
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "'")
}
