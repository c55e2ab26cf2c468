import { describe, expect, it } from 'vitest'
import { ChartElement } from '../../../../src-shared/courseware/element'
import {
  addRow,
  addSeries,
  parseCell,
  removeRow,
  removeSeries,
  rowCount,
  setCategory,
  setKind,
  setSeriesName,
  setValue,
  setX
} from './chart-data-ops'
import { newChart } from '../new-elements'

const chart = (): ChartElement => ChartElement.parse(newChart())

describe('chart data table edits', () => {
  it('reads numbers as a Chinese keyboard types them, an empty cell as a gap, and refuses words', () => {
    expect(parseCell('12.5')).toBe(12.5)
    expect(parseCell('１２')).toBe(12)
    expect(parseCell('1,200')).toBe(1200)
    expect(parseCell('3。5')).toBe(3.5)
    expect(parseCell('  ')).toBeNull()
    expect(parseCell('十二')).toBe('invalid')
    expect(parseCell('Infinity')).toBe('invalid')
  })

  it('sets one cell, a category and a series name, leaving the rest as it was', () => {
    let c = setValue(chart(), 1, 2, 9)
    expect(c.series[1]!.values).toEqual([2.4, 4.4, 9])
    expect(c.series[0]!.values).toEqual([4, 2.5, 3.5])
    c = setCategory(setSeriesName(c, 0, '数学'), 0, '一班')
    expect(c.categories[0]).toBe('一班')
    expect(c.series[0]!.name).toBe('数学')
  })

  it('adds and removes rows and series, keeping at least one of each, with gaps in new cells', () => {
    let c = addSeries(addRow(chart()))
    expect(c.categories).toEqual(['类别 1', '类别 2', '类别 3', '类别 4'])
    expect(c.series.map((s) => s.values.length)).toEqual([4, 4, 4])
    expect(c.series[2]).toEqual({ name: '系列 3', values: [null, null, null, null] })
    c = removeRow(c, 0)
    expect(c.categories[0]).toBe('类别 2')
    expect(c.series[0]!.values).toEqual([2.5, 3.5, null])
    c = removeSeries(removeSeries(removeSeries(c, 0), 0), 0)
    expect(c.series).toHaveLength(1)
    for (let i = 0; i < 5; i++) c = removeRow(c, 0)
    expect(rowCount(c)).toBe(1)
  })

  it('turns numeric categories into scatter x values and back, and edits x for every series', () => {
    let c = setCategory(setCategory(setCategory(chart(), 0, '10'), 1, '20'), 2, '30')
    c = setKind(c, 'scatter')
    expect(c.series[0]!.xValues).toEqual([10, 20, 30])
    c = setX(c, 1, 25)
    expect(c.series.map((s) => s.xValues)).toEqual([
      [10, 25, 30],
      [10, 25, 30]
    ])
    c = addRow(c)
    expect(c.series[0]!.xValues).toEqual([10, 25, 30, 4])
    c = setKind(c, 'line')
    expect(c.categories).toEqual(['10', '25', '30', '4'])
    expect(c.series[0]!.xValues).toBeUndefined()
  })

  it('stops at 50 series and 1000 rows', () => {
    let c = chart()
    for (let i = 0; i < 60; i++) c = addSeries(c)
    expect(c.series).toHaveLength(50)
    let r = chart()
    for (let i = 0; i < 1100; i++) r = addRow(r)
    expect(rowCount(r)).toBe(1000)
  })
})
