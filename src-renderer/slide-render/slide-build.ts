/**
 * Build steps (动画) drawn on a rendered slide. The slide's DOM stays what SlideView renders; a
 * build state only sets a few independent CSS properties on the animated targets (visibility,
 * `translate`, `scale`, a colour variable), so element styling, rotation and opacity are left to
 * ElementView and TextBody. Playing a click group runs each of its steps with the Web Animations
 * API on the group's timeline, over the state the group ends in: when they finish (or are
 * finished early by another 下一步) the slide rests in exactly that state.
 *
 * Without a build state nothing is touched: the editor, thumbnails, print and the overview show
 * every slide built in full.
 */
import { watch, type Ref } from 'vue'
import { applyStep, type ClickGroup, type TargetState, type TimedStep } from '../../src-shared/courseware/animation'
import type { Element } from '../../src-shared/courseware/element'

/** Nodes this module styled, so a new state (or none) clears what the last one set. */
const STYLED = 'data-build'
const COLOR_VAR = '--cd-build-color'

let cssInstalled = false
/** The colour change needs rules that outrank the runs' own inline colours (and the shape's fill attribute). */
function installCss(doc: Document): void {
  if (cssInstalled) return
  cssInstalled = true
  const style = doc.createElement('style')
  style.dataset.classdeck = 'slide-build'
  style.textContent = `
[data-build-color="text"], [data-build-color="text"] .run { color: var(${COLOR_VAR}) !important; }
[data-build-color="fill"] path { fill: var(${COLOR_VAR}) !important; }`
  doc.head.appendChild(style)
  // Registered as a colour, the variable interpolates, so a colour change fades rather than jumps.
  try {
    if (typeof CSS !== 'undefined')
      CSS.registerProperty?.({ name: COLOR_VAR, syntax: '<color>', inherits: true, initialValue: 'transparent' })
  } catch {
    // registered already (another bundle on the page): the same definition
  }
}

/** The element's node on the slide, and for a paragraph the paragraph's node in its text body. */
export function targetNodes(root: HTMLElement, elementId: string, paragraph?: number): HTMLElement | null {
  // Matched by value, not by a selector built from the id (ids come from files).
  let el: HTMLElement | null = null
  for (const node of root.querySelectorAll<HTMLElement>('[data-element-id]'))
    if (node.getAttribute('data-element-id') === elementId) {
      el = node
      break
    }
  if (!el || paragraph === undefined) return el
  // The element's own text body (a shape's sits in .shape-text), never a table cell's.
  const body = el.querySelector<HTMLElement>(':scope > .body, :scope > .shape-text > .body')
  const p = body?.querySelectorAll<HTMLElement>(':scope > p')[paragraph]
  return p ?? null
}

function parseKey(key: string): { elementId: string; paragraph?: number } {
  const hash = key.lastIndexOf('#')
  if (hash < 0) return { elementId: key }
  const n = Number(key.slice(hash + 1))
  return Number.isInteger(n) ? { elementId: key.slice(0, hash), paragraph: n } : { elementId: key }
}

function clear(node: HTMLElement): void {
  node.style.removeProperty('visibility')
  node.style.removeProperty('translate')
  node.style.removeProperty('scale')
  node.style.removeProperty(COLOR_VAR)
  node.removeAttribute('data-build-color')
  node.removeAttribute(STYLED)
}

/**
 * Puts the slide in a build state: every animated target hidden, moved, scaled or recoloured as
 * the state says; targets a previous state styled and this one does not are reset.
 */
export function applyBuild(
  root: HTMLElement,
  states: ReadonlyMap<string, TargetState> | null,
  elements: readonly Element[]
): void {
  const keep = new Set<HTMLElement>()
  if (states && states.size) {
    installCss(root.ownerDocument)
    const kinds = new Map(elements.map((e) => [e.id, e.type]))
    for (const [key, s] of states) {
      const { elementId, paragraph } = parseKey(key)
      const node = targetNodes(root, elementId, paragraph)
      if (!node) continue
      keep.add(node)
      node.setAttribute(STYLED, s.visible ? 'shown' : 'hidden')
      if (s.visible) node.style.removeProperty('visibility')
      else node.style.visibility = 'hidden'
      if (s.dx || s.dy) node.style.translate = `${s.dx}px ${s.dy}px`
      else node.style.removeProperty('translate')
      if (s.scale !== 1) node.style.scale = String(s.scale)
      else node.style.removeProperty('scale')
      if (s.color) {
        node.style.setProperty(COLOR_VAR, s.color)
        node.setAttribute(
          'data-build-color',
          paragraph === undefined && kinds.get(elementId) === 'shape' ? 'fill' : 'text'
        )
      } else {
        node.style.removeProperty(COLOR_VAR)
        node.removeAttribute('data-build-color')
      }
    }
  }
  for (const node of root.querySelectorAll<HTMLElement>(`[${STYLED}]`)) if (!keep.has(node)) clear(node)
}

