/**
 * What a PowerPoint file says it has, read straight from its XML (not through our importer), so
 * the fidelity benchmark can hold the import to it: per slide in presentation order, whether it is
 * hidden, how many clicks its main animation sequence needs, and how many chart frames it holds.
 */
import { strFromU8, unzipSync } from 'fflate'

export interface SlideFacts {
  hidden: boolean
  /** Effects of the main sequence that start on a click (trigger sequences are not counted). */
  clicks: number
  /** Graphic frames holding a `c:chart` (classic charts). */
  charts: number
  /** Graphic frames holding a `cx:chart` (Office 2016 chartex: waterfall, sunburst…). */
  chartex: number
}

const REL_NS =
  /^(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument)\/relationships\/slide$/
const CHART_URIS = [
  'http://schemas.openxmlformats.org/drawingml/2006/chart',
  'http://purl.oclc.org/ooxml/drawingml/chart'
]
const CHARTEX_URI = 'http://schemas.microsoft.com/office/drawing/2014/chartex'

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(tag)?.[1]
}

function count(xml: string, needle: string): number {
  return xml.split(needle).length - 1
}

/** Counts `nodeType="clickEffect"` time nodes inside the main sequence's time node. */
export function mainSequenceClicks(slideXml: string): number {
  const timing = /<(?:[\w.-]+:)?timing[\s>][\s\S]*?<\/(?:[\w.-]+:)?timing>/.exec(slideXml)?.[0]
  if (!timing) return 0
  const tagRe = /<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>/g
  let depth = 0
  let mainAt = -1
  let clicks = 0
  for (let m = tagRe.exec(timing); m; m = tagRe.exec(timing)) {
    const [, close, name, rest, selfClose] = m
    if (close) {
      depth--
      if (name === 'cTn' && depth === mainAt) mainAt = -1
      continue
    }
    if (name === 'cTn') {
      const type = attr(rest!, 'nodeType')
      if (type === 'mainSeq' && mainAt < 0 && !selfClose) mainAt = depth
      else if (type === 'clickEffect' && mainAt >= 0) clicks++
    }
    if (!selfClose) depth++
  }
  return clicks
}

/** The facts of every slide of a .pptx/.pptm, in the order p:sldIdLst gives. */
export function deckFacts(bytes: Uint8Array): SlideFacts[] {
  const zip = unzipSync(bytes, {
    filter: (f) => f.name.startsWith('ppt/') && (f.name.endsWith('.xml') || f.name.endsWith('.rels'))
  })
  const text = (name: string) => (zip[name] ? strFromU8(zip[name]) : '')
  const pres = text('ppt/presentation.xml')
  const rels = new Map<string, string>()
  for (const m of text('ppt/_rels/presentation.xml.rels').matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id')
    const target = attr(m[0], 'Target')
    if (id && target && REL_NS.test(attr(m[0], 'Type') ?? '')) rels.set(id, target)
  }
  const list = /<(?:[\w.-]+:)?sldIdLst[\s>][\s\S]*?<\/(?:[\w.-]+:)?sldIdLst>/.exec(pres)?.[0] ?? ''
  const out: SlideFacts[] = []
  for (const m of list.matchAll(/<(?:[\w.-]+:)?sldId\s[^>]*>/g)) {
    const target = rels.get(/\s[\w.-]+:id="([^"]*)"/.exec(m[0])?.[1] ?? '')
    if (!target) continue
    const path = target.startsWith('/') ? target.slice(1) : `ppt/${target.replace(/^\.\//, '')}`
    const xml = text(path)
    if (!xml) continue
    const root = /<(?:[\w.-]+:)?sld[\s>][^>]*>?/.exec(xml)?.[0] ?? ''
    out.push({
      hidden: attr(root, 'show') === '0' || attr(root, 'show') === 'false',
      clicks: mainSequenceClicks(xml),
      charts: CHART_URIS.reduce((n, u) => n + count(xml, `uri="${u}"`), 0),
      chartex: count(xml, `uri="${CHARTEX_URI}"`)
    })
  }
  return out
}
