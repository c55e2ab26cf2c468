import { describe, expect, it } from 'vitest'
import { ChartElement, Deck, createDeck, deckMedia, elementMedia, slideText } from './index'

const fallback = { hash: 'a'.repeat(64), ext: 'png' as const }
const chart = ChartElement.parse({
  type: 'chart',
  id: 'c1',
  x: 0,
  y: 0,
  w: 600,
  h: 400,
  kind: 'pie',
  title: '早餐调查',
  xAxisTitle: '',
  categories: ['牛奶', '豆浆'],
  series: [{ name: '人数', values: [3, null] }],
  fallback
})

describe('chart element in the deck model', () => {
  it('fills defaults, keeps gaps as null and survives a deck round trip through JSON', () => {
    expect(chart).toMatchObject({ grouping: 'clustered', legend: 'bottom', dataLabels: false, yAxisTitle: '' })
    const deck = createDeck('图表')
    deck.slides[0]!.elements.push(chart)
    const back = Deck.parse(JSON.parse(JSON.stringify(deck)))
    expect(back.slides[0]!.elements[0]).toEqual(chart)
  })

  it('counts its cached picture as media (packing and clean-up keep it) and its words as slide text', () => {
    expect(elementMedia(chart)).toEqual([fallback])
    const deck = createDeck('图表')
    deck.slides[0]!.elements.push(chart)
    expect([...deckMedia(deck).values()]).toContainEqual(fallback)
    expect(slideText(deck.slides[0]!).split('\n')).toEqual(['早餐调查', '牛奶', '豆浆', '人数'])
  })
})
