/**
 * .edux format versions. A file carries `manifest.formatVersion`; opening one:
 *   older  → each numbered migration in EDUX_MIGRATIONS runs in order on the raw JSON, then zod validates;
 *   same   → zod validates;
 *   newer  → refused with FILE_TOO_NEW, and the file is never written over.
 * Append a migration (version N+1) whenever the shape changes; never edit a shipped one.
 */
import { AppError, validationError } from '../errors'
import { Deck } from './deck'
import { Manifest } from './manifest'
import { OLD_KIND_SPELLINGS } from './question'

export const EDUX_FORMAT_VERSION = 3

/** The raw, unvalidated JSON of one file: what migrations work on. */
export interface RawEdux {
  manifest: Record<string, unknown>
  deck: Record<string, unknown>
}

export interface EduxMigration {
  /** The version this migration produces (it runs on files of version - 1). */
  readonly version: number
  readonly description: string
  up(doc: RawEdux): RawEdux
}

/** Shipped migrations, in order (version 1 is the first format). */
export const EDUX_MIGRATIONS: readonly EduxMigration[] = [
  {
    version: 2,
    description: 'question kinds spelt as the classroom spells them: true-false → truefalse, fill-in → fillin',
    up(doc) {
      const slides = doc.deck['slides']
      for (const slide of Array.isArray(slides) ? slides : []) {
        const elements = isRecord(slide) ? slide['elements'] : undefined
        for (const e of Array.isArray(elements) ? elements : []) {
          const q = isRecord(e) && e['type'] === 'question' ? e['question'] : undefined
          const kind = isRecord(q) ? q['kind'] : undefined
          if (isRecord(q) && typeof kind === 'string' && Object.hasOwn(OLD_KIND_SPELLINGS, kind))
            q['kind'] = OLD_KIND_SPELLINGS[kind]
        }
      }
      return doc
    }
  },
  {
    version: 3,
    description:
      'slides carry build steps (animations) and richer elements; every new field is optional, so older files need no change',
    up: (doc) => doc
  }
]

export interface ParsedEdux {
  manifest: Manifest
  deck: Deck
  /** The version the file was written in (lower than current if it was migrated). */
  fromVersion: number
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Validate (and migrate if older) the JSON of a file's manifest and deck. `file` names it in errors. */
export function parseEdux(
  manifestJson: unknown,
  deckJson: unknown,
  file: string,
  migrations: readonly EduxMigration[] = EDUX_MIGRATIONS,
  currentVersion: number = EDUX_FORMAT_VERSION
): ParsedEdux {
  if (!isRecord(manifestJson) || !isRecord(deckJson)) {
    throw new AppError(
      'FILE_INVALID',
      `无法打开“${file}”：manifest.json 或 deck.json 不是对象。文件可能已损坏。`,
      `Cannot open "${file}": manifest.json or deck.json is not an object. The file may be damaged.`,
      { file }
    )
  }
  const v = manifestJson['formatVersion']
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new AppError(
      'FILE_INVALID',
      `无法打开“${file}”：缺少有效的格式版本号。`,
      `Cannot open "${file}": it has no valid format version.`,
      { file, formatVersion: v }
    )
  }
  if (v > currentVersion) {
    throw new AppError(
      'FILE_TOO_NEW',
      `“${file}”由更新版本的 ClassDeck 保存（格式版本 ${v}，本程序支持到 ${currentVersion}）。请升级 ClassDeck 后再打开；文件未被修改。`,
      `"${file}" was saved by a newer ClassDeck (format ${v}; this version reads up to ${currentVersion}). Update ClassDeck to open it; the file was not changed.`,
      { file, formatVersion: v, supported: currentVersion }
    )
  }
  let doc: RawEdux = { manifest: manifestJson, deck: deckJson }
  for (const m of migrations) {
    if (m.version > v && m.version <= currentVersion) {
      doc = m.up(doc)
      doc.manifest['formatVersion'] = m.version
    }
  }
  const manifest = Manifest.safeParse(doc.manifest)
  if (!manifest.success) throw asFileError(file, 'manifest.json', validationError(file, manifest.error.issues))
  const deck = Deck.safeParse(doc.deck)
  if (!deck.success) throw asFileError(file, 'deck.json', validationError(file, deck.error.issues))
  return { manifest: manifest.data, deck: deck.data, fromVersion: v }
}

function asFileError(file: string, part: string, e: AppError): AppError {
  return new AppError(
    'FILE_INVALID',
    `无法打开“${file}”：${part} 内容不符合 .edux 格式（${e.messageEn.replace(/^Invalid input \([^)]*\): /, '')}）。文件可能已损坏或由其他程序写错。`,
    `Cannot open "${file}": ${part} does not match the .edux format (${e.messageEn.replace(/^Invalid input \([^)]*\): /, '')}). The file may be damaged or written incorrectly by another program.`,
    { file, part, ...(e.details as object) }
  )
}
