/**
 * Before a lesson starts: is another one still open (on the board window, or left open when a tab
 * closed)? Then the teacher is asked first; the lessons service would otherwise end it silently.
 */
import { shallowRef } from 'vue'
import { useTransport } from '../../../transport'

export interface OpenLesson {
  readonly sessionId: string
  readonly className: string
  readonly startedAt: string
}

export function useOpenLessonCheck() {
  /** The open lesson the teacher is being asked about, and what to do if they go on. */
  const pending = shallowRef<(OpenLesson & { go: () => Promise<void> }) | null>(null)

  /** Runs `go` now when no lesson is open; otherwise asks first. A failed check does not block teaching. */
  async function guard(go: () => Promise<void>): Promise<void> {
    const t = useTransport()
    let open: OpenLesson | null = null
    try {
      const { status } = await t.invoke('lessons:current', {})
      if (status?.open) {
        // The newest records come first, and an open lesson is the newest or close to it.
        const { items } = await t.invoke('lessons:list', { limit: 20 })
        const className = items.find((i) => i.id === status.sessionId)?.className ?? ''
        open = { sessionId: status.sessionId, className, startedAt: status.startedAt }
      }
    } catch {
      open = null
    }
    if (open) pending.value = { ...open, go }
    else await go()
  }

  async function proceed(): Promise<void> {
    const p = pending.value
    pending.value = null
    await p?.go()
  }

  function cancel(): void {
    pending.value = null
  }

  return { pending, guard, proceed, cancel }
}
