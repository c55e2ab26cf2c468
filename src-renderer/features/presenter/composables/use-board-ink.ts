/**
 * The ink layer on the board: pen, colour and width, undo/redo/clear/replay, compass arcs, and
 * the few counters the toolbar and the tests read back from the surface.
 */
import { ref, watch } from 'vue'
import type { InkStroke } from '../../../../src-shared/courseware/ink'
import type { LessonTool } from '../../../../src-shared/contract/lessons'
import { InkBook, InkSurface, type GuideEdge, type InkAction, type InkMode } from '../../ink'
import type { SlideInk } from '../../ink/slide-ink'
import type { InkModeName } from '../../tools/components/ToolsToolbar.vue'
import type { Pt } from '../../tools/geometry'
import type { LessonRecorder } from '../lesson-recorder'

type PageSize = { readonly width: number; readonly height: number }

export function useBoardInk(recorder: LessonRecorder, size: PageSize) {
  const inkMode = ref<InkModeName>('none')
  const color = ref('#E53935')
  const width = ref(4)
  const canUndo = ref(false)
  const canRedo = ref(false)
  const view = ref({ scale: 1, x: 0, y: 0 })
  /** A whiteboard page pinched away from its fitted view (the board then offers to reset it). */
  const zoomed = ref(false)
  // For the teacher nothing; for tests and diagnostics: the current page's stroke count and
  // whether a replay is running.
  const inkCount = ref(0)
  const replaying = ref(false)

  // Ink lives outside reactive state: the book, the surface and their points are plain objects.
  const book = new InkBook()
  let surface: InkSurface | null = null

  /** Puts the ink surface over `host`; its strokes and resets keep the counters current. */
  function mount(host: HTMLElement): void {
    surface = new InkSurface({ host, page: size, onAction })
    surface.setStyle({ color: color.value, penWidth: width.value })
    surface.controller.events = {
      ...surface.controller.events,
      reset: ((orig) => () => {
        orig?.()
        syncSoon()
      })(surface.controller.events.reset),
      added: ((orig) => (s: InkStroke) => {
        orig?.(s)
        syncSoon()
      })(surface.controller.events.added)
    }
  }

  function dispose(): void {
    surface?.dispose()
  }

  /** Shows a page's ink; only a blank whiteboard page can pan or zoom. */
  function show(ink: SlideInk, whiteboard: boolean): void {
    surface?.setSlide(ink, { whiteboard, page: size })
    sync()
  }

  function sync(): void {
    if (!surface) return
    canUndo.value = surface.controller.ink.canUndo
    canRedo.value = surface.controller.ink.canRedo
    inkCount.value = surface.controller.ink.strokes.length
    view.value = surface.view
    zoomed.value = surface.controller.zoomed
  }

  let syncQueued = false
  function syncSoon(): void {
    if (syncQueued) return
    syncQueued = true
    requestAnimationFrame(() => {
      syncQueued = false
      sync()
    })
  }

  function onAction(a: InkAction): void {
    recorder.tool(a as LessonTool)
    syncSoon()
  }

  function setInkMode(m: InkModeName): void {
    inkMode.value = m
    if (surface && m !== 'none') surface.mode = m as InkMode
  }
  watch([color, width], () =>
    surface?.setStyle({ color: color.value, penWidth: width.value, highlighterWidth: width.value * 5 })
  )

  /** The compass drew an arc (screen points): it becomes an ink stroke in the pen's colour and width. */
  function compassArc(points: Pt[]): void {
    if (!surface || points.length < 2) return
    const stroke: InkStroke = {
      id: globalThis.crypto.randomUUID(),
      tool: 'pen',
      color: color.value,
      width: width.value,
      points: points.map((pt, i) => {
        const q = surface!.pageFromClient(pt.x, pt.y)
        return [q.x, q.y, 0.5, i * 8] as [number, number, number, number]
      })
    }
    surface.addStroke(stroke)
    recorder.tool('compass')
    sync()
  }

  /** The ruler's edges on screen (client px) while it is out, so the pen follows them; [] when it is put away. */
  function setGuides(edges: readonly GuideEdge[]): void {
    surface?.setGuides(edges)
  }

  function resetZoom(): void {
    surface?.resetZoom()
    sync()
  }

  /** The canvases the magnifier copies: committed ink under the strokes in progress. */
  function layers(): HTMLCanvasElement[] {
    return surface ? [surface.committed, surface.live] : []
  }

  function inkCommand(kind: 'undo' | 'redo' | 'clear' | 'replay'): void {
    if (!surface) return
    if (kind === 'replay') {
      replaying.value = true
      void surface.replay({ speed: 1.5 }).then(() => (replaying.value = false))
    } else surface[kind]()
    recorder.tool(kind === 'redo' ? 'undo' : kind)
    sync()
  }

  return {
    book,
    inkMode,
    color,
    width,
    canUndo,
    canRedo,
    view,
    zoomed,
    inkCount,
    replaying,
    mount,
    dispose,
    show,
    setInkMode,
    compassArc,
    setGuides,
    resetZoom,
    layers,
    inkCommand
  }
}
