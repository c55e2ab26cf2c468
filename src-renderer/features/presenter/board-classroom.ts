/**
 * 课堂互动 on the board while teaching: which question a slide offers, the roster a class opens
 * with, what the phone remote's commands mean for the board, and which bars a revealed key
 * lights up. Pure, so each rule is tested without a browser or a classroom server.
 */
import type { Slide } from '../../../src-shared/courseware/deck'
import { SLIDE_SIZE } from '../../../src-shared/courseware/primitives'
import { PICTURE_NAME } from '../../../src-shared/classroom/kinds/common'
import type { Question } from '../../../src-shared/courseware/question'
import type { RosterEntry } from '../../../src-shared/classroom/protocol'
import type { QuestionSpec } from '../../../src-shared/classroom/question'
import { kindModule } from '../../../src-shared/classroom/kinds'
import type { RunTally } from '../../../src-shared/classroom/results'
import type { RemoteEvent } from '../../../src-shared/contract/classroom'
import type { Roster } from '../tools/name-picker'

/** The question element on a slide (the first, if a slide has several), or null. */
export function slideQuestion(slide: Slide | null | undefined): Question | null {
  if (!slide) return null
  for (const e of slide.elements) if (e.type === 'question') return e.question
  return null
}

/** Smaller pictures are logos and icons, not part of the question (a 2% share of a 4:3 slide). */
const MIN_PICTURE_AREA = (SLIDE_SIZE['4:3'].width * SLIDE_SIZE['4:3'].height) / 50

/** A slide's pictures a tablet can show with its question, in reading order (at most 4). */
export function slidePictures(slide: Slide | null | undefined): string[] {
  if (!slide) return []
  const names = slide.elements
    .flatMap((e) => (e.type === 'image' && e.w * e.h >= MIN_PICTURE_AREA ? [e] : []))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((e) => `${e.media.hash}.${e.media.ext}`)
    .filter((n) => PICTURE_NAME.test(n))
  return [...new Set(names)].slice(0, 4)
}

/** Roster entries the classroom server accepts: at most 40 characters a name, 500 names. */
const NAME_MAX = 40
const ROSTER_MAX = 500

/**
 * The lesson's own class roster as students will see it on their tablets (tap your name), or
 * undefined when the class has none: then students type their names. Ids are positions, so the
 * same roster opened twice gives the same ids.
 */
export function rosterForClass(rosters: readonly Roster[], classId: string): RosterEntry[] | undefined {
  const roster = rosters.find((r) => r.id === classId)
  const names = [
    ...new Set((roster?.students ?? []).map((n) => [...n.trim()].slice(0, NAME_MAX).join('')).filter(Boolean))
  ]
  if (names.length === 0) return undefined
  return names.slice(0, ROSTER_MAX).map((name, i) => ({ id: `n${i + 1}`, name }))
}

/** What the board does when the phone remote sends a command (the server has already acted on questions). */
export type BoardAction =
  | { kind: 'nav'; command: 'next' | 'prev' }
  /** A question was launched, closed or revealed from the phone: show its tally on the board. */
  | { kind: 'show-tally' }
  /** Pick a name with the board's name picker (no repeats this lesson); the phone is told the board's pick. */
  | { kind: 'pick-name' }
  | { kind: 'photo'; photoId: string }
  | { kind: 'none' }

export function boardActionForRemote(e: RemoteEvent): BoardAction {
  switch (e.action) {
    case 'next-slide':
      return { kind: 'nav', command: 'next' }
    case 'prev-slide':
      return { kind: 'nav', command: 'prev' }
    case 'launch-abcd':
    case 'launch-truefalse':
    case 'close-question':
    case 'reveal':
      return { kind: 'show-tally' }
    case 'random-pick':
      return { kind: 'pick-name' }
    case 'photo':
      return e.photoId ? { kind: 'photo', photoId: e.photoId } : { kind: 'none' }
    default:
      return { kind: 'none' }
  }
}

/**
 * The bars to colour as right once the answer is revealed (option indexes; true/false is
 * [对, 错]); undefined before the reveal or when the key is unknown, so nothing is coloured.
 */
export function revealedBars(
  tally: Pick<RunTally, 'revealed'>,
  spec: QuestionSpec | null | undefined
): number[] | undefined {
  if (!tally.revealed || !spec) return undefined
  return kindModule(spec.kind).key(spec).options ?? []
}

/** Names still to answer, offline ones last (they may have lost the Wi-Fi rather than be slow). */
export function notYetAnswered(tally: Pick<RunTally, 'students'>): { name: string; online: boolean }[] {
  const waiting = tally.students.filter((s) => !s.answered)
  return [...waiting.filter((s) => s.online), ...waiting.filter((s) => !s.online)].map((s) => ({
    name: s.name,
    online: s.online
  }))
}

/** A newer tally replaces the one shown; a late tally of an older run never does. */
export function newerTally(shown: RunTally | null, incoming: RunTally): boolean {
  return !shown || shown.runId === incoming.runId || incoming.launchedAt >= shown.launchedAt
}
