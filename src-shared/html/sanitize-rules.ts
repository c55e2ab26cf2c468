/**
 * The HTML rules every sanitiser of ClassDeck applies (DOMPurify's configuration and the inline
 * text styles kept), in one place: the lesson plan's server-side sanitiser
 * (src-main/services/importers/html-sanitize.ts, on jsdom) and the slide editor's paste (in the
 * window's own DOM) use the same ones. No scripts, no styles, no frames, forms or embedded
 * documents, no data attributes, no URLs but in-document anchors and our own media paths; of
 * `style`, only colour, highlight, alignment, size and font, each matching its pattern whole.
 * Pure data and string functions: no DOM here.
 */

export const FORBID_TAGS = [
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
] as const

/** Our own content-addressed media: the only image source kept. */
export const MEDIA_SRC = /^media\/[0-9a-f]{64}\.[a-z0-9]+$/
/** In-document anchors: the only links kept. */
export const ANCHOR_HREF = /^#[A-Za-z0-9_\-:.]*$/

export const TEXT_STYLES: Record<string, RegExp> = {
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

/** DOMPurify's options for these rules; `textStyles` keeps TEXT_STYLES of `style` (the hook cuts it down). */
export function purifyConfig(textStyles: boolean) {
  return {
    FORBID_TAGS: [...FORBID_TAGS],
    FORBID_ATTR: [...(textStyles ? [] : ['style']), 'srcset', 'action', 'formaction', 'xlink:href'],
    ALLOW_DATA_ATTR: false,
    // Relative media paths and #anchors only; the hooks enforce the exact shapes.
    ALLOWED_URI_REGEXP: /^(?:#|media\/)/,
    // DOMPurify tests every attribute not on its URI-safe list against ALLOWED_URI_REGEXP, so a merged
    // cell's colspan="2" would fail it; style too when text styles are kept (then cut to TEXT_STYLES).
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', ...(textStyles ? ['style'] : [])]
  }
}
