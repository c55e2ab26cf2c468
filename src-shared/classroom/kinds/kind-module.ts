/**
 * What one question kind must say about itself. Every kind's module (kinds/<kind>.ts) fills in
 * all of it, and kinds/index.ts collects them in a record keyed by QuestionKind, so a kind with a
 * piece missing, or a kind without a module, does not compile. Nothing elsewhere switches on kinds.
 */
import type { z } from 'zod'

/** A reason a student can act on, Chinese first (the tablet shows `zh` as it is). */
export interface Reason {
  zh: string
  en: string
}

/** The platform's names of kinds in QuizResultInput (src-shared/platform/dto.ts). */
export type PlatformKind = 'single' | 'multiple' | 'judge' | 'fill' | 'vote' | 'open'

/** What a tablet is shown of a question beyond its stem: never the key. */
export interface StudentView {
  options?: string[]
  multi?: boolean
  blanks?: number
  maxWords?: number
  /** Number questions: the unit shown after the input, and the range an answer must fall in. */
  unit?: string
  min?: number
  max?: number
}

/** The key as a student may see it after the teacher reveals it. */
export interface KeyView {
  /** Right option indexes (true/false: 0 = 对, 1 = 错, as the bars). */
  options?: number[]
  value?: boolean
  /** Per blank, the answers that count as right. */
  accepted?: string[][]
  /** Number questions: the right value and how far from it an answer may be. */
  number?: { value: number; tolerance: number }
}

/** What one answer adds to a run's tally; the tally owns the arrays. */
export interface TallySink {
  readonly counts: number[]
  readonly words: Map<string, number>
  /** The next buzz in receive order; the first `winners` win. */
  buzz(studentId: string, receivedAt: string, winners: number): void
  photo(studentId: string, photoId: string): void
}

/** Who gave an answer, and when the server received it. */
export interface AnswerFrom {
  studentId: string
  receivedAt: string
}

export interface KindModule<S extends { kind: string }, A extends { kind: S['kind'] }> {
  readonly kind: S['kind']
  readonly label: Reason
  /** The launch spec (the key included). A zod object, so that the kinds form one discriminated union. */
  readonly spec: z.ZodType<S> & { shape: { kind: z.ZodLiteral<S['kind']> } }
  /** Further checks of a spec across its fields (a key that names no option). */
  refine?(spec: S, issue: (path: string, zh: string) => void): void
  /** A student's answer: strict, so nothing beyond the kind's own fields gets in. */
  readonly answer: z.ZodType<A>
  /** The reason shown when an answer does not even have this kind's shape. */
  readonly badShape: Reason
  /**
   * Kinds answered with a picture (a photo, a 小黑板 drawing) come as an HTTP upload, never over the
   * socket: this makes the stored answer from the saved picture's id. Null: answered over the socket.
   */
  readonly upload: ((photoId: string) => A) | null
  /**
   * Buzz-in: answers are ranked by arrival, each student's first answer stands, and the first
   * `winners` win. Null for kinds where a later answer replaces an earlier one.
   */
  readonly ranking: ((spec: S) => { winners: number }) | null
  student(spec: S): StudentView
  /** Null when the answer fits the question, else why not. */
  misfit(spec: S, a: A): Reason | null
  /** True/false when the question has a key, null when nothing can be marked. */
  mark(spec: S, a: A): boolean | null
  key(spec: S): KeyView
  /**
   * The spec with the key the teacher tapped on the board's bars (option indexes; true/false: 0 = 对),
   * or null when this kind's key is not set that way (or the bars do not make one).
   */
  keyFromBars(spec: S, bars: readonly number[]): S | null
  /** Labels of the tally's bars (their number is the length of `counts`). */
  bars(spec: S): string[]
  tally(sink: TallySink, a: A, from: AnswerFrom, spec: S): void
  /** The answer as the tablet showed it: option letters, 对/错, the texts typed. */
  describe(a: A): string
  /** The key in the same letters and words; null when the question has none. */
  keyText(spec: S): string | null
  readonly platform: PlatformKind
}

export const letter = (i: number): string => String.fromCharCode(65 + i)

export function inRange(i: number, n: number): boolean {
  return i >= 0 && i < n
}

export const NO_OPTION: Reason = { zh: '没有这个选项', en: 'There is no such option' }

/** Option labels "A. 文字" of a choice question's bars. */
export const optionBars = (options: readonly string[]): string[] => options.map((o, i) => `${letter(i)}. ${o}`)

export const sortedLetters = (choices: readonly number[]): string =>
  [...new Set(choices)]
    .sort((a, b) => a - b)
    .map(letter)
    .join('')
