/**
 * PowerPoint's animation presets (p:cTn@presetClass, @presetID, @presetSubtype) and ours, both ways.
 * Only the presets we draw map exactly; every other one maps to the nearest effect we have, named
 * (in Chinese, as PowerPoint's Chinese UI names it) so the import report can say what it replaced.
 */
import type { BuildClass, BuildDirection, BuildEffect } from '../../../../src-shared/courseware'

export type PresetClass = 'entr' | 'exit' | 'emph' | 'path'

export const CLASS_OF: Readonly<Record<PresetClass, BuildClass>> = {
  entr: 'entrance',
  exit: 'exit',
  emph: 'emphasis',
  path: 'motion'
}
export const PRESET_CLASS: Readonly<Record<BuildClass, PresetClass>> = {
  entrance: 'entr',
  exit: 'exit',
  emphasis: 'emph',
  motion: 'path'
}

interface Nearest {
  effect: BuildEffect
  /** PowerPoint's name for the preset, for the report. */
  zh: string
  en: string
  /** The preset has no direction of its own; this one is implied (float up comes from below). */
  direction?: BuildDirection
}

/** Entrance and exit presets share ids (2 is Fly In as an entrance, Fly Out as an exit). */
const ENTR_EXACT: Readonly<Record<number, BuildEffect>> = {
  1: 'appear',
  2: 'fly',
  10: 'fade',
  16: 'split',
  22: 'wipe',
  23: 'zoom',
  53: 'zoom',
  42: 'float',
  47: 'float'
}
const ENTR_NEAREST: Readonly<Record<number, Nearest>> = {
  3: { effect: 'wipe', zh: '百叶窗', en: 'Blinds' },
  4: { effect: 'zoom', zh: '盒状', en: 'Box' },
  5: { effect: 'wipe', zh: '棋盘', en: 'Checkerboard' },
  6: { effect: 'zoom', zh: '圆形扩展', en: 'Circle' },
  7: { effect: 'fly', zh: '缓慢进入', en: 'Crawl' },
  8: { effect: 'zoom', zh: '菱形', en: 'Diamond' },
  9: { effect: 'fade', zh: '向内溶解', en: 'Dissolve' },
  11: { effect: 'appear', zh: '闪烁一次', en: 'Flash Once' },
  12: { effect: 'fly', zh: '切入', en: 'Peek' },
  13: { effect: 'zoom', zh: '十字形扩展', en: 'Plus' },
  14: { effect: 'wipe', zh: '随机线条', en: 'Random Bars' },
  15: { effect: 'fly', zh: '螺旋飞入', en: 'Spiral' },
  17: { effect: 'zoom', zh: '伸展', en: 'Stretch' },
  18: { effect: 'wipe', zh: '阶梯状', en: 'Strips' },
  19: { effect: 'fade', zh: '旋转', en: 'Swivel' },
  20: { effect: 'wipe', zh: '楔入', en: 'Wedge' },
  21: { effect: 'wipe', zh: '轮子', en: 'Wheel' },
  24: { effect: 'fade', zh: '随机效果', en: 'Random Effects' },
  25: { effect: 'fly', zh: '飞旋', en: 'Boomerang' },
  26: { effect: 'fly', zh: '弹跳', en: 'Bounce', direction: 'top' },
  27: { effect: 'appear', zh: '彩色打字机', en: 'Color Typewriter' },
  28: { effect: 'fly', zh: '字幕式', en: 'Credits', direction: 'bottom' },
  29: { effect: 'fly', zh: '缓慢进入', en: 'Ease In' },
  30: { effect: 'float', zh: '浮动', en: 'Float', direction: 'bottom' },
  31: { effect: 'zoom', zh: '翻转式由远及近', en: 'Grow & Turn' },
  34: { effect: 'fly', zh: '光速', en: 'Light Speed' },
  35: { effect: 'zoom', zh: '玩具风车', en: 'Pinwheel' },
  37: { effect: 'float', zh: '上升', en: 'Rise Up', direction: 'bottom' },
  38: { effect: 'fly', zh: '挥舞', en: 'Swish' },
  39: { effect: 'zoom', zh: '细线', en: 'Thin Line' },
  40: { effect: 'zoom', zh: '展开', en: 'Unfold' },
  41: { effect: 'fly', zh: '挥鞭式', en: 'Whip' },
  43: { effect: 'zoom', zh: '中心旋转', en: 'Center Revolve' },
  45: { effect: 'fade', zh: '淡出式回旋', en: 'Fade Swivel' },
  49: { effect: 'zoom', zh: '回旋', en: 'Spinner' },
  50: { effect: 'zoom', zh: '压缩', en: 'Compress' },
  51: { effect: 'zoom', zh: '放大', en: 'Expand' },
  52: { effect: 'fly', zh: '升起', en: 'Sling' },
  54: { effect: 'fly', zh: '滑翔', en: 'Glide' },
  55: { effect: 'zoom', zh: '展开', en: 'Expand' },
  56: { effect: 'fade', zh: '淡出式缩放', en: 'Faded Zoom' }
}
const EMPH_EXACT: Readonly<Record<number, BuildEffect>> = { 26: 'pulse', 6: 'grow', 1: 'color', 3: 'color', 7: 'color' }
const EMPH_NEAREST: Readonly<Record<number, Nearest>> = {
  2: { effect: 'pulse', zh: '更改字体', en: 'Change Font' },
  4: { effect: 'grow', zh: '更改字号', en: 'Change Font Size' },
  5: { effect: 'pulse', zh: '更改字形', en: 'Change Font Style' },
  8: { effect: 'pulse', zh: '陀螺旋', en: 'Spin' },
  9: { effect: 'pulse', zh: '透明', en: 'Transparency' },
  10: { effect: 'pulse', zh: '加粗闪烁', en: 'Bold Flash' },
  14: { effect: 'pulse', zh: '闪现', en: 'Blast' },
  15: { effect: 'pulse', zh: '加粗展示', en: 'Bold Reveal' },
  16: { effect: 'color', zh: '画笔颜色', en: 'Brush on Color' },
  18: { effect: 'pulse', zh: '画笔下划线', en: 'Brush on Underline' },
  19: { effect: 'color', zh: '颜色混合', en: 'Color Blend' },
  20: { effect: 'color', zh: '颜色波纹', en: 'Color Wave' },
  21: { effect: 'color', zh: '补色', en: 'Complementary Color' },
  22: { effect: 'color', zh: '补色 2', en: 'Complementary Color 2' },
  23: { effect: 'color', zh: '对比色', en: 'Contrasting Color' },
  24: { effect: 'color', zh: '加深', en: 'Darken' },
  25: { effect: 'color', zh: '不饱和', en: 'Desaturate' },
  27: { effect: 'pulse', zh: '闪烁', en: 'Flicker' },
  28: { effect: 'grow', zh: '彩色延伸', en: 'Grow With Color' },
  30: { effect: 'color', zh: '变淡', en: 'Lighten' },
  31: { effect: 'pulse', zh: '样式强调', en: 'Style Emphasis' },
  32: { effect: 'pulse', zh: '跷跷板', en: 'Teeter' },
  33: { effect: 'grow', zh: '垂直突出显示', en: 'Vertical Highlight' },
  34: { effect: 'pulse', zh: '波浪形', en: 'Wave' },
  35: { effect: 'pulse', zh: '闪烁', en: 'Blink' },
  36: { effect: 'pulse', zh: '闪光', en: 'Shimmer' }
}

