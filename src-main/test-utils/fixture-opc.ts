/**
 * A small writer of PresentationML packages by hand, for what pptxgenjs cannot write: groups with a
 * child space, placeholders that inherit from layouts and masters, notes, OLE objects, linked media,
 * strict OOXML namespaces, macros. The parts are the ones PowerPoint writes, trimmed to what a reader
 * needs; shapes are passed as XML so a test shows exactly what the importer is given.
 */
import { zipSync, strToU8 } from 'fflate'

const NS = {
  transitional: {
    p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
    a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
  },
  strict: {
    p: 'http://purl.oclc.org/ooxml/presentationml/main',
    a: 'http://purl.oclc.org/ooxml/drawingml/main',
    r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships/'
  }
} as const
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

export interface HandRel {
  id: string
  /** A short type ("image", "chart") under the officeDocument relationships, or a full URI. */
  type: string
  /** Relative to the source part, as in a .rels file. */
  target: string
  external?: boolean
}

export interface HandLayer {
  /** Children of p:spTree after its group properties. */
  shapes?: string
  /** Inner XML of p:bg. */
  bg?: string
  rels?: HandRel[]
  showMasterSp?: false
}

export interface HandSlide extends HandLayer {
  /** Index into HandDeck.layouts (default 0). */
  layout?: number
  notes?: string
  hidden?: boolean
  /** true: an empty tmRoot (PowerPoint's "no animations"); a string: the slide's p:timing as written. */
  timing?: boolean | string
}

export interface HandDeck {
  slides: HandSlide[]
  /** Default: one layout with nothing on it. */
  layouts?: HandLayer[]
  master?: HandLayer & { txStyles?: string }
  /** EMU; default 16:9 (12192000 × 6858000). */
  size?: { cx: number; cy: number }
  strict?: boolean
  macro?: boolean
  /** Parts outside the slides' XML (media, embeddings), by part name. */
  parts?: Record<string, Uint8Array | string>
  /** Extra p:sldId entries whose relationship points at a part that is not in the package. */
  danglingSlides?: number
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** One paragraph of runs: `para('a', ['b', '<a:rPr b="1"/>'])`. */
export function para(...runs: (string | [string, string])[]): string {
  const r = runs.map((x) => (typeof x === 'string' ? [x, ''] : x))
  return `<a:p>${r.map(([t, rPr]) => `<a:r>${rPr || '<a:rPr lang="zh-CN"/>'}<a:t>${esc(t)}</a:t></a:r>`).join('')}</a:p>`
}

export function xfrm(x: number, y: number, w: number, h: number, extra = ''): string {
  return `<a:xfrm${extra}><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm>`
}

let shapeId = 100
/** A p:sp. `at` is [x, y, w, h] in EMU; without it the shape takes its place from its placeholder. */
export function sp(o: {
  name?: string
  at?: [number, number, number, number]
  prst?: string
  fill?: string
  ph?: { type?: string; idx?: number }
  paras?: string[]
  spPrExtra?: string
  bodyPr?: string
}): string {
  const id = ++shapeId
  const ph = o.ph
    ? `<p:ph${o.ph.type ? ` type="${o.ph.type}"` : ''}${o.ph.idx !== undefined ? ` idx="${o.ph.idx}"` : ''}/>`
    : ''
  const geom = o.prst ? `<a:prstGeom prst="${o.prst}"><a:avLst/></a:prstGeom>` : ''
  const fill = o.fill ? `<a:solidFill><a:srgbClr val="${o.fill}"/></a:solidFill>` : ''
  const body = o.paras ? `<p:txBody>${o.bodyPr ?? '<a:bodyPr/>'}<a:lstStyle/>${o.paras.join('')}</p:txBody>` : ''
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${esc(o.name ?? `Shape ${id}`)}"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${o.at ? xfrm(...o.at) : ''}${geom}${fill}${o.spPrExtra ?? ''}</p:spPr>${body}</p:sp>`
  )
}

