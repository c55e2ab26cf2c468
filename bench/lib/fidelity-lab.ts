/**
 * The fidelity benchmark's picture bench: a Chromium page with pdf.js (pdfjs-dist, the copy the app
 * ships) that draws LibreOffice's PDF pages at our slide's pixel size and reads their text, turns
 * pictures into greyscale bytes for SSIM, and lays the worst pairs side by side. No file of the page
 * comes from outside: Playwright answers its requests from node_modules.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'

const ORIGIN = 'http://fidelity.lab'
const PDFJS = join(import.meta.dirname, '../../node_modules/pdfjs-dist')

// Plain JavaScript in the page (not functions serialised from here: tsx names them with a helper
// the page does not have).
const SCRIPT = String.raw`
import * as pdfjs from '/pdfjs/build/pdf.mjs'
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs'

const canvasOf = (width, height) => {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  return [canvas, ctx]
}
// Luma as ssim.js's integer conversion computes it, one byte per pixel, base64.
const greyOf = (ctx, width, height) => {
  const rgba = ctx.getImageData(0, 0, width, height).data
  const parts = []
  for (let row = 0; row < height; row++) {
    let bin = ''
    for (let i = row * width * 4, end = i + width * 4; i < end; i += 4)
      bin += String.fromCharCode((77 * rgba[i] + 150 * rgba[i + 1] + 29 * rgba[i + 2] + 128) >> 8)
    parts.push(bin)
  }
  return btoa(parts.join(''))
}
const bitmap = async (b64) => createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob())

// Items on one line are joined with a space where pdf.js saw a gap wider than a fifth of the font
// size, so a word drawn in several pieces stays one word and two words stay two.
const pageText = (content) => {
  let text = ''
  let lastEnd = null
  let lastY = null
  for (const item of content.items) {
    if (!('str' in item)) continue
    const x = item.transform[4]
    const y = item.transform[5]
    const size = Math.hypot(item.transform[2], item.transform[3]) || 10
    if (lastEnd !== null && (Math.abs(y - lastY) > size * 0.5 || x - lastEnd > size * 0.2)) text += ' '
    text += item.str
    if (item.hasEOL) text += '\n'
    lastEnd = item.hasEOL ? null : x + item.width
    lastY = y
  }
  return text
}

window.lab = {
  async renderPdf({ b64, width, height }) {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const doc = await pdfjs.getDocument({
      data,
      cMapUrl: '/pdfjs/cmaps/',
      cMapPacked: true,
      standardFontDataUrl: '/pdfjs/standard_fonts/',
      wasmUrl: '/pdfjs/wasm/'
    }).promise
    const out = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const base = page.getViewport({ scale: 1 })
      const viewport = page.getViewport({ scale: width / base.width })
      const [drawn] = canvasOf(Math.round(viewport.width), Math.round(viewport.height))
      await page.render({ canvas: drawn, viewport }).promise
      // A page of another shape than our slide is stretched to it, so both pictures have one size.
      const [canvas, ctx] = canvasOf(width, height)
      ctx.drawImage(drawn, 0, 0, width, height)
      out.push({
        png: canvas.toDataURL('image/png').split(',')[1],
        grey: greyOf(ctx, width, height),
        text: pageText(await page.getTextContent())
      })
      page.cleanup()
    }
    await doc.destroy()
    return out
  },
  async grey({ png, width, height }) {
    const [, ctx] = canvasOf(width, height)
    ctx.drawImage(await bitmap(png), 0, 0, width, height)
    return greyOf(ctx, width, height)
  },
  async sideBySide({ ours, theirs, caption, width }) {
    const a = await bitmap(ours)
    const b = await bitmap(theirs)
    const h = Math.round((a.height * width) / a.width)
    const gap = 8
    const bar = 30
    const [canvas, ctx] = canvasOf(width * 2 + gap, h + bar)
    ctx.fillStyle = '#3c4650'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(a, 0, bar, width, h)
    ctx.drawImage(b, width + gap, bar, width, h)
    ctx.fillStyle = '#ffffff'
    ctx.font = '16px sans-serif'
    ctx.textBaseline = 'middle'
    ctx.fillText('ours (ClassDeck) — ' + caption, 8, bar / 2, width - 16)
    ctx.fillText('LibreOffice', width + gap + 8, bar / 2, width - 16)
    return canvas.toDataURL('image/png').split(',')[1]
  }
}
document.body.dataset.ready = '1'
`

export interface PdfPage {
  /** PNG of the page drawn at the asked size, base64. */
  png: string
  /** One byte of luma per pixel, base64. */
  grey: string
  /** The page's text as pdf.js reads it (text drawn as pictures or outlines has none). */
  text: string
}

interface LabWindow {
  lab: {
    renderPdf(a: { b64: string; width: number; height: number }): Promise<PdfPage[]>
    grey(a: { png: string; width: number; height: number }): Promise<string>
    sideBySide(a: { ours: string; theirs: string; caption: string; width: number }): Promise<string>
  }
}

export class Lab {
  private constructor(private readonly page: Page) {}

  static async open(browser: Browser): Promise<Lab> {
    const page = await browser.newPage()
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/')
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><meta charset="utf-8"><body><script type="module">${SCRIPT}</script></body>`
        })
      if (path.startsWith('/pdfjs/') && !path.includes('..')) {
        const file = join(PDFJS, path.slice('/pdfjs/'.length))
        const type = file.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream'
        try {
          return await route.fulfill({ contentType: type, body: readFileSync(file) })
        } catch {
          return route.fulfill({ status: 404, body: '' })
        }
      }
      return route.fulfill({ status: 404, body: '' })
    })
    await page.goto(`${ORIGIN}/`)
    await page.waitForSelector('body[data-ready="1"]', { state: 'attached' })
    return new Lab(page)
  }

  /** Every page of a PDF drawn at width×height with its text. */
  renderPdf(pdf: Uint8Array, width: number, height: number): Promise<PdfPage[]> {
    const b64 = Buffer.from(pdf).toString('base64')
    return this.page.evaluate((a) => (window as unknown as LabWindow).lab.renderPdf(a), { b64, width, height })
  }

  /** A PNG (base64) as luma bytes at width×height. */
  async grey(png: string, width: number, height: number): Promise<Uint8Array> {
    const b64 = await this.page.evaluate((a) => (window as unknown as LabWindow).lab.grey(a), { png, width, height })
    return new Uint8Array(Buffer.from(b64, 'base64'))
  }

  /** Ours | LibreOffice's, each `width` wide, under a caption line; a PNG. */
  async sideBySide(ours: string, theirs: string, caption: string, width: number): Promise<Buffer> {
    const b64 = await this.page.evaluate((a) => (window as unknown as LabWindow).lab.sideBySide(a), {
      ours,
      theirs,
      caption,
      width
    })
    return Buffer.from(b64, 'base64')
  }

  close(): Promise<void> {
    return this.page.close()
  }
}
