/**
 * Open Packaging Conventions (the zip layout shared by .pptx and .docx): parts, relationships and
 * relative targets. Reads through GuardedZip, so every limit applies.
 */
import { posix } from 'node:path'
import type { GuardedZip } from '../courseware/zip-guard'
import { parseXml, children, attr, type XNode } from './xml'

export interface Relationship {
  readonly id: string
  readonly type: string
  /** Absolute part name inside the package (no leading slash), or the URL for external targets. */
  readonly target: string
  readonly external: boolean
}

export class OpcPackage {
  readonly zip: GuardedZip
  readonly #xml = new Map<string, XNode>()
  readonly #rels = new Map<string, Map<string, Relationship>>()

  constructor(zip: GuardedZip) {
    this.zip = zip
  }

  has(part: string): boolean {
    return this.zip.has(part)
  }

  /** A part parsed as XML (cached). Throws AppError from the zip guard if missing or unsafe. */
  xml(part: string): XNode {
    let n = this.#xml.get(part)
    if (!n) {
      n = parseXml(this.zip.text(part))
      this.#xml.set(part, n)
    }
    return n
  }

  /** The relationships of a part, by id. A missing .rels part means none. */
  rels(part: string): Map<string, Relationship> {
    let m = this.#rels.get(part)
    if (m) return m
    m = new Map()
    const dir = posix.dirname(part)
    const relsPart = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`)
    if (this.zip.has(relsPart)) {
      for (const r of children(this.xml(relsPart), 'Relationship')) {
        const id = attr(r, 'Id')
        const target = attr(r, 'Target')
        if (!id || target === undefined) continue
        const external = attr(r, 'TargetMode') === 'External'
        m.set(id, { id, type: attr(r, 'Type') ?? '', target: external ? target : resolvePart(dir, target), external })
      }
    }
    this.#rels.set(part, m)
    return m
  }

  /** The first relationship of a type (matched by its last path segment, e.g. "slideLayout"). */
  relOfType(part: string, type: string): Relationship | undefined {
    for (const r of this.rels(part).values()) if (r.type.endsWith(`/${type}`)) return r
    return undefined
  }
}

/** Resolve a relationship target against the source part's folder; absolute targets start at the root. */
export function resolvePart(fromDir: string, target: string): string {
  const t = decodeURIComponent(target.split('#')[0] ?? '')
  const joined = t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(fromDir === '.' ? '' : fromDir, t))
  return joined.replace(/^(\.\.\/)+/, '')
}