const NO_STATE: TargetState = { visible: true, dx: 0, dy: 0, scale: 1 }

/** How far a fly starts (entrance) or ends (exit) from its place: just off the slide on that side. */
function flyOffset(
  dir: string,
  box: { x: number; y: number; w: number; h: number },
  slide: SlideBox
): [number, number] {
  let dx = 0
  let dy = 0
  if (dir.includes('left')) dx = -(box.x + box.w)
  if (dir.includes('right')) dx = slide.width - box.x
  if (dir.includes('top')) dy = -(box.y + box.h)
  if (dir.includes('bottom')) dy = slide.height - box.y
  return [dx, dy]
}

/** The clip that hides all of a target, wiped away from the side it is revealed from. */
function wipeFrom(dir: string): string {
  if (dir === 'right') return 'inset(0 0 0 100%)'
  if (dir === 'top') return 'inset(0 0 100% 0)'
  if (dir === 'bottom') return 'inset(100% 0 0 0)'
  return 'inset(0 100% 0 0)'
}

export interface SlideBox {
  width: number
  height: number
}

type Frames = Keyframe[]

/** Keyframes of one step, from the state before it to the state after it. */
export function stepKeyframes(
  t: TimedStep,
  before: TargetState,
  after: TargetState,
  box: { x: number; y: number; w: number; h: number },
  slide: SlideBox,
  opacity: number,
  fromColor: string
): Frames {
  const s = t.step
  const tr = (st: TargetState, ox = 0, oy = 0) => `${st.dx + ox}px ${st.dy + oy}px`
  const entering = s.class === 'entrance'
  // Entrances run from the hidden look to the shown one; exits the other way round.
  const pair = (hidden: Keyframe, shown: Keyframe): Frames =>
    entering
      ? [
          { ...hidden, visibility: 'visible' },
          { ...shown, visibility: 'visible' }
        ]
      : [
          { ...shown, visibility: 'visible' },
          { ...hidden, visibility: 'visible' }
        ]
  const st = entering ? after : before
  const dir = s.direction ?? (s.effect === 'float' ? 'bottom' : 'left')
  switch (s.effect) {
    case 'appear':
      // Instant: hidden (or shown) until the step's moment, then as the state says.
      return entering
        ? [{ visibility: 'hidden' }, { visibility: 'hidden' }]
        : [{ visibility: 'visible' }, { visibility: 'visible' }]
    case 'fade':
      return pair({ opacity: 0 }, { opacity })
    case 'fly': {
      const [ox, oy] = flyOffset(dir, box, slide)
      return pair({ translate: tr(st, ox, oy) }, { translate: tr(st) })
    }
    case 'float': {
      // A short rise (or fall) with a fade, a tenth of the slide's height.
      const d = slide.height / 10
      const [ox, oy] = [
        dir.includes('left') ? -d : dir.includes('right') ? d : 0,
        dir.includes('top') ? -d : dir.includes('bottom') ? d : 0
      ]
      return pair({ translate: tr(st, ox, oy), opacity: 0 }, { translate: tr(st), opacity })
    }
    case 'wipe':
      return pair({ clipPath: wipeFrom(dir) }, { clipPath: 'inset(0 0 0 0)' })
    case 'split': {
      const across = dir === 'top' || dir === 'bottom'
      return pair({ clipPath: across ? 'inset(50% 0 50% 0)' : 'inset(0 50% 0 50%)' }, { clipPath: 'inset(0 0 0 0)' })
    }
    case 'zoom':
      return pair({ scale: '0', opacity: 0 }, { scale: String(st.scale), opacity })
    case 'pulse':
      return [{ scale: String(before.scale) }, { scale: String(before.scale * 1.1) }, { scale: String(before.scale) }]
    case 'grow':
      return [{ scale: String(before.scale) }, { scale: String(after.scale) }]
    case 'color':
      return [{ [COLOR_VAR]: fromColor }, { [COLOR_VAR]: after.color ?? fromColor }]
    case 'path':
      return [{ translate: tr(before) }, { translate: tr(after) }]
  }
}

