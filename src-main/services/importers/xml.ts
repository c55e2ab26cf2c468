/** A small ordered view over fast-xml-parser's output: OOXML needs document order (paint order, runs). */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export interface XNode {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: readonly XNode[]
  /** Concatenated direct text content. */
  readonly text: string
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true
})

type Raw = Record<string, unknown>

function convert(raw: Raw): XNode | null {
  const name = Object.keys(raw).find((k) => k !== ':@')
  if (!name || name === '#text') return null
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {}
  const kids = (raw[name] as Raw[] | undefined) ?? []
  const children: XNode[] = []
  let text = ''
  for (const k of kids) {
    if ('#text' in k) text += String(k['#text'])
    else {
      const c = convert(k)
      if (c) children.push(c)
    }
  }
  return { name, attrs, children, text }
}

/** The document element of some XML. Throws on malformed XML (the parser alone is lenient). */
export function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`)
  const nodes = parser.parse(xml) as Raw[]
  for (const n of nodes) {
    const c = convert(n)
    if (c) return c
  }
  throw new Error('empty XML document')
}

export function child(n: XNode | undefined, name: string): XNode | undefined {
  return n?.children.find((c) => c.name === name)
}

export function children(n: XNode | undefined, name: string): XNode[] {
  return n ? n.children.filter((c) => c.name === name) : []
}

/** Follow a path of element names: path(sp, 'p:spPr', 'a:xfrm', 'a:off'). */
export function path(n: XNode | undefined, ...names: string[]): XNode | undefined {
  let cur = n
  for (const name of names) cur = child(cur, name)
  return cur
}

export function attr(n: XNode | undefined, name: string): string | undefined {
  return n?.attrs[name]
}

export function numAttr(n: XNode | undefined, name: string): number | undefined {
  const v = n?.attrs[name]
  if (v === undefined) return undefined
  const x = Number(v)
  return Number.isFinite(x) ? x : undefined
}

/** OOXML booleans: "1", "true", "on". */
export function boolAttr(n: XNode | undefined, name: string): boolean | undefined {
  const v = n?.attrs[name]
  if (v === undefined) return undefined
  return v === '1' || v === 'true' || v === 'on'
}

/** Every descendant with this name (depth first, document order). */
export function descendants(n: XNode | undefined, name: string, out: XNode[] = []): XNode[] {
  if (!n) return out
  for (const c of n.children) {
    if (c.name === name) out.push(c)
    descendants(c, name, out)
  }
  return out
}
