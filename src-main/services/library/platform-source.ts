/**
 * What the library needs from the platform to file a platform resource: a verified download and
 * the catalogue. The sync service provides both; the library never talks to the platform itself.
 */
import type { CatalogueView } from '../../../src-shared/contract/sync'
import type { CatalogueNode, Resource } from '../../../src-shared/platform/dto'
import type { ChapterPath, OpenLessonLevel } from '../../../src-shared/library'

export interface PlatformSource {
  /** The file in a download folder, its sha256 already checked against the platform's; throws otherwise. */
  downloadResource(
    resourceId: string,
    onProgress?: (done: number, total: number) => void
  ): Promise<{ resource: Resource; path: string; sha256: string }>
  catalogue(refresh: boolean): Promise<CatalogueView>
}

const LEVEL_OF: Record<CatalogueNode['level'], keyof ChapterPath> = {
  period: 'stage',
  subject: 'subject',
  edition: 'edition',
  volume: 'volume',
  // Our path has five levels and the platform's six: a 节 is filed as the chapter, as the catalogue picker does.
  chapter: 'chapter',
  section: 'chapter'
}

/** The library's 学段/学科/版本/册/章节 path of a platform catalogue node; null when the node is unknown. */
export function chapterPathOf(nodes: readonly CatalogueNode[], nodeId: string): ChapterPath | null {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  let node = byId.get(nodeId)
  if (!node) return null
  const path: ChapterPath = {}
  // Bounded by the tree's depth; a malformed cycle cannot loop forever.
  for (let depth = 0; node && depth < 10; depth++) {
    const key = LEVEL_OF[node.level]
    // The deepest node wins the chapter slot: a section over its chapter.
    if (!path[key]) path[key] = { id: node.id, name: node.name }
    node = node.parentId ? byId.get(node.parentId) : undefined
  }
  return path
}

/** 【校级公开课】… in a platform title is the resource's 公开课 level. */
export function openLessonLevelOf(title: string): OpenLessonLevel | null {
  const m = /【(校级|区县级|市级)公开课】/.exec(title)
  return m ? (m[1] as OpenLessonLevel) : null
}
