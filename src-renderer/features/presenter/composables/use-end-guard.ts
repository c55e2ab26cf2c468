/**
 * 下课 never ends a lesson on one tap: the board first asks, and after 下课 is confirmed the
 * teacher still has a few seconds to take it back (a toast "已下课 · 撤销 (10)"). The lesson record
 * is only ended when that time runs out or the teacher ends it at once, so an undone 下课 leaves
 * the record exactly as if nothing had been tapped.
 */
import { getCurrentInstance, onBeforeUnmount, ref } from 'vue'

export type EndPhase = 'idle' | 'asking' | 'undoing' | 'ending'

export const UNDO_SECONDS = 10

export function useEndGuard(finish: () => Promise<void>, seconds = UNDO_SECONDS) {
  const phase = ref<EndPhase>('idle')
  /** Seconds left to undo, shown on the toast. */
  const left = ref(0)
  let tick: ReturnType<typeof setInterval> | null = null
  let then: (() => void) | null = null

  function stop(): void {
    if (tick !== null) clearInterval(tick)
    tick = null
  }

  /** Shows the question; `after` runs once the lesson has really ended (e.g. leave the board). */
  function ask(after?: () => void): void {
    // Already confirmed and counting down: leaving (the ✕) ends it now instead of asking again.
    if (phase.value === 'undoing') {
      then = after ?? then
      void endNow()
      return
    }
    if (phase.value !== 'idle') return
    then = after ?? null
    phase.value = 'asking'
  }

  /** 继续上课, or a tap outside the question. */
  function cancel(): void {
    if (phase.value !== 'asking') return
    then = null
    phase.value = 'idle'
  }

  function confirm(): void {
    if (phase.value !== 'asking') return
    phase.value = 'undoing'
    left.value = seconds
    tick = setInterval(() => {
      left.value -= 1
      if (left.value <= 0) void endNow()
    }, 1000)
  }

  function undo(): void {
    if (phase.value !== 'undoing') return
    stop()
    then = null
    phase.value = 'idle'
  }

  /** Ends the lesson record now: the undo time ran out, or the teacher said so (board or console). */
  async function endNow(): Promise<void> {
    if (phase.value === 'ending') return
    stop()
    phase.value = 'ending'
    const after = then
    then = null
    try {
      await finish()
    } finally {
      phase.value = 'idle'
    }
    after?.()
  }

  if (getCurrentInstance()) onBeforeUnmount(stop)

  return { phase, left, ask, cancel, confirm, undo, endNow }
}

export type EndGuard = ReturnType<typeof useEndGuard>
