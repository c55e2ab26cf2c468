import { Deck, Slide, type DeckInput } from './deck'
import { Manifest } from './manifest'
import { EDUX_FORMAT_VERSION } from './format'
import { createId, type Aspect } from './primitives'

/** An empty slide with every default applied. */
export function createSlide(partial: Partial<Slide> = {}): Slide {
  return Slide.parse({ id: createId(), elements: [], ...partial })
}

/** A new deck with one empty slide. */
export function createDeck(title: string, aspect: Aspect = '16:9'): Deck {
  const input: DeckInput = { id: createId(), title, aspect, slides: [createSlide()] }
  return Deck.parse(input)
}

/** A manifest for a deck, stamped with the current format version. */
export function createManifest(deck: Deck, now: Date, generator: string, extra: Partial<Manifest> = {}): Manifest {
  const at = now.toISOString()
  return Manifest.parse({
    format: 'edux',
    generator,
    createdAt: at,
    ...extra,
    formatVersion: EDUX_FORMAT_VERSION,
    title: deck.title,
    aspect: deck.aspect,
    slideCount: deck.slides.length,
    modifiedAt: at
  })
}
