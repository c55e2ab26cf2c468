/**
 * The board's view of the lessons store: a fresh recorder for this lesson, its last status (for
 * the on-board timer), the summary once the lesson ends, and any error the teacher must see.
 */
import { getCurrentInstance, onBeforeUnmount } from 'vue'
import { storeToRefs } from 'pinia'
import type { LessonSummary } from '../../../../src-shared/contract/lessons'
import type { CallInput } from '../../../../src-shared/contract'
import { useLessonsStore } from '../../../stores/lessons'

export function useLessonRecord() {
  const store = useLessonsStore()
  const { status, statusAt, summary, error: recordError, lastBeat } = storeToRefs(store)
  const recorder = store.newRecorder()
  if (getCurrentInstance()) onBeforeUnmount(() => store.release(recorder))

  const start = (input: CallInput<'lessons:start'>): Promise<void> => store.start(input)

  /** Ends the lesson; `ended` runs in the same tick the summary appears, before any watcher sees it. */
  async function end(ended: (s: LessonSummary) => void): Promise<void> {
    await store.end(ended)
  }

  function onVisibility(): void {
    recorder.visibility(!document.hidden)
  }

  return { recorder, status, statusAt, summary, recordError, lastBeat, start, end, onVisibility }
}

export type LessonRecord = ReturnType<typeof useLessonRecord>
