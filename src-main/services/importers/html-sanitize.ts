/**
 * Lesson-plan HTML from mammoth, made safe to show inside the app: DOMPurify on a jsdom window,
 * with no scripts, no styles, no external URLs and no javascript: links. The only image sources left
 * are our own `media/<sha256>.<ext>`; the only links are in-document anchors.
 */
import { createRequire } from 'node:module'
import type { JSDOM as JSDOMType } from 'jsdom'
import type createDOMPurifyType from 'dompurify'

// jsdom pulls in a large module graph; load it on the first lesson plan, not at start-up.
const requireLazy = createRequire(import.meta.url)
let jsdom: typeof JSDOMType | null = null
let purifyInstance: ReturnType<typeof createDOMPurifyType> | null = null
function JSDOM(): typeof JSDOMType {
  jsdom ??= (requireLazy('jsdom') as { JSDOM: typeof JSDOMType }).JSDOM
  return jsdom
}
function getPurify(): ReturnType<typeof createDOMPurifyType> {
  if (!purifyInstance) {
    const mod = requireLazy('dompurify') as typeof createDOMPurifyType | { default: typeof createDOMPurifyType }
    const createDOMPurify = typeof mod === 'function' ? mod : mod.default
    purifyInstance = createDOMPurify(new (JSDOM())('').window as unknown as Parameters<typeof createDOMPurifyType>[0])
  }
  return purifyInstance
}

const MEDIA_SRC = /^media\/[0-9a-f]{64}\.[a-z0-9]+$/

export interface SanitizeResult {
  html: string
  removedLinks: number
  removedImages: number
  /** The sanitised body itself, to read the plan back without parsing `html` a second time. */
  body: HTMLElement
}

/**
 * Inline text styles a lesson plan edited in the 教案 pane may keep (colour, highlight, size, font,
 * alignment). Each value must match its pattern whole, so nothing else (url(), expression(), a
 * second declaration) can ride along; everything else in `style` is dropped.
 */
const TEXT_STYLES: Record<string, RegExp> = {
  color: /^(#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*[\d.]+\s*)?\)|inherit)$/i,
  'background-color': /^(#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*[\d.]+\s*)?\))$/i,
  'text-align': /^(left|center|right|justify)$/,
  'font-size': /^\d{1,3}(\.\d+)?(px|pt)$/,
  'font-family': /^[\p{L}\p{N} ,'"-]{1,80}$/u
}

/** A `style` attribute cut down to TEXT_STYLES, or '' when nothing of it is allowed. */
export function keptTextStyle(style: string): string {
  const out: string[] = []
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':')
    if (i < 0) continue
    const prop = decl.slice(0, i).trim().toLowerCase()
    const value = decl.slice(i + 1).trim()
    if (TEXT_STYLES[prop]?.test(value)) out.push(`${prop}: ${value}`)
  }
  return out.join('; ')
}

export interface SanitizeOptions {
  /** Keep the inline text styles of TEXT_STYLES (the 教案 pane writes them); Word imports keep none. */
  readonly textStyles?: boolean
}

export function sanitizeLessonHtml(dirty: string, opts: SanitizeOptions = {}): SanitizeResult {
  const purify = getPurify()
  let removedLinks = 0
  let removedImages = 0
  // Counted before DOMPurify's own URI check drops them, so the report can say what went.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = (node as unknown as { tagName?: string }).tagName?.toLowerCase()
    if (tag === 'a' && data.attrName === 'href' && !/^#[A-Za-z0-9_\-:.]*$/.test(data.attrValue)) {
      data.keepAttr = false
      removedLinks++
    }
    if (tag === 'a' && data.attrName === 'target') data.keepAttr = false
  })
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as unknown as { tagName?: string; getAttribute(n: string): string | null; remove(): void }
    if (el.tagName?.toLowerCase() === 'img' && !MEDIA_SRC.test(el.getAttribute('src') ?? '')) {
      el.remove()
      removedImages++
      return
    }
    if (opts.textStyles) {
      const styled = node as unknown as { hasAttribute(n: string): boolean; setAttribute(n: string, v: string): void }
      const style = styled.hasAttribute('style') ? keptTextStyle(el.getAttribute('style') ?? '') : ''
      if (style) styled.setAttribute('style', style)
      else (node as unknown as { removeAttribute(n: string): void }).removeAttribute('style')
    }
  })
  try {
    // RETURN_DOM: the body DOMPurify cleaned is what the slide split reads. Parsing the string again
    // cost a second DOM, and through jsdom's fragment() a quadratic one: it moves each top-level node
    // out of a <template> one at a time, re-counting its sibling index each time (20.6 s for a plan of
    // 20,000 paragraphs; a document parse of it takes 0.6 s, and none at all here).
    const body = purify.sanitize(dirty, {
      RETURN_DOM: true,
      FORBID_TAGS: [
        'style',
        'script',
        'iframe',
        'object',
        'embed',
        'form',
        'input',
        'link',
        'meta',
        'base',
        'svg',
        'math'
      ],
      FORBID_ATTR: [...(opts.textStyles ? [] : ['style']), 'srcset', 'action', 'formaction', 'xlink:href'],
      ALLOW_DATA_ATTR: false,
      // Relative media paths and #anchors only; the hook above enforces the exact shapes.
      ALLOWED_URI_REGEXP: /^(?:#|media\/)/,
      // DOMPurify tests every attribute not on its URI-safe list against ALLOWED_URI_REGEXP, so a merged
      // cell's colspan="2" would fail it and the lesson plan's table would lose its shape.
      // style too when text styles are kept: afterSanitizeAttributes then cuts it down to TEXT_STYLES.
      ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', ...(opts.textStyles ? ['style'] : [])]
    }) as HTMLElement
    return { html: body.innerHTML, removedLinks, removedImages, body }
  } finally {
    purify.removeHooks('uponSanitizeAttribute')
    purify.removeHooks('afterSanitizeAttributes')
  }
}

/**
 * The element children of a node. jsdom's live HTMLCollection answers every `length` read by looking
 * the name up among all its elements (named properties), so `Array.from(el.children)` is quadratic:
 * 7 s for a body of 20,000 paragraphs. Walking siblings is linear.
 */
export function elementChildren(node: ParentNode): Element[] {
  const out: Element[] = []
  for (let e = node.firstElementChild; e; e = e.nextElementSibling) out.push(e)
  return out
}
