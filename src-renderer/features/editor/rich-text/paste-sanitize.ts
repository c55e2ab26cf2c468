/**
 * What is pasted into a text box on a slide (from Word, WPS, a web page) is cleaned by DOMPurify in
 * the window's own DOM with the lesson plans' rules (src-shared/html/sanitize-rules.ts): basic text
 * formatting (bold, italic, underline, colour, highlight, size, font, alignment) stays, scripts,
 * styles, frames, data attributes and outside links or pictures do not. Word's own list paragraphs
 * and its conditional comments are flattened to plain paragraphs first.
 */
import DOMPurify from 'dompurify'
import { ANCHOR_HREF, MEDIA_SRC, keptTextStyle, purifyConfig } from '../../../../src-shared/html/sanitize-rules'

/** A picture larger than this is refused when pasted (issue 17: "over 50 MB is refused with a message"). */
export const MAX_PASTED_IMAGE_BYTES = 50 * 1024 * 1024

export function sanitizePastedHtml(html: string): string {
  const purify = DOMPurify(window)
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (node.tagName === 'A' && data.attrName === 'href' && !ANCHOR_HREF.test(data.attrValue)) data.keepAttr = false
    if (node.tagName === 'A' && data.attrName === 'target') data.keepAttr = false
  })
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    if (el.tagName === 'IMG' && !MEDIA_SRC.test(el.getAttribute('src') ?? '')) {
      el.remove()
      return
    }
    const style = el.hasAttribute?.('style') ? keptTextStyle(el.getAttribute('style') ?? '') : ''
    if (style) el.setAttribute('style', style)
    else el.removeAttribute?.('style')
  })
  try {
    // Word wraps everything in <!--StartFragment--> and writes <o:p> tags; both go with the rules.
    return purify.sanitize(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), purifyConfig(true)) as string
  } finally {
    purify.removeHooks('uponSanitizeAttribute')
    purify.removeHooks('afterSanitizeAttributes')
  }
}

/** The message for a pasted picture that is too large, or null when it may be pasted. */
export function pastedImageProblem(file: { size: number; name: string }): { zh: string; en: string } | null {
  if (file.size <= MAX_PASTED_IMAGE_BYTES) return null
  const mb = (file.size / 1024 / 1024).toFixed(0)
  return {
    zh: `粘贴的图片有 ${mb} MB，超过 50 MB 的上限，没有粘贴。请先压缩图片。`,
    en: `The pasted picture is ${mb} MB, over the 50 MB limit, and was not pasted. Compress it first.`
  }
}
