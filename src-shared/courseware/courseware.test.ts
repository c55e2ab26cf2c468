import { describe, expect, it } from 'vitest'
import {
  Deck,
  Element,
  EDUX_FORMAT_VERSION,
  InkStroke,
  Question,
  createDeck,
  createManifest,
  deckMedia,
  mediaExtFor,
  parseEdux,
  slideText,
  slideTitle,
  type EduxMigration
} from './index'
import { AppError } from '../errors'

const hash = 'a'.repeat(64)

function sampleDeck(): Deck {
  return Deck.parse({
    id: 'd1',
    title: '有理数',
    aspect: '16:9',
    slides: [
      {
        id: 's1',
        elements: [
          {
            type: 'text',
            id: 't',
            x: 80,
            y: 40,
            w: 1120,
            h: 120,
            paragraphs: [{ runs: [{ text: '第一章 有理数', bold: true, fontSize: 40 }] }]
          },
          {
            type: 'image',
            id: 'i',
            x: 0,
            y: 0,
            w: 100,
            h: 100,
            media: { hash, ext: 'png' },
            crop: { left: 0.1, top: 0, right: 0.1, bottom: 0 }
          },
          { type: 'shape', id: 'sh', x: 0, y: 0, w: 10, h: 10, kind: 'star', fill: '#FF0000' },
          { type: 'formula', id: 'f', x: 0, y: 0, w: 10, h: 10, latex: 'H2O', syntax: 'chem' },
          {
            type: 'table',
            id: 'tb',
            x: 0,
            y: 0,
            w: 400,
            h: 100,
            columns: [1, 1],
            rows: [
              {
                height: 50,
                cells: [{ paragraphs: [{ runs: [{ text: 'a' }] }] }, { paragraphs: [{ runs: [{ text: 'b' }] }] }]
              }
            ]
          },
          {
            type: 'question',
            id: 'q',
            x: 0,
            y: 0,
            w: 10,
            h: 10,
            question: { kind: 'fillin', prompt: '1/2 = ?', accepted: ['0.5', '二分之一'] }
          }
        ],
        notes: '先复习',
        ink: [
          {
            id: 'k',
            tool: 'pen',
            color: '#000000',
            width: 3,
            points: [
              [1, 2, 0.5, 0],
              [3, 4, 0.6, 16]
            ]
          }
        ]
      }
    ]
  })
}

describe('deck model', () => {
  it('applies defaults and keeps every element kind', () => {
    const deck = sampleDeck()
    const s = deck.slides[0]!
    expect(s.background.fit).toBe('cover')
    expect(s.elements.map((e) => e.type)).toEqual(['text', 'image', 'shape', 'formula', 'table', 'question'])
    expect(slideTitle(s)).toBe('第一章 有理数')
    expect(slideText(s)).toContain('1/2 = ?')
    expect([...deckMedia(deck).keys()]).toEqual([`media/${hash}.png`])
  })

  it('rejects a single-choice answer that is not one of the options', () => {
    const r = Question.safeParse({
      kind: 'single',
      prompt: 'x',
      options: [
        { id: 'a', text: '1' },
        { id: 'b', text: '2' }
      ],
      answer: 'c'
    })
    expect(r.success).toBe(false)
  })

  it('rejects a table row with the wrong number of cells and a crop that removes the whole image', () => {
    expect(
      Element.safeParse({
        type: 'table',
        id: 't',
        x: 0,
        y: 0,
        w: 1,
        h: 1,
        columns: [1, 1],
        rows: [{ height: 1, cells: [{ paragraphs: [] }] }]
      }).success
    ).toBe(false)
    expect(
      Element.safeParse({
        type: 'image',
        id: 'i',
        x: 0,
        y: 0,
        w: 1,
        h: 1,
        media: { hash, ext: 'png' },
        crop: { left: 0.5, right: 0.5, top: 0, bottom: 0 }
      }).success
    ).toBe(false)
  })

  it('rejects ink pressure outside 0..1 and unknown media extensions', () => {
    expect(
      InkStroke.safeParse({ id: 'k', tool: 'pen', color: '#000000', width: 1, points: [[0, 0, 2, 0]] }).success
    ).toBe(false)
    expect(
      Element.safeParse({ type: 'image', id: 'i', x: 0, y: 0, w: 1, h: 1, media: { hash, ext: 'exe' } }).success
    ).toBe(false)
    expect(mediaExtFor('image/jpeg')).toBe('jpg')
    expect(mediaExtFor('x/y/photo.JPEG')).toBe('jpg')
    expect(mediaExtFor('application/zip')).toBe('bin')
  })

  it('rejects duplicate slide ids', () => {
    const d = sampleDeck()
    expect(Deck.safeParse({ ...d, slides: [d.slides[0], d.slides[0]] }).success).toBe(false)
  })
})