/** A p:pic of an embedded (r:embed) picture, optionally cropped by a:srcRect in 1/1000 %. */
export function pic(o: {
  name: string
  rId: string
  at: [number, number, number, number]
  crop?: { l?: number; t?: number; r?: number; b?: number }
  descr?: string
  nvPrExtra?: string
}): string {
  const id = ++shapeId
  const crop = o.crop
    ? `<a:srcRect${Object.entries(o.crop)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('')}/>`
    : ''
  return (
    `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="${esc(o.name)}"${o.descr ? ` descr="${esc(o.descr)}"` : ''}/>` +
    `<p:cNvPicPr/><p:nvPr>${o.nvPrExtra ?? ''}</p:nvPr></p:nvPicPr>` +
    `<p:blipFill><a:blip r:embed="${o.rId}"/>${crop}<a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr>${xfrm(...o.at)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
  )
}

function tree(layer: HandLayer): string {
  return (
    `<p:cSld>${layer.bg ? `<p:bg>${layer.bg}</p:bg>` : ''}<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
    `<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>` +
    `${layer.shapes ?? ''}</p:spTree></p:cSld>`
  )
}

const THEME_COLORS = `<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1>
<a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>
<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink>
<a:folHlink><a:srgbClr val="800080"/></a:folHlink>`

