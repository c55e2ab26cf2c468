/**
 * Turning pages with build steps (动画), as PowerPoint does: 下一步 plays the slide's next click
 * group before it turns the page; 上一步 undoes one group (shown at once, not played backwards),
 * and from a slide's first group goes back to the previous slide built in full. Another 下一步
 * while a group plays only finishes it. Pure, so every rule is tested without a browser.
 */
import {
  EFFECT_LABELS_EN,
  effectLabel,
  slideBuild,
  type BuildStep,
  type ClickGroup,
  type TargetState
} from '../../../src-shared/courseware/animation'
import type { Element, Paragraph } from '../../../src-shared/courseware/element'
import { step, type NavCommand } from './presenter-nav'

/** Where the lesson stands: the page, and how many of its click groups have played. */
export interface BuildPlace {
  index: number
  done: number
}

export interface BuildNavContext {
  hidden: readonly boolean[]
  /** Click groups of the page at an index (0 for whiteboard pages and slides without builds). */
  clicks: (index: number) => number
  /** A group is playing now. */
  playing: boolean
}

export type BuildMove =
  /** The group playing ends at once; nothing else happens. */
  | { kind: 'finish' }
  /** The next click group of this page plays; `done` groups have played after it. */
  | { kind: 'play'; done: number }
  /** This page goes back to `done` groups, shown at once. */
  | { kind: 'undo'; done: number }
  /** Another page (or this one from its start), with `done` groups shown. */
  | { kind: 'turn'; index: number; done: number }
  | { kind: 'stay' }

export function buildMove(place: BuildPlace, cmd: NavCommand, ctx: BuildNavContext): BuildMove {
  const { index, done } = place
  switch (cmd.kind) {
    case 'next': {
      if (ctx.playing) return { kind: 'finish' }
      if (done < ctx.clicks(index)) return { kind: 'play', done: done + 1 }
      const to = step(ctx.hidden, index, cmd)
      return to === index ? { kind: 'stay' } : { kind: 'turn', index: to, done: 0 }
    }
    case 'prev': {
      if (done > 0) return { kind: 'undo', done: done - 1 }
      const to = step(ctx.hidden, index, cmd)
      // Going back shows the slide as it was left: every group played.
      return to === index ? { kind: 'stay' } : { kind: 'turn', index: to, done: ctx.clicks(to) }
    }
    case 'first':
    case 'last': {
      const to = step(ctx.hidden, index, cmd)
      return to === index && done === 0 ? { kind: 'stay' } : { kind: 'turn', index: to, done: 0 }
    }
    default:
      return { kind: 'stay' }
  }
}

/** The click groups of the main sequence (the slide's auto group left out), in order. */
export function clickGroups(animations: readonly BuildStep[]): ClickGroup[] {
  return slideBuild(animations).groups.filter((g) => !g.auto)
}

/** The group that plays on its own when the slide shows, if the slide has one. */
export function autoGroup(animations: readonly BuildStep[]): ClickGroup | null {
  const first = slideBuild(animations).groups[0]
  return first?.auto ? first : null
}

/** Every animated target before anything has played (entering ones hidden), for the auto group's start. */
export function initialStates(animations: readonly BuildStep[]): Map<string, TargetState> {
  const out = new Map<string, TargetState>()
  for (const s of animations) {
    const key = s.paragraph === undefined ? s.elementId : `${s.elementId}#${s.paragraph}`
    if (!out.has(key)) out.set(key, { visible: s.class !== 'entrance', dx: 0, dy: 0, scale: 1 })
  }
  return out
}

/**
 * The trigger group a tap on `elementId` plays next (its index in that element's sequence), or
 * null when the element starts none or its sequence has played to the end.
 */
export function triggerGroup(
  animations: readonly BuildStep[],
  played: ReadonlyMap<string, number>,
  elementId: string
): number | null {
  const groups = slideBuild(animations).triggers.get(elementId)
  const n = played.get(elementId) ?? 0
  return groups && n < groups.length ? n : null
}

function paragraphText(p: Paragraph | undefined): string {
  return (p?.runs ?? []).map((r) => r.text).join('')
}

const KIND_LABELS: Readonly<Record<string, [string, string]>> = {
  text: ['文本', 'text'],
  image: ['图片', 'picture'],
  shape: ['形状', 'shape'],
  table: ['表格', 'table'],
  formula: ['公式', 'formula'],
  audio: ['音频', 'audio'],
  video: ['视频', 'video'],
  'slide-link': ['跳转按钮', 'link button'],
  question: ['题目', 'question'],
  placeholder: ['占位内容', 'placeholder']
}

/** A short name of what a step acts on: the start of its text, or the kind of element it is. */
export function targetLabel(el: Element | undefined, paragraph: number | undefined, en = false): string {
  if (!el) return en ? 'an element' : '元素'
  const paras = el.type === 'text' || el.type === 'shape' ? el.paragraphs : []
  const text = (paragraph === undefined ? paras.map(paragraphText).join(' ') : paragraphText(paras[paragraph])).trim()
  if (text) return text.length > 14 ? `${text.slice(0, 14)}…` : text
  const [zh, eng] = KIND_LABELS[el.type] ?? ['元素', 'element']
  return en ? eng : zh
}

/**
 * What the next click plays, for the presenter console: "飞入 标题", and "等 3 项" when the group
 * has more steps. Null when the slide has no group left.
 */
export function describeGroup(group: ClickGroup | undefined, elements: readonly Element[], en = false): string | null {
  const first = group?.steps[0]
  if (!group || !first) return null
  const el = elements.find((e) => e.id === first.step.elementId)
  const effect = en ? EFFECT_LABELS_EN[first.step.effect] : effectLabel(first.step.class, first.step.effect)
  const what = `${effect} ${targetLabel(el, first.step.paragraph, en)}`
  const more = group.steps.length - 1
  if (!more) return what
  return en ? `${what} and ${more} more` : `${what} 等 ${group.steps.length} 项`
}
