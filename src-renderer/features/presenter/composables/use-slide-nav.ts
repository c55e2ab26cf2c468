/**
 * Turning pages on the board: keys and clickers, tap zones and swipes on the stage, black and
 * white screen, and the overview of every page.
 */
import { ref, type Ref } from 'vue'
import type { InkModeName } from '../../tools/components/ToolsToolbar.vue'
import { commandForKey, commandForSwipe, commandForTap, step, type NavCommand } from '../presenter-nav'
import type { LessonRecorder } from '../lesson-recorder'
import type { LessonPages } from './use-lesson-pages'
import type { SlideBuilds } from './use-slide-builds'

export interface SlideNavDeps {
  pages: Pick<LessonPages, 'hidden' | 'current' | 'go'>
  recorder: LessonRecorder
  /** While a pen or eraser is picked, the stage's pointer belongs to the ink, not to page turns. */
  inkMode: Readonly<Ref<InkModeName>>
  stage: Readonly<Ref<HTMLElement | null>>
  /** The slide's build steps: page turns play them first, and a tap on a trigger starts its sequence. */
  builds?: Pick<SlideBuilds, 'run' | 'tap'>
}

export function useSlideNav({ pages, recorder, inkMode, stage, builds }: SlideNavDeps) {
  const screen = ref<'none' | 'black' | 'white'>('none')
  const overview = ref(false)

  function run(cmd: NavCommand): void {
    if (screen.value !== 'none' && cmd.kind !== 'black' && cmd.kind !== 'white') {
      screen.value = 'none' // any key wakes a black or white screen first
      return
    }
    switch (cmd.kind) {
      case 'black':
      case 'white':
        screen.value = screen.value === cmd.kind ? 'none' : cmd.kind
        recorder.tool(cmd.kind === 'black' ? 'black-screen' : 'white-screen')
        return
      case 'overview':
        overview.value = !overview.value
        if (overview.value) recorder.tool('overview')
        return
      case 'exit':
        if (overview.value) overview.value = false
        else if (document.fullscreenElement) void document.exitFullscreen()
        return
      default:
        if (!builds?.run(cmd)) pages.go(step(pages.hidden.value, pages.current.value, cmd))
    }
  }

  function onKey(e: KeyboardEvent): void {
    if ((e.target as HTMLElement | null)?.closest('input, textarea, select')) return
    recorder.activity()
    const cmd = commandForKey(e.key)
    if (!cmd) return
    e.preventDefault()
    run(cmd)
  }

  let press: { x: number; y: number; t: number; id: number } | null = null
  function onStageDown(e: PointerEvent): void {
    recorder.activity()
    if (inkMode.value !== 'none') return
    press = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId }
  }
  function onStageUp(e: PointerEvent): void {
    if (!press || press.id !== e.pointerId || inkMode.value !== 'none') return
    const dx = e.clientX - press.x
    const dy = e.clientY - press.y
    const tap = Math.hypot(dx, dy) < 12
    const cmd = commandForSwipe(dx, dy, e.timeStamp - press.t) ?? (tap ? tapCommand(e) : null)
    press = null
    // A tap on an element that starts a trigger sequence plays it, wherever the element sits.
    if (tap && screen.value === 'none' && builds?.tap(e.target)) return
    if (cmd) run(cmd)
  }
  function tapCommand(e: PointerEvent): NavCommand | null {
    const rect = stage.value!.getBoundingClientRect()
    return commandForTap(e.clientX - rect.left, rect.width)
  }

  return { screen, overview, run, onKey, onStageDown, onStageUp }
}
