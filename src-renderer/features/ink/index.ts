/** The ink engine: framework-free; Vue components hold an InkSurface and an InkBook, never their points. */
export { InkSurface, type InkSurfaceOptions } from './ink-surface'
export {
  InkController,
  isPalm,
  PALM_MIN_SIZE,
  type InkMode,
  type InkStyle,
  type InkAction,
  type InkInput
} from './ink-controller'
export { InkBook, SlideInk } from './slide-ink'
export { replayTimeline, replayFrame } from './replay'
export { fitView, toPage, toScreen, type View } from './view-transform'
export { rulerEdges, guideFor, type GuideEdge } from './ruler-guide'
export { InkAutosave, type InkAutosaveOptions, type InkSnapshot } from './ink-autosave'
