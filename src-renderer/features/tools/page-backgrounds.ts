/**
 * Whiteboard page backgrounds: plain, grid, 田字格 (character practice squares) and 四线三格
 * (four lines, three spaces, for pinyin and English handwriting). The geometry is pure and
 * tested; drawBackground() puts it on a canvas in page coordinates.
 */
export const PageBackgroundKind = ['plain', 'grid', 'tianzige', 'four-line'] as const
export type PageBackgroundKind = (typeof PageBackgroundKind)[number]

export interface Line {
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  readonly color: string
  readonly width: number
  /** Dash pattern in page units; empty for solid. */
  readonly dash: readonly number[]
}

export interface BackgroundSpec {
  readonly fill: string
  readonly lines: readonly Line[]
}

const GRID = 40
const TIAN = 120
const TIAN_GAP = 24
const FOUR_LINE_SPACE = 24
const FOUR_LINE_ROW = FOUR_LINE_SPACE * 3 + 48

export function backgroundSpec(kind: PageBackgroundKind, size: { width: number; height: number }): BackgroundSpec {
  const { width: w, height: h } = size
  const lines: Line[] = []
  const solid = (x1: number, y1: number, x2: number, y2: number, color: string, width: number): void => {
    lines.push({ x1, y1, x2, y2, color, width, dash: [] })
  }
  const dashed = (x1: number, y1: number, x2: number, y2: number, color: string, width: number): void => {
    lines.push({ x1, y1, x2, y2, color, width, dash: [8, 6] })
  }
  switch (kind) {
    case 'plain':
      break
    case 'grid':
      for (let x = GRID; x < w; x += GRID) solid(x, 0, x, h, '#D6E4F0', 1)
      for (let y = GRID; y < h; y += GRID) solid(0, y, w, y, '#D6E4F0', 1)
      break
    case 'tianzige': {
      // Rows of squares, centred; each square has a solid border and a dashed cross.
      const cols = Math.max(1, Math.floor((w - TIAN_GAP) / (TIAN + TIAN_GAP)))
      const rows = Math.max(1, Math.floor((h - TIAN_GAP) / (TIAN + TIAN_GAP)))
      const x0 = (w - (cols * TIAN + (cols - 1) * TIAN_GAP)) / 2
      const y0 = (h - (rows * TIAN + (rows - 1) * TIAN_GAP)) / 2
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const x = x0 + c * (TIAN + TIAN_GAP)
          const y = y0 + r * (TIAN + TIAN_GAP)
          solid(x, y, x + TIAN, y, '#C62828', 2)
          solid(x, y + TIAN, x + TIAN, y + TIAN, '#C62828', 2)
          solid(x, y, x, y + TIAN, '#C62828', 2)
          solid(x + TIAN, y, x + TIAN, y + TIAN, '#C62828', 2)
          dashed(x, y + TIAN / 2, x + TIAN, y + TIAN / 2, '#E57373', 1)
          dashed(x + TIAN / 2, y, x + TIAN / 2, y + TIAN, '#E57373', 1)
        }
      }
      break
    }
    case 'four-line': {
      // Four lines make three spaces; the third line (the baseline) is red, as in pupils' exercise books.
      const rows = Math.max(1, Math.floor((h - 48) / FOUR_LINE_ROW))
      const y0 = (h - (rows * FOUR_LINE_ROW - 48)) / 2
      for (let r = 0; r < rows; r++) {
        const top = y0 + r * FOUR_LINE_ROW
        for (let i = 0; i < 4; i++) {
          const y = top + i * FOUR_LINE_SPACE
          solid(40, y, w - 40, y, i === 2 ? '#E53935' : '#5C8DC4', i === 2 ? 2 : 1.5)
        }
      }
      break
    }
  }
  return { fill: '#FFFFFF', lines }
}

/** Draws a background; `ctx` must already map page units to pixels. */
export function drawBackground(
  ctx: CanvasRenderingContext2D,
  spec: BackgroundSpec,
  size: { width: number; height: number }
): void {
  ctx.fillStyle = spec.fill
  ctx.fillRect(0, 0, size.width, size.height)
  for (const l of spec.lines) {
    ctx.beginPath()
    ctx.setLineDash(l.dash as number[])
    ctx.strokeStyle = l.color
    ctx.lineWidth = l.width
    ctx.moveTo(l.x1, l.y1)
    ctx.lineTo(l.x2, l.y2)
    ctx.stroke()
  }
  ctx.setLineDash([])
}
