import { attr, child, numAttr, type XNode } from '../xml'

const PRESET: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  gray: '#808080',
  grey: '#808080',
  orange: '#FFA500',
  purple: '#800080',
  darkBlue: '#00008B',
  darkRed: '#8B0000'
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)))
}

function hex(r: number, g: number, b: number): string {
  return `#${[r, g, b]
    .map((v) => clamp(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`
}

/** Apply lumMod/lumOff/tint/shade the simple way (in RGB), enough for readable colours. */
function modify(base: string, node: XNode): string {
  let r = parseInt(base.slice(1, 3), 16)
  let g = parseInt(base.slice(3, 5), 16)
  let b = parseInt(base.slice(5, 7), 16)
  for (const m of node.children) {
    const v = (numAttr(m, 'val') ?? 100000) / 100000
    if (m.name === 'a:lumMod' || m.name === 'a:shade') [r, g, b] = [r * v, g * v, b * v]
    else if (m.name === 'a:lumOff') [r, g, b] = [r + 255 * v, g + 255 * v, b + 255 * v]
    else if (m.name === 'a:tint')
      [r, g, b] = [r + (255 - r) * (1 - v), g + (255 - g) * (1 - v), b + (255 - b) * (1 - v)]
  }
  return hex(r, g, b)
}

/** The colour inside a fill-like element (solidFill, a:fgClr, lnRef…), or undefined. */
export function colorOf(n: XNode | undefined, theme: Map<string, string>): string | undefined {
  if (!n) return undefined
  for (const c of n.children) {
    let base: string | undefined
    if (c.name === 'a:srgbClr') base = `#${(attr(c, 'val') ?? '000000').toUpperCase()}`
    else if (c.name === 'a:schemeClr') base = theme.get(attr(c, 'val') ?? '')
    else if (c.name === 'a:sysClr') base = `#${(attr(c, 'lastClr') ?? '000000').toUpperCase()}`
    else if (c.name === 'a:prstClr') base = PRESET[attr(c, 'val') ?? '']
    else if (c.name === 'a:scrgbClr')
      base = hex(
        ((numAttr(c, 'r') ?? 0) / 100000) * 255,
        ((numAttr(c, 'g') ?? 0) / 100000) * 255,
        ((numAttr(c, 'b') ?? 0) / 100000) * 255
      )
    if (base && /^#[0-9A-F]{6}$/.test(base)) {
      const out = modify(base, c)
      const alpha = numAttr(child(c, 'a:alpha'), 'val')
      return alpha !== undefined && alpha < 100000
        ? out +
            clamp((alpha / 100000) * 255)
              .toString(16)
              .padStart(2, '0')
              .toUpperCase()
        : out
    }
  }
  return undefined
}
