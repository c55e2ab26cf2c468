/**
 * A small deck to teach from when no courseware is open yet (and for the benchmark): title
 * slides with text, so playback, ink and the lesson record can all be tried at once.
 */
import { Deck } from '../../../src-shared/courseware/deck'
import { createId } from '../../../src-shared/courseware/primitives'

export function sampleDeck(title: string, slideCount: number): Deck {
  const slides = Array.from({ length: slideCount }, (_, i) => ({
    id: `slide-${i + 1}`,
    elements: [
      {
        type: 'text' as const,
        id: `t-${i + 1}`,
        x: 80,
        y: 60,
        w: 1120,
        h: 120,
        paragraphs: [{ runs: [{ text: i === 0 ? title : `${title} · ${i + 1}`, fontSize: 40, bold: true }] }]
      },
      {
        type: 'text' as const,
        id: `b-${i + 1}`,
        x: 80,
        y: 220,
        w: 1120,
        h: 400,
        paragraphs: [1, 2, 3].map((k) => ({
          list: 'bullet' as const,
          runs: [{ text: `要点 ${k}（第 ${i + 1} 页）`, fontSize: 28 }]
        }))
      }
    ]
  }))
  return Deck.parse({ id: createId(), title, aspect: '16:9', slides })
}
