/** The typed text as a number, or null: full-width forms folded (１２．５), spaces and thousands commas dropped. */
export function readNumber(raw: string): number | null {
  const s = raw
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/。/g, '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}