export interface PlayOptions {
  root: HTMLElement
  group: ClickGroup
  /** Each target's state before the group and after it. */
  before: ReadonlyMap<string, TargetState>
  after: ReadonlyMap<string, TargetState>
  elements: readonly Element[]
  slide: SlideBox
}

/**
 * Plays one group over a slide already put in the state after it. Returns the animations, so a
 * second 下一步 can finish them at once and a 上一步 can cancel them.
 */
export function playGroup({ root, group, before, after, elements, slide }: PlayOptions): Animation[] {
  const byId = new Map(elements.map((e) => [e.id, e]))
  const out: Animation[] = []
  const seen = new Set<string>()
  // Each target's running state through the group, for steps that act on one target twice.
  const running = new Map<string, TargetState>()
  for (const t of group.steps) {
    const s = t.step
    const key = s.paragraph === undefined ? s.elementId : `${s.elementId}#${s.paragraph}`
    const node = targetNodes(root, s.elementId, s.paragraph)
    const el = byId.get(s.elementId)
    if (!node || !el) continue
    const from = running.get(key) ?? before.get(key) ?? NO_STATE
    const to = after.get(key) ?? NO_STATE
    // The last step on a target ends in the group's final state; one before it, in its own.
    const stepAfter = group.steps.some(
      (u) => u !== t && u.index > t.index && u.step.elementId === s.elementId && u.step.paragraph === s.paragraph
    )
      ? applyStep(from, s)
      : to
    running.set(key, stepAfter)
    const box = paragraphBox(node, el, root, s.paragraph)
    const opacity = s.paragraph === undefined ? el.opacity : 1
    const fromColor =
      from.color ?? (node.getAttribute('data-build-color') === 'fill' ? shapeFill(el) : computedColor(node))
    const frames = stepKeyframes(t, from, stepAfter, box, slide, opacity, fromColor)
    const duration = s.effect === 'appear' ? Math.max(1, t.at) : Math.max(1, t.end - t.at)
    // A target's first step holds its first frame while it waits (an entering title stays hidden
    // until its moment); later steps on it wait without holding, so they do not mask the first.
    const first = !seen.has(key)
    seen.add(key)
    const a = node.animate(frames, {
      duration,
      delay: s.effect === 'appear' ? 0 : t.at,
      fill: first ? 'backwards' : 'none',
      easing: s.effect === 'pulse' || s.effect === 'appear' ? 'linear' : 'ease-out'
    })
    out.push(a)
  }
  return out
}

/** Where a paragraph sits in slide units (its element's box for the whole element). */
function paragraphBox(
  node: HTMLElement,
  el: Element,
  root: HTMLElement,
  paragraph?: number
): { x: number; y: number; w: number; h: number } {
  if (paragraph === undefined) return { x: el.x, y: el.y, w: el.w, h: el.h }
  const r = root.getBoundingClientRect()
  const k = r.width ? root.offsetWidth / r.width : 1
  const p = node.getBoundingClientRect()
  return { x: (p.left - r.left) * k, y: (p.top - r.top) * k, w: p.width * k, h: p.height * k }
}

function shapeFill(el: Element): string {
  return el.type === 'shape' && el.fill ? el.fill : '#000000'
}

/** The text's own colour, read with the build's colour taken off for the moment. */
function computedColor(node: HTMLElement): string {
  const mark = node.getAttribute('data-build-color')
  node.removeAttribute('data-build-color')
  const run = node.querySelector<HTMLElement>('.run') ?? node
  const c = getComputedStyle(run).color || '#000000'
  if (mark) node.setAttribute('data-build-color', mark)
  return c
}

/**
 * SlideView's hook: keeps the rendered slide in the build state it is given (re-applied when the
 * slide's elements re-render). No state, no styles.
 */
export function useSlideBuild(
  root: Readonly<Ref<HTMLElement | null>>,
  state: () => ReadonlyMap<string, TargetState> | null | undefined,
  elements: () => readonly Element[]
): void {
  // A slide never given a state (every thumbnail) costs nothing here.
  let styled = false
  watch(
    [root, state, elements],
    ([node, s, els]) => {
      if (!node || (!s && !styled)) return
      styled = !!s
      applyBuild(node, s ?? null, els)
    },
    { flush: 'post', immediate: true }
  )
}
