/**
 * Where the shared corpus of real PPTX/DOCX files is (../shared/corpus beside our own checkouts, or
 * CLASSDECK_CORPUS), and how a test that needs it says, in one line, that it skipped when it is not there.
 * A fresh clone has no corpus: every path the corpus reaches is also reached by the generated files
 * in fixture-decks.ts and fixture-docx.ts.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const beside = resolve(import.meta.dirname, '../../../shared/corpus')

/** The corpus folder; CLASSDECK_CORPUS overrides it (CLASSDECK_CORPUS=/nonexistent hides it). */
export const CORPUS_DIR = process.env['CLASSDECK_CORPUS'] ? resolve(process.env['CLASSDECK_CORPUS']) : beside

export const haveCorpus = existsSync(join(CORPUS_DIR, 'pptx')) && existsSync(join(CORPUS_DIR, 'docx'))

/** The reason, as scripts/test.mjs collects it from skipped tests' titles. */
export const CORPUS_ABSENT = process.env['CLASSDECK_CORPUS']
  ? `../shared/corpus is not beside this checkout (CLASSDECK_CORPUS=${process.env['CLASSDECK_CORPUS']} has no pptx/ and docx/)`
  : '../shared/corpus is not beside this checkout'

export function corpusFile(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts)
}

/**
 * The title for a describe/it that runs only with the corpus: unchanged when it is there; otherwise it
 * carries "[skipped: reason]" (which scripts/test.mjs lists) and one console line says so.
 */
export function corpusTitle(title: string): string {
  if (haveCorpus) return title
  console.info(`skipped: ${title}: ${CORPUS_ABSENT}`)
  return `${title} [skipped: ${CORPUS_ABSENT}]`
}
