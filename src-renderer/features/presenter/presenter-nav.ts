/**
 * How the teacher moves through a deck on the board: keys and presentation clickers, tap
 * zones at the edges, and swipes. Pure, so every gesture rule is tested without a browser.
 */
export type NavCommand =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'black' }
  | { kind: 'white' }
  | { kind: 'overview' }
  | { kind: 'exit' }

/** Clickers send PageUp/PageDown (some send arrows, B or '.' for a black screen). */
export function commandForKey(key: string): NavCommand | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'Enter':
    case 'n':
    case 'N':
      return { kind: 'next' }
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return { kind: 'prev' }
    case 'Home':
      return { kind: 'first' }
    case 'End':
      return { kind: 'last' }
    case 'b':
    case 'B':
    case '.':
      return { kind: 'black' }
    case 'w':
    case 'W':
    case ',':
      return { kind: 'white' }
    case 'g':
    case 'G':
      return { kind: 'overview' }
    case 'Escape':
      return { kind: 'exit' }
    default:
      return null
  }
}

/** A tap in the outer fifth of the board goes back (left) or forward (right); the middle does nothing. */
export function commandForTap(x: number, width: number): NavCommand | null {
  if (width <= 0) return null
  const f = x / width
  if (f < 0.2) return { kind: 'prev' }
  if (f > 0.8) return { kind: 'next' }
  return null
}

/** A quick, mostly horizontal swipe of at least 80 px: left → next, right → previous. */
export function commandForSwipe(dx: number, dy: number, ms: number): NavCommand | null {
  if (ms > 600 || Math.abs(dx) < 80 || Math.abs(dx) < Math.abs(dy) * 1.5) return null
  return dx < 0 ? { kind: 'next' } : { kind: 'prev' }
}

/** The index a command leads to, skipping hidden slides; the same index when there is nowhere to go. */
export function step(hidden: readonly boolean[], index: number, cmd: NavCommand): number {
  const n = hidden.length
  const visible = (i: number): boolean => i >= 0 && i < n && !hidden[i]
  switch (cmd.kind) {
    case 'next':
      for (let i = index + 1; i < n; i++) if (visible(i)) return i
      return index
    case 'prev':
      for (let i = index - 1; i >= 0; i--) if (visible(i)) return i
      return index
    case 'first':
      for (let i = 0; i < n; i++) if (visible(i)) return i
      return index
    case 'last':
      for (let i = n - 1; i >= 0; i--) if (visible(i)) return i
      return index
    default:
      return index
  }
}
