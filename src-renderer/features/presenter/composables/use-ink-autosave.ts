/**
 * The board's ink saved while the lesson plays (lessons:save-ink), so a crash of the host loses
 * seconds of strokes rather than the lesson's ink, which otherwise reaches the deck only at 下课.
 * Each finished stroke, erase or undo and each page turn is sent as soon as the save before it
 * was answered, and unsaved changes at least every second; only pages changed since the last
 * answer go out. The points stay in the ink book: nothing here is reactive.
 */
import { getCurrentInstance, onBeforeUnmount, watch } from 'vue'
import type { CallInput } from '../../../../src-shared/contract'
import type { InkStroke } from '../../../../src-shared/courseware/ink'
import { InkAutosave, type InkBook } from '../../ink'
import { useTransport } from '../../../transport'
import type { LessonPages } from './use-lesson-pages'
import type { LessonRecorder } from '../lesson-recorder'

type SaveInk = CallInput<'lessons:save-ink'>

/**
 * Points one save carries at most (about 0.15 MB of JSON, about a millisecond to serialise): a page loaded with
 * thousands of strokes goes in parts, so no save holds the board long enough to drop a frame.
 */
export const MAX_POINTS_PER_SAVE = 5_000

export interface InkAutosaveDeps {
  readonly book: InkBook
  readonly pages: LessonPages
  readonly recorder: LessonRecorder
  /** The deck's file, so an interrupted lesson can be reopened; null for a deck never saved. */
  readonly deckPath: () => string | null
  /** Build-step click groups played on the page on screen, so a crash reopens at the step too. */
  readonly step?: () => number
}

export function useInkAutosave({ book, pages, recorder, deckPath, step }: InkAutosaveDeps): InkAutosave<SaveInk> {
  const transport = useTransport()
  /** The session the confirmed versions belong to: a new one is sent everything again. */
  let confirmedFor: string | null = null
  let sentFor: string | null = null
  /** Each page's strokes as the service has them (strokes never change once drawn, so a prefix test by identity suffices). */
  let confirmed = new Map<string, readonly InkStroke[]>()
  let inFlight = new Map<string, readonly InkStroke[]>()
  /** The last save left pages (or parts of one) for the next. */
  let partial = false

  const autosave = new InkAutosave<SaveInk>({
    collect(saved, savedPlace) {
      const sessionId = recorder.sessionId
      if (!sessionId) return null
      const fresh = sessionId !== confirmedFor
      const known = fresh ? new Map<string, number>() : saved
      inFlight = new Map()
      const list = pages.pages.value
      const current = pages.current.value
      const here = list[current]
      if (!here) return null
      const changed: SaveInk['pages'] = []
      const versions = new Map<string, number>()
      let budget = MAX_POINTS_PER_SAVE
      partial = false
      for (const p of list) {
        if (!book.has(p.id)) continue
        const ink = book.slide(p.id)
        if (known.get(p.id) === ink.version) continue
        if (budget <= 0) {
          partial = true // the rest goes in the next save
          break
        }
        // A copy: the book appends to its array while this save is on its way.
        const now = [...ink.strokes]
        const before = fresh ? undefined : confirmed.get(p.id)
        const append = before !== undefined && isPrefix(before, now)
        const from = append ? before.length : 0
        let to = from
        while (to < now.length && (to === from || budget >= now[to]!.points.length)) budget -= now[to++]!.points.length
        const more = to < now.length
        inFlight.set(p.id, now.slice(0, to))
        if (more) partial = true
        else versions.set(p.id, ink.version)
        changed.push({
          pageId: p.id,
          kind: p.kind,
          slideIndex: p.kind === 'slide' ? p.index : (p.copyOf ?? null),
          bg: p.kind === 'board' ? p.bg : null,
          strokes: now.slice(from, to),
          append,
          more
        })
      }
      const at = step?.() ?? 0
      const place = `${sessionId}|${current}|${here.id}|${at}|${list.map((p) => p.id).join(',')}`
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
            slideIndex: here.kind === 'slide' ? here.index : (here.copyOf ?? null),
            step: at
          }
        },
        versions,
        place
      }
    },
    send: (payload) => transport.invoke('lessons:save-ink', payload),
    onSaved: () => {
      if (sentFor !== confirmedFor) confirmed = new Map()
      confirmedFor = sentFor
      for (const [id, strokes] of inFlight) confirmed.set(id, strokes)
      if (partial) autosave.changed()
    },
    onError: (err) => recorder.onError?.(err)
  })

  book.onChange = () => autosave.changed()
  watch([pages.current, pages.pages, () => step?.() ?? 0], () => autosave.changed())
  if (getCurrentInstance()) onBeforeUnmount(() => autosave.stop())
  return autosave
}

function isPrefix(before: readonly InkStroke[], now: readonly InkStroke[]): boolean {
  if (before.length > now.length) return false
  for (let i = 0; i < before.length; i++) if (before[i] !== now[i]) return false
  return true
}
