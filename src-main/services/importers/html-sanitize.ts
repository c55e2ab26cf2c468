/**
 * Lesson-plan HTML from mammoth, made safe to show inside the app: DOMPurify on a jsdom window,
 * with no scripts, no styles, no external URLs and no javascript: links. The only image sources left
 * are our own `media/<sha256>.<ext>`; the only links are in-document anchors.
 */
import { createRequire } from 'node:module'
import type { JSDOM as JSDOMType } from 'jsdom'
import type createDOMPurifyType from 'dompurify'
import { ANCHOR_HREF, MEDIA_SRC, keptTextStyle, purifyConfig } from '../../../src-shared/html/sanitize-rules'

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

export interface SanitizeResult {
  html: string
  removedLinks: number
  removedImages: number
  /** The sanitised body itself, to read the plan back without parsing `html` a second time. */
  body: HTMLElement
}

// The rules themselves are shared with the slide editor's paste (src-shared/html/sanitize-rules.ts).
export { keptTextStyle }

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
    if (tag === 'a' && data.attrName === 'href' && !ANCHOR_HREF.test(data.attrValue)) {
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
      ...purifyConfig(!!opts.textStyles)
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
