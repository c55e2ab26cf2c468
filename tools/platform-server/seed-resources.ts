/**
 * The platform's shared resources on a fresh server, so that search, download and collect have
 * something real to find: lesson plans, an exercise sheet, a test paper and a picture on the
 * 人教版 三年级上册 chapters, and one each for 语文 and 英语. The files are generated when the
 * server seeds (Word files zipped by fflate, a PNG deflated by node:zlib); no binary lives in
 * the repository.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { Database } from 'better-sqlite3'
import { strToU8, zipSync } from 'fflate'

export interface SeedResource {
  readonly id: string
  readonly title: string
  readonly type: '教案' | '课件' | '微课' | '素材' | '试卷' | '习题'
  readonly chapterId: string
  readonly fileName: string
  readonly ownerId: string
  readonly original: boolean
  readonly content: () => Buffer
}

const md = (text: string) => () => Buffer.from(text, 'utf8')

export const seedResources: readonly SeedResource[] = [
  {
    id: 'res-seed-0001',
    title: '【原创】秒的认识 教学设计',
    type: '教案',
    chapterId: 'xx-sx-rj-3a-c1-s1',
    fileName: '秒的认识-教学设计.md',
    ownerId: 't-1001',
    original: true,
    content: md(
      '# 秒的认识 教学设计\n\n教学目标：认识时间单位“秒”，知道 1 分 = 60 秒；体验 1 秒、10 秒、1 分的长短。\n\n' +
        '教学过程：\n1. 新年倒计时导入\n2. 在钟面上认识秒针\n3. 活动：1 分钟能做什么\n4. 练习与小结\n'
    )
  },
  {
    id: 'res-seed-0002',
    title: '【原创】时间的计算 教学设计',
    type: '教案',
    chapterId: 'xx-sx-rj-3a-c1-s2',
    fileName: '时间的计算-教学设计.docx',
    ownerId: 't-1001',
    original: true,
    content: () =>
      docx([
        '时间的计算 教学设计',
        '教学目标：会计算经过的时间，能根据开始时刻和经过时间推算结束时刻。',
        '情境导入：小明 8:30 从家出发，8:55 到达学校，路上用了多长时间？',
        '方法：画线段图，或用结束时刻减去开始时刻；分不够减时向时借 1 时，也就是 60 分。',
        '练习：动画片从 7:20 开始，播放 35 分钟，几时几分结束？'
      ])
  },
  {
    id: 'res-seed-0003',
    title: '毫米、分米的认识 课堂练习',
    type: '习题',
    chapterId: 'xx-sx-rj-3a-c3-s1',
    fileName: '毫米分米的认识-课堂练习.docx',
    ownerId: 't-1001',
    original: false,
    content: () =>
      docx([
        '毫米、分米的认识 课堂练习',
        '1. 一枚一元硬币大约厚 2（  ）。',
        '2. 用刻度尺量一量：这支铅笔长（  ）厘米（  ）毫米。',
        '3. 1 分米 =（  ）厘米，1 厘米 =（  ）毫米。',
        '4. 在括号里填上合适的单位：课桌高约 7（  ），数学书厚约 6（  ）。'
      ])
  },
  {
    id: 'res-seed-0004',
    title: '吨的认识 情境图',
    type: '素材',
    chapterId: 'xx-sx-rj-3a-c3-s3',
    fileName: '吨的认识-情境图.png',
    ownerId: 't-1001',
    original: false,
    content: () => truckPng()
  },
  {
    id: 'res-seed-0005',
    title: '【校级公开课】第三单元 测量 单元测试卷',
    type: '试卷',
    chapterId: 'xx-sx-rj-3a-c3',
    fileName: '测量-单元测试卷.docx',
    ownerId: 't-1001',
    original: false,
    content: () =>
      docx([
        '第三单元 测量 单元测试卷（满分 100 分，时间 40 分钟）',
        '一、填空（每空 2 分）：3 千米 =（  ）米；5000 千克 =（  ）吨。',
        '二、选择：一头大象约重 5（  ）。A. 千克  B. 吨  C. 克',
        '三、解决问题：一辆卡车限载 4 吨，要运 15 吨大米，至少要运几次？'
      ])
  },
  {
    id: 'res-seed-0006',
    title: '【原创】花的学校 教学设计',
    type: '教案',
    chapterId: 'xx-yw-tb-3a-c1-s2',
    fileName: '花的学校-教学设计.docx',
    ownerId: 't-1002',
    original: true,
    content: () =>
      docx([
        '《花的学校》教学设计',
        '教学目标：认识“荒、笛”等生字，有感情地朗读课文，体会泰戈尔笔下花孩子的快乐。',
        '教学重点：读出花孩子放假时的欢快，找出课文中有新鲜感的句子。'
      ])
  },
  {
    id: 'res-seed-0007',
    title: 'Unit 1 Hello! Part A 教案',
    type: '教案',
    chapterId: 'xx-yy-pep-3a-c1-s1',
    fileName: 'Unit1-Hello-PartA.docx',
    ownerId: 't-1003',
    original: false,
    content: () =>
      docx([
        'Unit 1 Hello! Part A Let’s talk',
        'Aims: greet others with “Hello! I’m …” and say goodbye; learn the crayon words.',
        'Warm-up: sing the Hello song together, then role-play with the puppets.'
      ])
  }
]

/** Writes each seed's file and row if it is not there yet (a server restarted on old data gets new seeds). */
export function seedPlatformResources(db: Database, resourceDir: string, now: number): void {
  mkdirSync(resourceDir, { recursive: true })
  const insert = db.prepare(
    'INSERT OR IGNORE INTO resources(id, title, type, chapter_id, file_name, size, sha256, original, public, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)'
  )
  const has = db.prepare('SELECT 1 FROM resources WHERE id = ?')
  const at = new Date(now).toISOString()
  for (const r of seedResources) {
    if (has.get(r.id)) continue
    const body = r.content()
    const file = join(resourceDir, `${r.id}.bin`)
    if (!existsSync(file)) writeFileSync(file, body)
    const sha = createHash('sha256').update(body).digest('hex')
    insert.run(r.id, r.title, r.type, r.chapterId, r.fileName, body.length, sha, r.original ? 1 : 0, r.ownerId, at)
  }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The three parts a .docx needs (content types, the package relationship, word/document.xml). */
function docx(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
      )
    })
  )
}

/** A small picture (sky, road, a lorry with its load) as an RGB PNG. */
function truckPng(): Buffer {
  const w = 96
  const h = 64
  const raw = Buffer.alloc((w * 3 + 1) * h)
  const inBox = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
    x >= x0 && x < x1 && y >= y0 && y < y1
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0 // filter: none
    for (let x = 0; x < w; x++) {
      let c: [number, number, number] = y < 44 ? [200, 228, 250] : [120, 120, 120]
      if (inBox(x, y, 14, 18, 62, 42)) c = [230, 160, 40] // load
      if (inBox(x, y, 62, 26, 82, 42)) c = [30, 100, 190] // cab
      if (inBox(x, y, 68, 29, 78, 35)) c = [220, 240, 255] // window
      for (const cx of [26, 50, 72]) if ((x - cx) ** 2 + (y - 44) ** 2 <= 25) c = [30, 30, 30] // wheels
      raw.set(c, y * (w * 3 + 1) + 1 + x * 3)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
