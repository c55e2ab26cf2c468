import type { InjectionKey } from 'vue'
import type { MediaRef } from '../../src-shared/courseware/primitives'

/** Turns a media reference into a URL the page can load; each view (editor, presenter, thumbnails) provides one. */
export type MediaResolver = (ref: MediaRef) => string
export const MEDIA_RESOLVER: InjectionKey<MediaResolver> = Symbol('mediaResolver')