describe('format versions', () => {
  const now = new Date('2026-01-02T03:04:05Z')

  it('parses a current-version file unchanged', () => {
    const deck = createDeck('新课件')
    const manifest = createManifest(deck, now, 'test')
    const parsed = parseEdux(JSON.parse(JSON.stringify(manifest)), JSON.parse(JSON.stringify(deck)), 'a.edux')
    expect(parsed.deck).toEqual(deck)
    expect(parsed.manifest.formatVersion).toBe(EDUX_FORMAT_VERSION)
  })

  it('refuses a file from a newer format with FILE_TOO_NEW naming the file', () => {
    const deck = createDeck('x')
    const manifest = { ...createManifest(deck, now, 'test'), formatVersion: EDUX_FORMAT_VERSION + 1 }
    try {
      parseEdux(manifest, deck, '明天.edux')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).code).toBe('FILE_TOO_NEW')
      expect((e as AppError).message).toContain('明天.edux')
    }
  })

  it('runs each older-version migration in order before validating', () => {
    // A hypothetical v2 that renamed deck.name → deck.title and v3 that added aspect.
    const migrations: EduxMigration[] = [
      {
        version: 2,
        description: 'name→title',
        up: ({ manifest, deck }) => {
          const { name, ...rest } = deck
          return { manifest, deck: { ...rest, title: name } }
        }
      },
      {
        version: 3,
        description: 'aspect',
        up: ({ manifest, deck }) => ({ manifest: { ...manifest, aspect: '4:3' }, deck: { ...deck, aspect: '4:3' } })
      }
    ]
    const deck = createDeck('旧')
    const { title, aspect: _a, ...old } = deck
    const manifest = { ...createManifest(deck, now, 'test'), formatVersion: 1 } as Record<string, unknown>
    delete manifest['aspect']
    const parsed = parseEdux(manifest, { ...old, name: title }, 'old.edux', migrations, 3)
    expect(parsed.fromVersion).toBe(1)
    expect(parsed.manifest.formatVersion).toBe(3)
    expect(parsed.deck.title).toBe('旧')
    expect(parsed.deck.aspect).toBe('4:3')
  })

  it('opens a format-1 file whose questions say true-false and fill-in, with the kinds spelt as in class', () => {
    // deck.json and manifest.json as ClassDeck of format 1 wrote them.
    const frame = { x: 0, y: 0, w: 400, h: 300 }
    const v1Deck = {
      id: 'old-deck',
      title: '旧课件',
      aspect: '16:9',
      slides: [
        {
          id: 's1',
          elements: [
            {
              type: 'question',
              id: 'q1',
              ...frame,
              question: { kind: 'true-false', prompt: '水在 0°C 结冰', answer: true }
            },
            {
              type: 'question',
              id: 'q2',
              ...frame,
              question: { kind: 'fill-in', prompt: '1/2 = ?', accepted: ['0.5', '二分之一'] }
            },
            { type: 'text', id: 't1', ...frame, paragraphs: [{ runs: [{ text: 'fill-in' }] }] }
          ]
        }
      ]
    }
    const v1Manifest = { ...createManifest(createDeck('旧课件'), now, 'test'), formatVersion: 1 }
    const parsed = parseEdux(JSON.parse(JSON.stringify(v1Manifest)), JSON.parse(JSON.stringify(v1Deck)), '旧.edux')
    expect(parsed.fromVersion).toBe(1)
    expect(parsed.manifest.formatVersion).toBe(EDUX_FORMAT_VERSION)
    const kinds = parsed.deck.slides[0]!.elements.flatMap((e) => (e.type === 'question' ? [e.question.kind] : []))
    expect(kinds).toEqual(['truefalse', 'fillin'])
    // Written in the new format, the old spelling is refused: there is one spelling.
    expect(() => parseEdux({ ...v1Manifest, formatVersion: 2 }, v1Deck, 'x.edux')).toThrow(/kind|question/)
  })

  it('names the file and the bad field when deck.json is malformed', () => {
    const deck = createDeck('x')
    const manifest = createManifest(deck, now, 'test')
    try {
      parseEdux(manifest, { ...deck, aspect: '21:9' }, 'bad.edux')
      expect.unreachable()
    } catch (e) {
      expect((e as AppError).code).toBe('FILE_INVALID')
      expect((e as AppError).message).toContain('bad.edux')
      expect((e as AppError).messageEn).toContain('aspect')
    }
  })
})
