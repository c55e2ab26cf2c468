import type { Deck, ImportReport } from '../../../src-shared/courseware'

export interface ImportOptions {
  /** Called with slides (or steps) done and total. */
  onProgress?: (done: number, total: number) => void
  deckId?: string
  title?: string
  /** DOCX only: split the lesson plan into slides at this heading level (1–6); absent = keep as 教案 only. */
  splitHeadingLevel?: number
}

export interface ImportResult {
  deck: Deck
  /** Media bytes keyed by zip path `media/<hash>.<ext>`. */
  media: Map<string, Uint8Array>
  report: ImportReport
}