/** presetSubtype bits for fly, wipe and the like: where the element comes from (entrance) or goes to (exit). */
const SUBTYPE_DIRECTION: Readonly<Record<number, BuildDirection>> = {
  1: 'top',
  2: 'right',
  4: 'bottom',
  8: 'left',
  3: 'top-right',
  6: 'bottom-right',
  9: 'top-left',
  12: 'bottom-left'
}
export const DIRECTION_SUBTYPE: Readonly<Record<BuildDirection, number>> = {
  top: 1,
  right: 2,
  bottom: 4,
  left: 8,
  'top-right': 3,
  'bottom-right': 6,
  'top-left': 9,
  'bottom-left': 12
}

const CLASS_ZH: Readonly<Record<PresetClass, string>> = { entr: '进入', exit: '退出', emph: '强调', path: '路径' }

export interface MappedPreset {
  effect: BuildEffect
  direction?: BuildDirection
  /** Set when the preset is not one we draw: "回旋" / "Spinner". */
  nearest?: { zh: string; en: string }
}

/** Our effect for a PowerPoint preset. `cls` is already known to be one of the four classes. */
export function mapPreset(cls: PresetClass, id: number | undefined, subtype: number | undefined): MappedPreset {
  const dir = subtype !== undefined ? SUBTYPE_DIRECTION[subtype] : undefined
  if (cls === 'path') return { effect: 'path' }
  if (cls === 'emph') {
    const exact = id !== undefined ? EMPH_EXACT[id] : undefined
    if (exact) return { effect: exact }
    const near = id !== undefined ? EMPH_NEAREST[id] : undefined
    return near
      ? { effect: near.effect, nearest: { zh: near.zh, en: near.en } }
      : { effect: 'pulse', nearest: unnamed(cls, id) }
  }
  const exact = id !== undefined ? ENTR_EXACT[id] : undefined
  if (exact) {
    // Float In (42) rises from below and Descend (47) comes down; as exits, 42 floats up and 47 sinks.
    if (exact === 'float') return { effect: 'float', direction: (id === 47) !== (cls === 'exit') ? 'top' : 'bottom' }
    if (exact === 'fly' || exact === 'wipe') return { effect: exact, direction: dir ?? 'bottom' }
    return { effect: exact }
  }
  const near = id !== undefined ? ENTR_NEAREST[id] : undefined
  if (!near) return { effect: 'fade', nearest: unnamed(cls, id) }
  const direction = near.direction ?? (near.effect === 'fly' || near.effect === 'wipe' ? (dir ?? 'bottom') : undefined)
  return { effect: near.effect, ...(direction ? { direction } : {}), nearest: { zh: near.zh, en: near.en } }
}

function unnamed(cls: PresetClass, id: number | undefined): { zh: string; en: string } {
  const n = id === undefined ? '' : ` ${id}`
  return { zh: `${CLASS_ZH[cls]}效果${n}`, en: `${cls} preset${n}` }
}

/** What we write for each of our effects: PowerPoint's preset id (and subtype where it has no direction). */
export const EXPORT_PRESET: Readonly<Record<BuildEffect, { id: number; subtype?: number }>> = {
  appear: { id: 1, subtype: 0 },
  fade: { id: 10, subtype: 0 },
  fly: { id: 2 },
  wipe: { id: 22 },
  zoom: { id: 53, subtype: 16 },
  float: { id: 42, subtype: 0 },
  split: { id: 16, subtype: 21 },
  pulse: { id: 26, subtype: 0 },
  grow: { id: 6, subtype: 0 },
  color: { id: 1, subtype: 2 },
  path: { id: 0, subtype: 0 }
}
