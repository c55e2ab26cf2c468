/**
 * The board's ink saved while the lesson plays (lessons:save-ink), so a crash of the host loses
 * seconds of strokes rather than the lesson's ink, which otherwise reaches the deck only at 下课.
 * Each finished stroke, erase or undo and each page turn is sent as soon as the save before it
 * was answered, and unsaved changes at least every second; only pages changed since the last
 * answer go out. The points stay in the ink book: nothing here is reactive.
 */
import { getCurrentInstance, onBeforeUnmount, watch } from 'vue'
import type { CallInput } from '../../../../src-shared/contract'
import { InkAutosave, type InkBook } from '../../ink'
import { useTransport } from '../../../transport'
import type { LessonPages } from './use-lesson-pages'
import type { LessonRecorder } from '../lesson-recorder'

type SaveInk = CallInput<'lessons:save-ink'>

export interface InkAutosaveDeps {
  readonly book: InkBook
  readonly pages: LessonPages
  readonly recorder: LessonRecorder
  /** The deck's file, so an interrupted lesson can be reopened; null for a deck never saved. */
  readonly deckPath: () => string | null
}

export function useInkAutosave({ book, pages, recorder, deckPath }: InkAutosaveDeps): InkAutosave<SaveInk> {
  const transport = useTransport()
  /** The session the confirmed versions belong to: a new one is sent everything again. */
  let confirmedFor: string | null = null
  let sentFor: string | null = null

  const autosave = new InkAutosave<SaveInk>({
    collect(saved, savedPlace) {
      const sessionId = recorder.sessionId
      if (!sessionId) return null
      const known = sessionId === confirmedFor ? saved : new Map<string, number>()
      const list = pages.pages.value
      const current = pages.current.value
      const here = list[current]
      if (!here) return null
      const changed: SaveInk['pages'] = []
      const versions = new Map<string, number>()
      for (const p of list) {
        if (!book.has(p.id)) continue
        const ink = book.slide(p.id)
        if (known.get(p.id) === ink.version) continue
        versions.set(p.id, ink.version)
        changed.push({
          pageId: p.id,
          kind: p.kind,
          slideIndex: p.kind === 'slide' ? p.index : (p.copyOf ?? null),
          bg: p.kind === 'board' ? p.bg : null,
          // A copy: the book appends to its array while this save is on its way.
          strokes: [...ink.strokes]
        })
      }
      const place = `${sessionId}|${current}|${here.id}|${list.map((p) => p.id).join(',')}`
      if (!changed.length && place === savedPlace) return null
      sentFor = sessionId
      return {
        payload: {
          sessionId,
          deckPath: deckPath(),
          order: list.map((p) => p.id),
          pages: changed,
          at: {
            pageId: here.id,
            pageIndex: current,
            slideIndex: here.kind === 'slide' ? here.index : (here.copyOf ?? null)
          }
        },
        versions,
        place
      }
    },
    send: (payload) => transport.invoke('lessons:save-ink', payload),
    onSaved: () => (confirmedFor = sentFor),
    onError: (err) => recorder.onError?.(err)
  })

  book.onChange = () => autosave.changed()
  watch([pages.current, pages.pages], () => autosave.changed())
  if (getCurrentInstance()) onBeforeUnmount(() => autosave.stop())
  return autosave
}
