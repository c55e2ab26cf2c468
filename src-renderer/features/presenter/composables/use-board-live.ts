/**
 * 课堂互动 on the board: how students join, launching the slide's question or a quick ABCD /
 * true-false, the live tally, and the phone remote's commands (page turns, name picks, photos).
 * Without the classroom store (`classroom` null) the board offers none of it.
 */
import { computed, ref, type Ref } from 'vue'
import { AppError } from '../../../../src-shared/errors'
import type { Slide } from '../../../../src-shared/courseware/deck'
import { questionSpecFromCourseware } from '../../../../src-shared/classroom/from-courseware'
import type { RemoteEvent } from '../../../../src-shared/contract/classroom'
import { cryptoRandomInt, type RandomInt, type Roster } from '../../tools/name-picker'
import type { NavCommand } from '../presenter-nav'
import type { LessonRecorder } from '../lesson-recorder'
import { boardActionForRemote, revealedBars, rosterForClass, slidePictures, slideQuestion } from '../board-classroom'
import type { ClassroomStore } from '../../../stores/classroom'
import { useBoardClassroom } from './use-board-classroom'
import { pointsRules, type PointsChoice } from '../../interact/points-choice'
import type { PresenterPage } from './use-lesson-pages'

export interface BoardLiveDeps {
  recorder: LessonRecorder
  /** The session id of the lesson on the board (null until it has started); its class is its own. */
  lessonId: () => string | null
  lesson: () => { classId: string; className: string }
  rosters: () => Roster[]
  page: Readonly<Ref<PresenterPage>>
  slide: Readonly<Ref<Slide | null>>
  run: (cmd: NavCommand) => void
  /** Picks a name with the board's own name picker; false when it has no roster to pick from. */
  pickOnBoard: () => boolean
  /** 实物展台: a photo from the phone to show as a page of its own. */
  showPhoto: (dataUrl: string) => void
  t: (key: string, named: Record<string, unknown>) => string
  locale: Readonly<Ref<string>>
}

/** A name from the joined students (those online first), for a board whose picker has no roster. */
export function pickFromClass(
  students: readonly { name: string; online: boolean }[],
  random: RandomInt = cryptoRandomInt
): string | null {
  const online = students.filter((s) => s.online)
  const pool = online.length ? online : students
  return pool.length ? pool[random(pool.length)]!.name : null
}

export function useBoardLive(classroom: ClassroomStore | null, deps: BoardLiveDeps) {
  const { recorder, t } = deps
  /** What covers the slide: nothing, how to join (QR, PIN), or the live tally. */
  const liveView = ref<'none' | 'join' | 'tally'>('none')
  const pickedBanner = ref('')
  const live = classroom
    ? useBoardClassroom(
        classroom,
        {
          onRun: (runId, kind) => {
            recorder.question(runId, kind)
            liveView.value = 'tally'
          },
          onRemote: (e) => void onRemote(e)
        },
        deps.lessonId,
        () => deps.lesson().className
      )
    : null
  const liveOpen = computed(() => !!live?.status.value?.open)
  const question = computed(() => (deps.page.value.kind === 'slide' ? slideQuestion(deps.slide.value) : null))
  const bars = computed(() => (live?.tally.value ? revealedBars(live.tally.value, live.spec.value) : undefined))
  const liveError = computed(() => {
    const e = live?.error.value
    return e ? t('live.error', { message: deps.locale.value === 'en' ? e.messageEn : e.message }) : ''
  })

  function toggleJoin(): void {
    liveView.value = liveView.value === 'join' ? 'none' : 'join'
    if (liveView.value === 'join') void live?.hydrate()
  }

  /** Opens class for this lesson: its roster (students tap their names) and the class name as title. */
  async function openLive(host: string | undefined, points: PointsChoice | null = null): Promise<void> {
    const lesson = deps.lesson()
    const roster = rosterForClass(deps.rosters(), lesson.classId)
    const groups = deps.rosters().find((r) => r.id === lesson.classId)?.groups
    await live?.open(lesson.className, roster, host, pointsRules(points, roster, groups))
  }

  async function closeLive(): Promise<void> {
    await live?.close()
    liveView.value = 'none'
  }

  async function launchSlideQuestion(): Promise<void> {
    const q = question.value
    if (!live || !q) return
    if (!liveOpen.value) {
      toggleJoin()
      return
    }
    try {
      await live.launch(questionSpecFromCourseware(q, slidePictures(deps.slide.value)))
    } catch (err) {
      live.error.value = AppError.from(err)
    }
  }

  function launchNow(kind: 'abcd' | 'truefalse'): void {
    void live?.launch(
      kind === 'abcd'
        ? { kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'] }
        : { kind: 'truefalse', prompt: '' }
    )
  }

  async function pairRemote(): Promise<void> {
    if (liveView.value !== 'join') toggleJoin()
    await live?.pairRemote()
  }

  /** The phone remote's commands; the server has already launched, closed or revealed any question. */
  async function onRemote(e: RemoteEvent): Promise<void> {
    recorder.activity()
    const a = boardActionForRemote(e)
    switch (a.kind) {
      case 'nav':
        liveView.value = 'none'
        deps.run({ kind: a.command })
        return
      case 'show-tally':
        if (live?.tally.value) liveView.value = 'tally'
        return
      case 'pick-name': {
        liveView.value = 'none'
        // The board's picker picks (and reports it through boardPicked); without a roster the
        // board picks from who joined. Either way the phone is told the name the board shows.
        if (deps.pickOnBoard()) return
        const name = pickFromClass(live?.status.value?.students ?? [])
        if (!name) return
        recorder.tool('name-picker')
        pickedBanner.value = t('live.picked', { name })
        setTimeout(() => (pickedBanner.value = ''), 6000)
        boardPicked(name)
        return
      }
      case 'photo':
        await openPhoto(a.photoId)
        return
      default:
        return
    }
  }

  /** A photo (the phone's, or a student's answer from the gallery) as a page of its own to write over. */
  async function openPhoto(photoId: string): Promise<void> {
    const p = await live?.photo(photoId)
    if (p) {
      liveView.value = 'none'
      deps.showPhoto(p.dataUrl)
    }
  }

  /** A name the board picked: the phone remote shows the same one. Only this lesson's class hears it. */
  function boardPicked(name: string): void {
    if (liveOpen.value) void classroom?.boardPicked(name)
  }

  return {
    live,
    liveView,
    pickedBanner,
    liveOpen,
    question,
    bars,
    liveError,
    toggleJoin,
    openLive,
    closeLive,
    launchSlideQuestion,
    launchNow,
    pairRemote,
    boardPicked,
    openPhoto
  }
}
