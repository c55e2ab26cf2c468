/** A text box's layout fields (element-style.ts) → the CSS of TextBody's box. */
import type { TextElement } from '../../src-shared/courseware/element'

type Layout = Pick<TextElement, 'insets' | 'wrap' | 'vertical' | 'columns' | 'columnGap' | 'autoGrow'>

export function bodyLayoutStyle(layout: Layout | undefined): Record<string, string> {
  const s: Record<string, string> = {}
  if (!layout) return s
  const i = layout.insets
  if (i) s.padding = `${i.t}px ${i.r}px ${i.b}px ${i.l}px`
  if (layout.wrap === false) s.whiteSpace = 'pre'
  switch (layout.vertical) {
    case 'vert':
      s.writingMode = 'vertical-rl'
      s.textOrientation = 'sideways'
      break
    case 'vert270':
      s.writingMode = 'sideways-lr'
      break
    case 'eaVert':
      s.writingMode = 'vertical-rl'
      s.textOrientation = 'mixed'
      break
    case 'wordArtVert':
      s.writingMode = 'vertical-rl'
      s.textOrientation = 'upright'
      break
  }
  if (layout.columns && layout.columns > 1) {
    // Multi-column layout does not apply to a flex box; PowerPoint fills the first column first.
    s.display = 'block'
    s.columnCount = String(layout.columns)
    s.columnGap = `${layout.columnGap ?? 0}px`
    s.columnFill = 'auto'
  }
  return s
}
