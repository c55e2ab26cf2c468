/** New elements as the toolbar adds them: centred on the slide, with readable defaults for the back row. */
import type { Element, ShapeKind } from '../../../src-shared/courseware/element'
import type { Question } from '../../../src-shared/courseware/question'
import { createId, type MediaRef } from '../../../src-shared/courseware/primitives'

const frame = (x: number, y: number, w: number, h: number) => ({
  id: createId(),
  x,
  y,
  w,
  h,
  rotation: 0,
  opacity: 1,
  locked: false
})

export function newText(text = '双击输入文字'): Element {
  return {
    type: 'text',
    ...frame(240, 280, 800, 120),
    paragraphs: [{ runs: [{ text, fontSize: 32 }], level: 0 }],
    verticalAlign: 'top',
    autoFit: false
  }
}

export function newShape(kind: ShapeKind): Element {
  const line = kind === 'line' || kind === 'arrow'
  return {
    type: 'shape',
    ...frame(490, line ? 340 : 235, 300, line ? 40 : 250),
    kind,
    fill: line ? undefined : '#90CAF9',
    stroke: '#1565C0',
    strokeWidth: line ? 4 : 2,
    flipH: false,
    flipV: false,
    paragraphs: [],
    verticalAlign: 'middle'
  }
}

export function newTable(rows = 3, cols = 3): Element {
  const cell = () => ({ paragraphs: [{ runs: [{ text: '' }], level: 0 }], colSpan: 1, rowSpan: 1, merged: false })
  return {
    type: 'table',
    ...frame(190, 200, 900, rows * 60),
    columns: Array.from({ length: cols }, () => 1),
    rows: Array.from({ length: rows }, () => ({ height: 60, cells: Array.from({ length: cols }, cell) })),
    borderColor: '#455A64',
    headerRow: true
  }
}

export function newFormula(
  latex = 'x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}',
  syntax: 'math' | 'chem' = 'math'
): Element {
  return { type: 'formula', ...frame(340, 260, 600, 200), latex, syntax, color: '#000000', fontSize: 40 }
}

export function newQuestion(kind: Question['kind'] = 'single'): Element {
  const options = ['A', 'B', 'C', 'D'].map((t) => ({ id: createId(), text: `选项 ${t}` }))
  const common = { prompt: '请输入题目', explanation: '', points: 1 }
  const question: Question =
    kind === 'single'
      ? { kind, ...common, options, answer: options[0].id }
      : kind === 'multiple'
        ? { kind, ...common, options, answers: [options[0].id] }
        : kind === 'truefalse'
          ? { kind, ...common, answer: true }
          : kind === 'fillin'
            ? { kind, ...common, accepted: ['答案'], caseSensitive: false }
            : { kind, ...common, options, allowMultiple: false }
  return { type: 'question', ...frame(140, 100, 1000, 520), question }
}

export function newImage(media: MediaRef, naturalW: number, naturalH: number, alt = ''): Element {
  const scale = Math.min(1, 960 / naturalW, 540 / naturalH)
  const w = Math.max(20, Math.round(naturalW * scale))
  const h = Math.max(20, Math.round(naturalH * scale))
  return { type: 'image', ...frame((1280 - w) / 2, (720 - h) / 2, w, h), media, alt, flipH: false, flipV: false }
}

export function newMedia(kind: 'audio' | 'video', media: MediaRef): Element {
  return kind === 'audio'
    ? { type: 'audio', ...frame(440, 320, 400, 80), media, autoplay: false, loop: false }
    : { type: 'video', ...frame(280, 150, 720, 420), media, autoplay: false, loop: false }
}

export function newSlideLink(targetSlideId: string, label: string): Element {
  return { type: 'slide-link', ...frame(1000, 620, 240, 72), targetSlideId, label, color: '#FFFFFF', fill: '#1565C0' }
}

/** A column chart with a small table a teacher overwrites: three categories, two series. */
export function newChart(): Element {
  return {
    type: 'chart',
    ...frame(240, 140, 800, 440),
    kind: 'column',
    grouping: 'clustered',
    title: '图表标题',
    categories: ['类别 1', '类别 2', '类别 3'],
    series: [
      { name: '系列 1', values: [4, 2.5, 3.5] },
      { name: '系列 2', values: [2.4, 4.4, 1.8] }
    ],
    xAxisTitle: '',
    yAxisTitle: '',
    legend: 'bottom',
    dataLabels: false
  }
}