/** The package's bytes. */
export function handDeck(d: HandDeck): Uint8Array {
  const ns = d.strict ? NS.strict : NS.transitional
  const xmlns = `xmlns:a="${ns.a}" xmlns:r="${ns.r}" xmlns:p="${ns.p}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"`
  const type = (t: string) => (t.includes('://') ? t : `${ns.rel}${t}`)
  const rels = (list: HandRel[]) =>
    `${DECL}<Relationships xmlns="${PKG_RELS}">${list
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${type(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`
      )
      .join('')}</Relationships>`
  const files: Record<string, Uint8Array> = {}
  const put = (name: string, v: string | Uint8Array) => (files[name] = typeof v === 'string' ? strToU8(v) : v)
  const overrides: [string, string][] = []
  const ct = 'application/vnd.openxmlformats-officedocument.presentationml'

  const layouts = d.layouts ?? [{}]
  const master = d.master ?? {}
  const size = d.size ?? { cx: 12192000, cy: 6858000 }

  put('_rels/.rels', rels([{ id: 'rId1', type: 'officeDocument', target: 'ppt/presentation.xml' }]))
  const slideRels = d.slides.map((_, i) => ({ id: `rId${10 + i}`, type: 'slide', target: `slides/slide${i + 1}.xml` }))
  const dangling = Array.from({ length: d.danglingSlides ?? 0 }, (_, i) => ({
    id: `rId${900 + i}`,
    type: 'slide',
    target: `slides/missing${i + 1}.xml`
  }))
  put(
    'ppt/_rels/presentation.xml.rels',
    rels([
      { id: 'rId1', type: 'slideMaster', target: 'slideMasters/slideMaster1.xml' },
      { id: 'rId2', type: 'theme', target: 'theme/theme1.xml' },
      ...slideRels,
      ...dangling
    ])
  )
  put(
    'ppt/presentation.xml',
    `${DECL}<p:presentation ${xmlns}${d.strict ? ' conformance="strict"' : ''}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:sldIdLst>${[...slideRels, ...dangling].map((r, i) => `<p:sldId id="${256 + i}" r:id="${r.id}"/>`).join('')}</p:sldIdLst>` +
      `<p:sldSz cx="${size.cx}" cy="${size.cy}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`
  )
  overrides.push([
    '/ppt/presentation.xml',
    d.macro ? 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml' : `${ct}.presentation.main+xml`
  ])
  if (d.macro) {
    // What PowerPoint stores for a .pptm: an OLE2 compound file with the VBA project in it.
    put('ppt/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    const presRels = new TextDecoder().decode(files['ppt/_rels/presentation.xml.rels'])
    put(
      'ppt/_rels/presentation.xml.rels',
      presRels.replace(
        '</Relationships>',
        `<Relationship Id="rId800" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`
      )
    )
    overrides.push(['/ppt/vbaProject.bin', 'application/vnd.ms-office.vbaProject'])
  }

  put(
    'ppt/theme/theme1.xml',
    `${DECL}<a:theme xmlns:a="${ns.a}" name="Office"><a:themeElements><a:clrScheme name="Office">${THEME_COLORS}</a:clrScheme>` +
      `<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
      `<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
      `<a:fmtScheme name="Office"><a:fillStyleLst/><a:lnStyleLst/><a:effectStyleLst/><a:bgFillStyleLst/></a:fmtScheme></a:themeElements></a:theme>`
  )
  overrides.push(['/ppt/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml'])

  put(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    rels([
      ...layouts.map((_, i) => ({
        id: `rId${i + 1}`,
        type: 'slideLayout',
        target: `../slideLayouts/slideLayout${i + 1}.xml`
      })),
      { id: 'rId99', type: 'theme', target: '../theme/theme1.xml' },
      ...(master.rels ?? [])
    ])
  )
  put(
    'ppt/slideMasters/slideMaster1.xml',
    `${DECL}<p:sldMaster ${xmlns}>${tree(master)}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>` +
      `<p:sldLayoutIdLst>${layouts.map((_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('')}</p:sldLayoutIdLst>` +
      `${master.txStyles ? `<p:txStyles>${master.txStyles}</p:txStyles>` : ''}</p:sldMaster>`
  )
  overrides.push(['/ppt/slideMasters/slideMaster1.xml', `${ct}.slideMaster+xml`])

  layouts.forEach((l, i) => {
    put(
      `ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`,
      rels([{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }, ...(l.rels ?? [])])
    )
    put(
      `ppt/slideLayouts/slideLayout${i + 1}.xml`,
      `${DECL}<p:sldLayout ${xmlns}${l.showMasterSp === false ? ' showMasterSp="0"' : ''}>${tree(l)}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
    )
    overrides.push([`/ppt/slideLayouts/slideLayout${i + 1}.xml`, `${ct}.slideLayout+xml`])
  })

  d.slides.forEach((s, i) => {
    const n = i + 1
    const own: HandRel[] = [
      { id: 'rIdL', type: 'slideLayout', target: `../slideLayouts/slideLayout${(s.layout ?? 0) + 1}.xml` },
      ...(s.rels ?? [])
    ]
    if (s.notes !== undefined) {
      own.push({ id: 'rIdN', type: 'notesSlide', target: `../notesSlides/notesSlide${n}.xml` })
      put(
        `ppt/notesSlides/_rels/notesSlide${n}.xml.rels`,
        rels([{ id: 'rId1', type: 'slide', target: `../slides/slide${n}.xml` }])
      )
      put(
        `ppt/notesSlides/notesSlide${n}.xml`,
        `${DECL}<p:notes ${xmlns}>${tree({
          shapes:
            sp({ name: 'Slide Image', ph: { type: 'sldImg' }, at: [1143000, 685800, 4572000, 3429000] }) +
            sp({ name: 'Notes', ph: { type: 'body', idx: 1 }, paras: s.notes.split('\n').map((l) => para(l)) })
        })}</p:notes>`
      )
      overrides.push([`/ppt/notesSlides/notesSlide${n}.xml`, `${ct}.notesSlide+xml`])
    }
    put(`ppt/slides/_rels/slide${n}.xml.rels`, rels(own))
    const attrs = `${s.hidden ? ' show="0"' : ''}${s.showMasterSp === false ? ' showMasterSp="0"' : ''}`
    const timing =
      typeof s.timing === 'string'
        ? s.timing
        : s.timing
          ? '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"/></p:par></p:tnLst></p:timing>'
          : ''
    put(
      `ppt/slides/slide${n}.xml`,
      `${DECL}<p:sld ${xmlns}${attrs}>${tree(s)}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>${timing}</p:sld>`
    )
    overrides.push([`/ppt/slides/slide${n}.xml`, `${ct}.slide+xml`])
  })

  for (const [name, v] of Object.entries(d.parts ?? {})) put(name, v)
  put(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="png" ContentType="image/png"/><Default Extension="emf" ContentType="image/x-emf"/>` +
      `<Default Extension="mp4" ContentType="video/mp4"/><Default Extension="mp3" ContentType="audio/mpeg"/>` +
      `<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>` +
      overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      `</Types>`
  )
  // Info-ZIP and Office add an extended-timestamp extra field (0x5455) to every entry; the zip guard walks them.
  const stamp = new Uint8Array([1, 0x00, 0x5e, 0x3f, 0x67])
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { extra: { 0x5455: stamp } }]])),
    { level: 6 }
  )
}
