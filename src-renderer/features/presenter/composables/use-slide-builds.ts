/**
 * The build steps (动画) of the slide on the board: how many click groups have played, the
 * trigger sequences tapped, the state the slide is drawn in, and the groups played with the Web
 * Animations API over the slide's DOM. A whiteboard snapshot of a slide is shown built in full.
 */
import { computed, nextTick, ref, shallowRef, watch } from 'vue'
import {
  buildStateAt,
  clickCount,
  type ClickGroup,
  type TargetState
} from '../../../../src-shared/courseware/animation'
import type { Slide } from '../../../../src-shared/courseware/deck'
import { playGroup, type SlideBox } from '../../../slide-render/slide-build'
import { autoGroup, buildMove, clickGroups, initialStates, triggerGroup, type BuildMove } from '../build-nav'
import type { NavCommand } from '../presenter-nav'
import type { LessonPages } from './use-lesson-pages'
import { slideBuild } from '../../../../src-shared/courseware/animation'

export interface SlideBuildsDeps {
  pages: Pick<LessonPages, 'page' | 'slide' | 'current' | 'pages' | 'hidden' | 'go'>
  /** The deck's slides, read on each use (the host may hand over a newer deck mid-lesson). */
  slides: () => readonly Slide[]
  /** The board's rendered slide (its `.slide-inner`), where groups are played. */
  slideRoot: () => HTMLElement | null
  size: SlideBox
  /** Groups played when the lesson opens on its first page (a lesson carried on after a crash). */
  initialDone?: number
}

export function useSlideBuilds({ pages, slides, slideRoot, size, initialDone = 0 }: SlideBuildsDeps) {
  const done = ref(initialDone)
  const triggers = shallowRef<ReadonlyMap<string, number>>(new Map())
  /** Animations of the group playing; empty when none plays. */
  let running: Animation[] = []
  const playing = ref(false)
  /** Bumped at each play, so a finished group that was replaced meanwhile changes nothing. */
  let token = 0
  /** Tests and the benchmark read these back: groups played and the time the last one began. */
  const plays = ref(0)

  /** Build steps of the page on screen; none for whiteboard pages (a snapshot is drawn built in full). */
  const animations = computed(() => (pages.page.value.kind === 'slide' ? (pages.slide.value?.animations ?? []) : []))
  const total = computed(() => clickCount(animations.value))
  const state = computed<ReadonlyMap<string, TargetState> | null>(() =>
    animations.value.length ? buildStateAt(animations.value, done.value, triggers.value) : null
  )

  function clicksAt(index: number): number {
    const p = pages.pages.value[index]
    return p?.kind === 'slide' ? clickCount(slides()[p.index]?.animations ?? []) : 0
  }

  function cancel(): void {
    token++
    for (const a of running) a.cancel()
    running = []
    playing.value = false
  }

  function finish(): void {
    const list = running
    for (const a of list) a.finish()
  }

  /** Plays `group` once the slide shows the state after it, from the `before` state. */
  async function play(group: ClickGroup | null | undefined, before: ReadonlyMap<string, TargetState>): Promise<void> {
    cancel()
    if (!group?.steps.length) return
    const mine = token
    playing.value = true
    await nextTick()
    const root = slideRoot()
    const after = state.value
    const slide = pages.slide.value
    if (mine !== token || !root || !after || !slide) {
      if (mine === token) playing.value = false
      return
    }
    running = playGroup({ root, group, before, after, elements: slide.elements, slide: size })
    plays.value++
    await Promise.allSettled(running.map((a) => a.finished))
    if (mine === token) {
      running = []
      playing.value = false
    }
  }

  /** Steps of the next group, then the page: what a 下一步 or 上一步 does here. True when handled. */
  function run(cmd: NavCommand): boolean {
    const move: BuildMove = buildMove({ index: pages.current.value, done: done.value }, cmd, {
      hidden: pages.hidden.value,
      clicks: clicksAt,
      playing: playing.value
    })
    switch (move.kind) {
      case 'finish':
        finish()
        return true
      case 'play': {
        const before = state.value ?? new Map()
        done.value = move.done
        void play(clickGroups(animations.value)[move.done - 1], before)
        return true
      }
      case 'undo':
        cancel()
        done.value = move.done
        return true
      case 'turn':
        turn(move.index, move.done)
        return true
      case 'stay':
        return cmd.kind === 'next' || cmd.kind === 'prev' || cmd.kind === 'first' || cmd.kind === 'last'
    }
  }

  /** The next page shown is entered at this many groups (any other way of arriving starts at 0). */
  let arrival: number | null = null
  function turn(index: number, groups: number): void {
    if (index === pages.current.value) {
      cancel()
      done.value = groups
      if (groups === 0) playAuto()
      return
    }
    arrival = groups
    pages.go(index)
    arrival = null
  }

  function playAuto(): void {
    const auto = autoGroup(animations.value)
    if (auto) void play(auto, initialStates(animations.value))
  }

  // A new page: its builds from the start (its auto group plays), or as the turn asked.
  watch(
    () => pages.page.value.id,
    () => {
      cancel()
      const groups = arrival ?? 0
      done.value = groups
      triggers.value = new Map()
      if (groups === 0) playAuto()
    },
    { flush: 'sync' }
  )

  /** The lesson's first page: played as if arrived at (its auto group runs unless carried on past it). */
  function start(): void {
    done.value = Math.min(done.value, total.value)
    if (done.value === 0) playAuto()
  }

  /** A tap on the slide (no pen picked): an element that starts a trigger sequence plays its next group. */
  function tap(target: EventTarget | null): boolean {
    const node = (target as HTMLElement | null)?.closest?.('[data-element-id]')
    const id = node?.getAttribute('data-element-id')
    if (!id || !animations.value.length) return false
    const n = triggerGroup(animations.value, triggers.value, id)
    if (n === null) return false
    const before = state.value ?? new Map()
    const next = new Map(triggers.value)
    next.set(id, n + 1)
    triggers.value = next
    void play(slideBuild(animations.value).triggers.get(id)![n], before)
    return true
  }

  return { done, total, state, playing, plays, triggers, run, tap, start, cancel, finish }
}

export type SlideBuilds = ReturnType<typeof useSlideBuilds>
