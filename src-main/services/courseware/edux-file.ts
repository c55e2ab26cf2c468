/**
 * The .edux container: a zip with manifest.json, deck.json and media/<sha256>.<ext>.
 * JSON is deflated; media (already compressed images, audio, video) is stored as is.
 * See docs/edux-format.md.
 */
import { createHash } from 'node:crypto'
import { zipSync, type Zippable } from 'fflate'
import { AppError } from '../../../src-shared/errors'
import {
  Deck as DeckSchema,
  EDUX_FORMAT_VERSION,
  deckMedia,
  mediaPath,
  parseEdux,
  type Deck,
  type Manifest,
  type MediaRef,
  type ParsedEdux
} from '../../../src-shared/courseware'
import { GuardedZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard'

export interface EduxContent {
  manifest: Manifest
  deck: Deck
  /** Media bytes keyed by their zip path `media/<hash>.<ext>`. */
  media: Map<string, Uint8Array>
}

/** An .edux holds JSON and media only: no archive inside is ever opaque. */
export const EDUX_LIMITS: ZipLimits = DEFAULT_ZIP_LIMITS

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The zip bytes of an .edux. Every media file the deck refers to must be in `media`. */
export function encodeEdux(content: EduxContent): Uint8Array {
  const files: Zippable = {
    'manifest.json': [new TextEncoder().encode(JSON.stringify(content.manifest, null, 2)), { level: 6 }],
    'deck.json': [new TextEncoder().encode(JSON.stringify(content.deck)), { level: 6 }]
  }
  for (const [path] of deckMedia(content.deck)) {
    const bytes = content.media.get(path)
    if (!bytes) {
      throw new AppError(
        'NOT_FOUND',
        `保存失败：课件引用的媒体文件 ${path} 不存在。`,
        `Cannot save: media ${path} used by the deck is missing.`,
        { path }
      )
    }
    files[path] = [bytes, { level: 0 }]
  }
  return zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') })
}

/**
 * Read and validate an .edux's bytes. `file` names it in every error. `migrated` says whether
 * migrating an older file changed its deck (then the next save writes something new).
 */
export function decodeEdux(
  file: string,
  bytes: Uint8Array,
  opts: { verifyMedia?: boolean } = {}
): EduxContent & { fromVersion: number; migrated: boolean } {
  const zip = GuardedZip.open(file, bytes, EDUX_LIMITS)
  for (const required of ['manifest.json', 'deck.json']) {
    if (!zip.has(required)) {
      throw new AppError(
        'FILE_INVALID',
        `无法打开“${file}”：缺少 ${required}，它不是 ClassDeck 课件（.edux）。`,
        `Cannot open "${file}": ${required} is missing; it is not a ClassDeck .edux file.`,
        { file, missing: required }
      )
    }
  }
  const parseJson = (name: string): unknown => {
    try {
      return JSON.parse(zip.text(name))
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError(
        'FILE_INVALID',
        `无法打开“${file}”：${name} 不是有效的 JSON，文件可能已损坏。`,
        `Cannot open "${file}": ${name} is not valid JSON; the file may be damaged.`,
        { file, part: name }
      )
    }
  }
  const manifestJson = parseJson('manifest.json')
  const deckJson = parseJson('deck.json')
  const older = isOlder(manifestJson)
  // Migrations work on the raw JSON in place; keep the file's own deck to tell whether they changed it.
  const before = older ? structuredClone(deckJson) : null
  const parsed: ParsedEdux = parseEdux(manifestJson, deckJson, file)
  const migrated = older && !sameDeck(before, parsed.deck)
  const refs = deckMedia(parsed.deck)
  const media = zip.readMany([...refs.keys()])
  for (const [path, ref] of refs) {
    const b = media.get(path)
    if (!b) {
      throw new AppError(
        'FILE_INVALID',
        `无法打开“${file}”：缺少媒体文件 ${path}。`,
        `Cannot open "${file}": media file ${path} is missing.`,
        { file, missing: path }
      )
    }
    if (opts.verifyMedia !== false && sha256Hex(b) !== ref.hash) {
      throw new AppError(
        'FILE_INVALID',
        `无法打开“${file}”：媒体文件 ${path} 内容与其校验值不符，文件已损坏。`,
        `Cannot open "${file}": media ${path} does not match its hash; the file is damaged.`,
        { file, entry: path }
      )
    }
  }
  return { manifest: parsed.manifest, deck: parsed.deck, media, fromVersion: parsed.fromVersion, migrated }
}

function isOlder(manifest: unknown): boolean {
  const v = typeof manifest === 'object' && manifest ? (manifest as { formatVersion?: unknown }).formatVersion : null
  return typeof v === 'number' && v < EDUX_FORMAT_VERSION
}

/**
 * Whether the file's own deck, read as today's format, is what the migrations made of it: a format-2
 * deck without build steps reads as one with none, and saving it again would change nothing but the
 * version number, so it is not an unsaved change.
 */
function sameDeck(raw: unknown, migrated: Deck): boolean {
  const asIs = DeckSchema.safeParse(raw)
  return asIs.success && JSON.stringify(asIs.data) === JSON.stringify(migrated)
}

/** The reference for some bytes, stored by content. */
export function mediaRefFor(bytes: Uint8Array, ext: MediaRef['ext']): MediaRef {
  return { hash: sha256Hex(bytes), ext }
}

export { mediaPath }
