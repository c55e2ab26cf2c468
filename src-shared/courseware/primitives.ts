/**
 * Small building blocks of the deck model: ids, colours, media references and the
 * fixed slide coordinate space every position is measured in.
 */
import { z } from 'zod'

export const Id = z.string().min(1).max(64)
export type Id = z.infer<typeof Id>

/** A new random id (Web Crypto exists in Node 20, Electron and every browser we support). */
export function createId(): Id {
  return globalThis.crypto.randomUUID()
}

/** `#RRGGBB` or `#RRGGBBAA`, upper or lower case. */
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'colour must be #RRGGBB or #RRGGBBAA')
export type Color = z.infer<typeof Color>

export const Aspect = z.enum(['16:9', '4:3'])
export type Aspect = z.infer<typeof Aspect>

/**
 * Every position and size on a slide is in this fixed space, whatever the window size:
 * 16:9 is 1280×720, 4:3 is 960×720. Renderers scale; files never store pixels of a screen.
 */
export const SLIDE_SIZE: Readonly<Record<Aspect, { readonly width: number; readonly height: number }>> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 }
}

/** File extensions media may have inside an .edux (`media/<sha256>.<ext>`), with their MIME types. */
export const MEDIA_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  emf: 'image/emf',
  wmf: 'image/wmf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  bin: 'application/octet-stream'
} as const
export const MediaExt = z.enum(Object.keys(MEDIA_TYPES) as [keyof typeof MEDIA_TYPES, ...(keyof typeof MEDIA_TYPES)[]])
export type MediaExt = z.infer<typeof MediaExt>

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256')

/** Media is stored once per content: `media/<hash>.<ext>` in the .edux zip. */
export const MediaRef = z.object({ hash: Sha256, ext: MediaExt }).strict()
export type MediaRef = z.infer<typeof MediaRef>

export function mediaPath(ref: MediaRef): string {
  return `media/${ref.hash}.${ref.ext}`
}

export function mediaMime(ref: MediaRef): string {
  return MEDIA_TYPES[ref.ext]
}

/** The extension for a MIME type or file name, `bin` when we do not know it. */
export function mediaExtFor(mimeOrName: string): MediaExt {
  const s = mimeOrName.toLowerCase()
  for (const [ext, mime] of Object.entries(MEDIA_TYPES) as [MediaExt, string][]) {
    if (s === mime) return ext
  }
  const m = /\.([a-z0-9]+)$/.exec(s)?.[1]
  const alias: Record<string, MediaExt> = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif', svgz: 'svg', mpeg: 'mp3', m4v: 'mp4' }
  if (m && m in MEDIA_TYPES) return m as MediaExt
  if (m && m in alias) return alias[m]!
  if (s === 'image/jpg') return 'jpg'
  if (s === 'image/x-emf') return 'emf'
  if (s === 'image/x-wmf') return 'wmf'
  return 'bin'
}
