/**
 * Our side of the fidelity benchmark: the real browser host (dist/node/cli.mjs serve) imports each
 * deck through courseware:import, the same worker path as a teacher's import, and the app's own
 * print view (/print/:docId) draws every slide with the one slide renderer in Chromium. Each slide
 * is screenshot, and the words it shows are read from the DOM: a character counts only where it
 * is drawn inside every box that clips it (text cut off by overflow is not shown to anyone).
 */
import type { Browser, Page } from 'playwright-core'
import type { Deck } from '../../src-shared/courseware/deck'
import { startHost, type RunningHost } from '../../tests/e2e/fixtures/browser-host'
import { connectRpc, type RpcClient } from '../../tests/e2e/fixtures/rpc-client'

/**
 * Page-side, as plain JavaScript (tsx would name serialised functions with a helper the page
 * lacks). Walks the slide's text nodes; a character is kept when the centre of its box lies inside
 * the slide and inside every ancestor that clips (overflow other than visible), and nothing on the
 * way up is hidden or fully transparent. Blocks, and runs that start a new line, are separated by a space. Numbers of numbered
 * lists are drawn by CSS (::marker), not DOM text, so they are added as the marker shows them.
 */
const VISIBLE_TEXT = String.raw`
window.__visibleText = (root) => {
  const rootRect = root.getBoundingClientRect()
  const inside = (r, x, y) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom
  const clipsOf = new Map()
  const clips = (el) => {
    if (clipsOf.has(el)) return clipsOf.get(el)
    let out
    if (el === root || !el.parentElement) out = [rootRect]
    else {
      const up = clips(el.parentElement)
      const s = getComputedStyle(el)
      if (up === null || s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') out = null
      else if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out = [...up, el.getBoundingClientRect()]
      else out = up
    }
    clipsOf.set(el, out)
    return out
  }
  const isBlock = (el) => !/^inline/.test(getComputedStyle(el).display)
  const blockOf = (el) => {
    for (let a = el; a && a !== root; a = a.parentElement) if (isBlock(a)) return a
    return root
  }
  const markerOf = (el) => {
    const s = getComputedStyle(el)
    if (s.display !== 'list-item') return ''
    const type = s.listStyleType
    if (!/decimal|alpha|latin|roman|cjk|chinese/.test(type)) return ''
    let n = 1
    for (let p = el.previousElementSibling; p; p = p.previousElementSibling)
      if (getComputedStyle(p).display === 'list-item') n++
    if (/alpha|latin/.test(type)) return String.fromCharCode((/upper/.test(type) ? 64 : 96) + ((n - 1) % 26) + 1)
    if (/roman/.test(type)) {
      let r = ''
      for (const [v, d] of [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']])
        for (; n >= v; n -= v) r += d
      return r
    }
    return String(n)
  }
  const range = document.createRange()
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let text = ''
  let lastBlock = null
  let lastRect = null
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim() || !node.parentElement) continue
    const c = clips(node.parentElement)
    if (c === null) continue
    const block = blockOf(node.parentElement)
    if (block !== lastBlock) {
      text += ' ' + markerOf(block) + ' '
      lastBlock = block
    }
    let first = true
    for (let i = 0; i < node.data.length; i++) {
      const ch = node.data[i]
      if (/\s/.test(ch)) {
        text += ch
        continue
      }
      // A surrogate pair is one character.
      const len = ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00 ? 2 : 1
      range.setStart(node, i)
      range.setEnd(node, Math.min(node.data.length, i + len))
      const r = range.getBoundingClientRect()
      const x = r.left + r.width / 2
      const y = r.top + r.height / 2
      // Runs on two lines of one paragraph (a line break between them) are two words, not one.
      if (first && lastRect && r.top >= lastRect.bottom - 1) text += ' '
      first = false
      const shown = r.width > 0 && c.every((k) => inside(k, x, y))
      text += shown ? node.data.slice(i, i + len) : ' '
      if (shown) lastRect = r
      i += len - 1
    }
  }
  return text
}
`

export interface OurSlide {
  /** Screenshot of the slide at the print view's size, PNG. */
  png: Buffer
  /** The words the slide shows (see VISIBLE_TEXT). */
  text: string
}

export interface OurDeck {
  deck: Deck
  /** Slides the print view draws: the deck's slides that are not hidden, in order. */
  slides: OurSlide[]
}

export class OurRenderer {
  private constructor(
    private readonly host: RunningHost,
    private readonly rpc: RpcClient,
    private readonly page: Page
  ) {}

  /** `width` is the slide's drawn width in CSS pixels (the screenshot's width). */
  static async start(browser: Browser, dataDir: string, width: number): Promise<OurRenderer> {
    const host = await startHost(dataDir)
    const rpc = await connectRpc(host.url)
    // The print view draws a slide 960 px wide; the device scale makes the screenshot `width` wide.
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: width / 960 })
    await page.addInitScript({ content: VISIBLE_TEXT })
    await page.goto(`${host.url}#/prepare`)
    await page.waitForSelector('#app *')
    // The print view's sticky bar would cover the top of a slide scrolled under it in the screenshot.
    await page.addStyleTag({ content: '[data-testid="print-view"] .print-bar { display: none !important; }' })
    return new OurRenderer(host, rpc, page)
  }

  async render(path: string): Promise<OurDeck> {
    const { document: doc } = await this.rpc.call('courseware:import', { path })
    try {
      await this.page.evaluate(() => document.documentElement.removeAttribute('data-print-ready'))
      await this.page.evaluate((id) => (location.hash = `#/print/${encodeURIComponent(id)}`), doc.docId)
      await this.page.waitForFunction(
        () =>
          document.documentElement.dataset.printReady === 'true' || document.title.startsWith('classdeck:print-error'),
        undefined,
        { timeout: 60_000 }
      )
      const title = await this.page.title()
      if (title.startsWith('classdeck:print-error')) throw new Error(`print view: ${title}`)
      const views = await this.page.locator('[data-testid="print-page"] [data-testid="slide-view"]').all()
      const slides: OurSlide[] = []
      for (const view of views) {
        await view.scrollIntoViewIfNeeded()
        const text = await view.evaluate((el) =>
          (window as unknown as { __visibleText(e: Element): string }).__visibleText(el)
        )
        slides.push({ png: await view.screenshot({ animations: 'disabled' }), text })
      }
      return { deck: doc.deck, slides }
    } finally {
      await this.rpc.call('courseware:close', { docId: doc.docId }).catch(() => undefined)
    }
  }

  async stop(): Promise<void> {
    await this.page.close().catch(() => undefined)
    this.rpc.close()
    await this.host.stop()
  }
}
