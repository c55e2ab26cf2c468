/**
 * Build steps (动画): what appears, leaves, draws attention or moves on a slide, in order.
 *
 * The model follows PowerPoint's main sequence closely enough to import and export it without
 * losing count: each step is one effect on one element (or one paragraph of a text element), and
 * starts on a click, with the previous step, or after it. A click and the steps that follow it
 * with/after make one "click group"; the board's 下一步 plays one group. Steps whose `trigger`
 * names an element form that element's own sequence, started by tapping it, outside the count.
 *
 * Everything here is pure, so the board, the presenter console, thumbnails, print, the exporter
 * and the tests agree on what a slide looks like after N clicks.
 */
import { z } from 'zod'
import { Color, Id } from './primitives'

export const BuildClass = z.enum(['entrance', 'exit', 'emphasis', 'motion'])
export type BuildClass = z.infer<typeof BuildClass>

/** The effects we draw. An imported effect we do not have maps to the nearest and says so in `approximated`. */
export const BuildEffect = z.enum([
  // entrance and exit
  'appear',
  'fade',
  'fly',
  'wipe',
  'zoom',
  'float',
  'split',
  // emphasis
  'pulse',
  'grow',
  'color',
  // motion
  'path'
])
export type BuildEffect = z.infer<typeof BuildEffect>

export const BuildDirection = z.enum([
  'left',
  'right',
  'top',
  'bottom',
  'top-left',
  'top-right',
  'bottom-left',
  'bottom-right'
])
export type BuildDirection = z.infer<typeof BuildDirection>

/** Which effects each class may use (checked when a deck is validated). */
export const EFFECTS_BY_CLASS: Readonly<Record<BuildClass, readonly BuildEffect[]>> = {
  entrance: ['appear', 'fade', 'fly', 'wipe', 'zoom', 'float', 'split'],
  exit: ['appear', 'fade', 'fly', 'wipe', 'zoom', 'float', 'split'],
  emphasis: ['pulse', 'grow', 'color'],
  motion: ['path']
}

export const BuildStart = z.enum(['click', 'with', 'after'])
export type BuildStart = z.infer<typeof BuildStart>

export const BuildStep = z
  .object({
    id: Id,
    /** The element this step acts on (an id on the same slide). */
    elementId: Id,
    /** 0-based paragraph of a text or shape element, for 按段落 builds; absent for the whole element. */
    paragraph: z.number().int().min(0).max(9999).optional(),
    class: BuildClass,
    effect: BuildEffect,
    /** Fly, wipe, float and split: where the element comes from (entrance) or goes to (exit). */
    direction: BuildDirection.optional(),
    start: BuildStart.default('click'),
    /** Milliseconds after the step's start point. */
    delay: z.number().int().min(0).max(600_000).default(0),
    /** Milliseconds the effect lasts (appear is instant whatever this says). */
    duration: z.number().int().min(0).max(600_000).default(500),
    /** grow: the scale it ends at (1.5 = 150%). */
    scale: z.number().positive().max(20).optional(),
    /** color: the fill or text colour it changes to. */
    color: Color.optional(),
    /** path: the straight line it moves along, in slide units from where it is. */
    path: z.object({ dx: z.number(), dy: z.number() }).strict().optional(),
    /** Tapping this element (an id on the same slide) starts the sequence this step belongs to. */
    trigger: Id.optional(),
    /** Set by importers: the effect the source file had, when it was mapped to a nearer one. */
    approximated: z.string().max(500).optional()
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!EFFECTS_BY_CLASS[s.class].includes(s.effect))
      ctx.addIssue({ code: 'custom', message: `effect ${s.effect} is not a ${s.class} effect`, path: ['effect'] })
    if (s.effect === 'path' && !s.path) ctx.addIssue({ code: 'custom', message: 'a path needs dx/dy', path: ['path'] })
  })
export type BuildStep = z.infer<typeof BuildStep>
export type BuildStepInput = z.input<typeof BuildStep>

/** What a target (element, or one paragraph of it) looks like once the steps so far have played. */
export interface TargetState {
  visible: boolean
  /** Slide-unit offset from motion paths. */
  dx: number
  dy: number
  scale: number
  /** Colour from a colour-change emphasis, if any. */
  color?: string
}

/** A step placed on its group's timeline: when it starts and ends, in ms from the click. */
export interface TimedStep {
  step: BuildStep
  /** Index of the step in `slide.animations`. */
  index: number
  at: number
  end: number
}

/** One click's worth of steps (or the slide's opening auto steps, or a trigger's sequence). */
export interface ClickGroup {
  steps: TimedStep[]
  /** Total length in ms. */
  length: number
  /** True for steps that run on their own when the slide opens (the file began with with/after). */
  auto: boolean
}

export interface SlideBuild {
  /** The main sequence: group 0 may be `auto`; every other group starts on a click. */
  groups: ClickGroup[]
  /** Trigger sequences, keyed by the element tapped. */
  triggers: Map<string, ClickGroup[]>
}

/** Key of a target: the element id, or `<id>#<paragraph>` for a by-paragraph step. */
export function targetKey(elementId: string, paragraph?: number): string {
  return paragraph === undefined ? elementId : `${elementId}#${paragraph}`
}

function effectiveDuration(s: BuildStep): number {
  return s.effect === 'appear' ? 0 : s.duration
}

