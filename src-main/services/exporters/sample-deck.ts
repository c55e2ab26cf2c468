/** A small deck using every exportable element, for export tests, interop tests and benchmarks. */
import { Deck, type DeckInput } from '../../../src-shared/courseware'
import { sha256Hex } from '../courseware/edux-file'

// A real 1×1 PNG and a 2×2 one, so the two media differ.
const PNG1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)
const PNG2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mP8z8Dwn4GBgYGJAQoAAP//AwAh/gL+AAAAAElFTkSuQmCC',
  'base64'
)

export function sampleDeck(): { deck: Deck; media: Map<string, Uint8Array> } {
  const h1 = sha256Hex(PNG1)
  const h2 = sha256Hex(PNG2)
  const media = new Map<string, Uint8Array>([
    [`media/${h1}.png`, new Uint8Array(PNG1)],
    [`media/${h2}.png`, new Uint8Array(PNG2)]
  ])
  const input: DeckInput = {
    id: 'd',
    title: '分数的初步认识',
    aspect: '16:9',
    slides: [
      {
        id: 's1',
        notes: '导入：分蛋糕',
        background: { color: '#FFF8E1' },
        elements: [
          {
            type: 'text',
            id: 't1',
            x: 80,
            y: 40,
            w: 1120,
            h: 100,
            paragraphs: [
              { runs: [{ text: '分数的初步认识', bold: true, fontSize: 44, color: '#C00000' }], align: 'center' }
            ]
          },
          {
            type: 'text',
            id: 't2',
            x: 80,
            y: 160,
            w: 600,
            h: 200,
            paragraphs: [
              { runs: [{ text: '把一个物体平均分成几份' }], list: 'bullet' },
              { runs: [{ text: '每份是它的' }, { text: '几分之一', italic: true }], list: 'bullet' }
            ]
          },
          {
            type: 'image',
            id: 'i1',
            x: 700,
            y: 160,
            w: 300,
            h: 200,
            media: { hash: h1, ext: 'png' },
            crop: { left: 0.1, top: 0.2, right: 0.1, bottom: 0 }
          },
          { type: 'image', id: 'i2', x: 1000, y: 400, w: 200, h: 200, media: { hash: h2, ext: 'png' } },
          {
            type: 'shape',
            id: 'sh',
            x: 100,
            y: 400,
            w: 200,
            h: 200,
            kind: 'star',
            fill: '#FFC000',
            paragraphs: [{ runs: [{ text: '加油' }] }]
          },
          {
            type: 'table',
            id: 'tb',
            x: 100,
            y: 620,
            w: 600,
            h: 80,
            columns: [1, 2],
            rows: [
              {
                height: 40,
                cells: [{ paragraphs: [{ runs: [{ text: '分子' }] }] }, { paragraphs: [{ runs: [{ text: '分母' }] }] }]
              }
            ]
          }
        ]
      },
      {
        id: 's2',
        elements: [
          {
            type: 'question',
            id: 'q',
            x: 80,
            y: 80,
            w: 1120,
            h: 500,
            question: {
              kind: 'single',
              prompt: '二分之一写作？',
              options: [
                { id: 'a', text: '1/2' },
                { id: 'b', text: '2/1' }
              ],
              answer: 'a',
              explanation: '分子在上，分母在下'
            }
          }
        ]
      },
      { id: 's3', elements: [{ type: 'formula', id: 'f', x: 100, y: 100, w: 400, h: 100, latex: '\\frac{1}{2}' }] }
    ]
  }
  return { deck: Deck.parse(input), media }
}
