/**
 * The lesson record kept in step with playback: the recorder, its last status (for the on-board
 * timer), the summary once the lesson ends, and any error the teacher must see.
 */
import { ref } from 'vue'
import type { LessonStatus, LessonSummary } from '../../../../src-shared/contract/lessons'
import type { CallInput } from '../../../../src-shared/contract'
import { LessonRecorder, type LessonRpc } from '../lesson-recorder'

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function useLessonRecord(rpc: LessonRpc) {
  const status = ref<LessonStatus | null>(null)
  const statusAt = ref(performance.now())
  const summary = ref<LessonSummary | null>(null)
  const recordError = ref('')
  // For the teacher nothing; for tests and diagnostics: the server time of the last heartbeat
  // that reached the lesson record.
  const lastBeat = ref('')

  const recorder = new LessonRecorder(rpc, {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    now: () => performance.now()
  })
  recorder.onStatus = (s) => {
    status.value = s
    statusAt.value = performance.now()
    const beat = new Date(Date.parse(s.startedAt) + s.elapsedMs).toISOString()
    if (beat > lastBeat.value) lastBeat.value = beat
  }
  recorder.onError = (err) => {
    recordError.value = messageOf(err)
  }

  async function start(input: CallInput<'lessons:start'>): Promise<void> {
    try {
      await recorder.start(input)
    } catch (err) {
      recordError.value = messageOf(err)
    }
  }

  /** Ends the lesson; `ended` runs in the same tick the summary appears, before any watcher sees it. */
  async function end(ended: (s: LessonSummary) => void): Promise<void> {
    try {
      const s = await recorder.end()
      if (s) {
        summary.value = s
        ended(s)
      }
    } catch (err) {
      recordError.value = messageOf(err)
    }
  }

  function onVisibility(): void {
    recorder.visibility(!document.hidden)
  }

  return { recorder, status, statusAt, summary, recordError, lastBeat, start, end, onVisibility }
}

export type LessonRecord = ReturnType<typeof useLessonRecord>