/** Split an ordered list of steps into click groups with their timelines. */
function groupSteps(list: { step: BuildStep; index: number }[]): ClickGroup[] {
  const groups: ClickGroup[] = []
  let current: ClickGroup | null = null
  let prevStart = 0
  let prevEnd = 0
  for (const { step, index } of list) {
    if (!current || step.start === 'click') {
      current = { steps: [], length: 0, auto: !current && step.start !== 'click' }
      groups.push(current)
      prevStart = 0
      prevEnd = 0
    }
    const base = step.start === 'after' ? prevEnd : prevStart
    const at = base + step.delay
    const end = at + effectiveDuration(step)
    current.steps.push({ step, index, at, end })
    current.length = Math.max(current.length, end)
    prevStart = at
    prevEnd = Math.max(prevEnd, end)
  }
  return groups
}

/** The slide's build: main-sequence click groups and trigger sequences. */
export function slideBuild(animations: readonly BuildStep[]): SlideBuild {
  const main: { step: BuildStep; index: number }[] = []
  const byTrigger = new Map<string, { step: BuildStep; index: number }[]>()
  animations.forEach((step, index) => {
    if (step.trigger) {
      const l = byTrigger.get(step.trigger) ?? []
      l.push({ step, index })
      byTrigger.set(step.trigger, l)
    } else main.push({ step, index })
  })
  const triggers = new Map<string, ClickGroup[]>()
  for (const [k, l] of byTrigger) triggers.set(k, groupSteps(l))
  return { groups: groupSteps(main), triggers }
}

/** How many clicks the main sequence needs (the auto group at the start is not a click). */
export function clickCount(animations: readonly BuildStep[]): number {
  return slideBuild(animations).groups.filter((g) => !g.auto).length
}

/** Targets that start hidden: those whose first step in the main sequence is an entrance. */
function initialState(animations: readonly BuildStep[]): Map<string, TargetState> {
  const out = new Map<string, TargetState>()
  for (const s of animations) {
    const key = targetKey(s.elementId, s.paragraph)
    if (out.has(key)) continue
    out.set(key, { visible: s.class !== 'entrance', dx: 0, dy: 0, scale: 1 })
  }
  return out
}

/** Apply one finished step to a target's state. */
export function applyStep(state: TargetState, s: BuildStep): TargetState {
  switch (s.class) {
    case 'entrance':
      return { ...state, visible: true }
    case 'exit':
      return { ...state, visible: false }
    case 'emphasis':
      if (s.effect === 'grow') return { ...state, scale: state.scale * (s.scale ?? 1.5) }
      if (s.effect === 'color' && s.color) return { ...state, color: s.color }
      return state
    case 'motion':
      return s.path ? { ...state, dx: state.dx + s.path.dx, dy: state.dy + s.path.dy } : state
  }
}

/**
 * What each animated target looks like after `done` click groups of the main sequence have played
 * (the auto group counts as played whenever the slide is shown), plus any trigger groups played.
 * Targets not in the map are not animated and always show as placed.
 */
export function buildStateAt(
  animations: readonly BuildStep[],
  done: number,
  triggersPlayed: ReadonlyMap<string, number> = new Map()
): Map<string, TargetState> {
  const build = slideBuild(animations)
  const state = initialState(animations)
  const play = (g: ClickGroup) => {
    for (const t of g.steps) {
      const key = targetKey(t.step.elementId, t.step.paragraph)
      state.set(key, applyStep(state.get(key)!, t.step))
    }
  }
  let clicks = 0
  for (const g of build.groups) {
    if (!g.auto) {
      if (clicks >= done) break
      clicks++
    }
    play(g)
  }
  for (const [el, n] of triggersPlayed) (build.triggers.get(el) ?? []).slice(0, n).forEach(play)
  return state
}

/** The state of a target, whole element first then its paragraph (a paragraph inherits the element's). */
export function targetState(
  states: ReadonlyMap<string, TargetState>,
  elementId: string,
  paragraph?: number
): TargetState | undefined {
  const whole = states.get(elementId)
  if (paragraph === undefined) return whole
  const para = states.get(targetKey(elementId, paragraph))
  if (!para) return whole
  if (!whole) return para
  return {
    visible: whole.visible && para.visible,
    dx: whole.dx + para.dx,
    dy: whole.dy + para.dy,
    scale: whole.scale * para.scale,
    color: para.color ?? whole.color
  }
}

const EFFECT_LABELS: Readonly<Record<BuildEffect, string>> = {
  appear: '出现',
  fade: '淡入',
  fly: '飞入',
  wipe: '擦除',
  zoom: '缩放',
  float: '浮入',
  split: '劈裂',
  pulse: '脉冲',
  grow: '放大/缩小',
  color: '变色',
  path: '直线路径'
}
const EXIT_LABELS: Partial<Record<BuildEffect, string>> = { appear: '消失', fade: '淡出', fly: '飞出', float: '浮出' }

/** Chinese name of an effect, for the report, the presenter's "下一步" line and the editor. */
export function effectLabel(cls: BuildClass, effect: BuildEffect): string {
  return (cls === 'exit' ? EXIT_LABELS[effect] : undefined) ?? EFFECT_LABELS[effect]
}

/** English names, for the `en` locale and messageEn. */
export const EFFECT_LABELS_EN: Readonly<Record<BuildEffect, string>> = {
  appear: 'Appear',
  fade: 'Fade',
  fly: 'Fly',
  wipe: 'Wipe',
  zoom: 'Zoom',
  float: 'Float',
  split: 'Split',
  pulse: 'Pulse',
  grow: 'Grow/Shrink',
  color: 'Colour change',
  path: 'Line path'
}
