import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { LibraryService } from './library-service'
import { makeDocx } from './docx-fixture'
import { encodeEdux } from '../courseware'
import { createDeck, createManifest, type Deck } from '../../../src-shared/courseware'
import { AppError } from '../../../src-shared/errors'
import { tempDir } from '../../test-utils/temp-dir'
import { callInput } from '../../rpc/call-input'
import type { CallInput } from '../../../src-shared/contract'
import { corpusFile, corpusTitle, haveCorpus } from '../../test-utils/corpus'
import { layoutDeck } from '../../test-utils/fixture-decks'

const T0 = Date.parse('2026-03-02T08:00:00.000Z')
const chapter = {
  stage: { id: 'czh', name: '初中' },
  subject: { id: 'math', name: '数学' },
  edition: { id: 'rj', name: '人教版' },
  volume: { id: 'rj-8b', name: '八年级下册' },
  chapter: { id: 'ch17', name: '第十七章 勾股定理' }
}

describe('LibraryService', () => {
  let t: ReturnType<typeof tempDir>
  let now: number
  let storage: StorageService
  let lib: LibraryService
  let src: string
  const clock = (): Date => new Date(now)
  /** As dispatch hands them over: parsed once by the contract, defaults (limit, offset, sort, public) filled in. */
  const search = (i: CallInput<'library:search'>) => lib.search(callInput('library:search', i))
  const browse = (i: CallInput<'library:browse'>) => lib.browse(callInput('library:browse', i))
  const share = (i: CallInput<'library:share'>) => lib.share(callInput('library:share', i))

  beforeEach(() => {
    t = tempDir()
    now = T0
    src = join(t.dir, 'incoming')
    mkdirSync(src)
    storage = StorageService.open({
      file: join(t.dir, 'classdeck.db'),
      migrations: allMigrations,
      appVersion: 'test',
      now: clock
    })
    lib = new LibraryService({ storage, clock, dir: join(t.dir, 'library') })
  })
  afterEach(() => {
    lib.dispose()
    storage.close()
    t.cleanup()
  })

  function file(name: string, bytes: Uint8Array | string): string {
    const p = join(src, name)
    writeFileSync(p, bytes)
    return p
  }

  function edux(deck: Deck, extra: Parameters<typeof createManifest>[3] = {}): Uint8Array {
    return encodeEdux({ manifest: createManifest(deck, new Date(T0), 'ClassDeck test', extra), deck, media: new Map() })
  }

  function deckWithText(title: string, text: string): Deck {
    const deck = createDeck(title)
    deck.slides[0]!.elements.push({
      type: 'text',
      id: 'e1',
      x: 0,
      y: 0,
      w: 100,
      h: 50,
      rotation: 0,
      opacity: 1,
      locked: false,
      paragraphs: [{ runs: [{ text }], level: 0 }],
      verticalAlign: 'top',
      autoFit: false
    })
    deck.slides[0]!.notes = '提醒学生画图'
    return deck
  }

  it('stores a Word lesson plan by its hash and finds it by a two-character word inside the text', async () => {
    const p = file('教案.docx', makeDocx(['教学目标', '理解勾股定理的证明过程，会用它求直角三角形的边长。']))
    const { resource, duplicate } = await lib.add({ path: p, chapter })
    expect(duplicate).toBe(false)
    expect(resource).toMatchObject({ title: '教案', type: '教案', format: 'word', textState: 'extracted', chapter })
    expect(resource.file).toBe(`${resource.sha256.slice(0, 2)}/${resource.sha256}.docx`)
    expect(existsSync(join(t.dir, 'library', resource.file))).toBe(true)

    for (const q of ['勾股', '证明过程', '边长', '角']) {
      const r = search({ q })
      expect(
        r.items.map((i) => i.id),
        q
      ).toEqual([resource.id])
    }
    expect(search({ q: '勾股' }).items[0]!.snippet).toContain('勾股定理的证明')
    expect(search({ q: '函数' }).items).toEqual([])
  })

  it('keeps the same content once, however often and under whatever name it is added', async () => {
    const bytes = makeDocx(['同一份教案'])
    const a = await lib.add({ path: file('a.docx', bytes) })
    const b = await lib.add({ path: file('b-copy.docx', bytes), title: '另一个标题' })
    const c = await lib.add({ path: file('c.docx', bytes), chapter })
    expect(b.duplicate).toBe(true)
    expect(c.duplicate).toBe(true)
    expect(b.resource.id).toBe(a.resource.id)
    expect(b.resource.title).toBe('a')
    expect(browse({}).total).toBe(1)
    const shard = a.resource.sha256.slice(0, 2)
    expect(readdirSync(join(t.dir, 'library', shard))).toEqual([`${a.resource.sha256}.docx`])
  })

  it('reads an .edux deck: title, chapter and 【原创】 flag from its manifest and the text on its slides', async () => {
    const deck = deckWithText('勾股定理（第1课时）', '直角三角形两直角边的平方和等于斜边的平方')
    const p = file('lesson.edux', edux(deck, { curriculum: chapter, original: true }))
    const { resource } = await lib.add({ path: p })
    expect(resource).toMatchObject({
      title: '勾股定理（第1课时）',
      type: '课件',
      format: 'edux',
      original: true,
      chapter,
      textState: 'extracted'
    })
    expect(resource.sharedTitle).toBe('【原创】勾股定理（第1课时）')
    expect(search({ q: '斜边' }).items).toHaveLength(1)
    expect(search({ q: '画图' }).items).toHaveLength(1) // speaker notes are indexed too
    expect(lib.get(resource.id).bodyLength).toBeGreaterThan(10)
  })

  it('files a legacy .ppt it cannot read by title only, and says so', async () => {
    const { resource } = await lib.add({ path: file('一次函数的图像.ppt', 'legacy binary') })
    expect(resource).toMatchObject({ format: 'ppt', type: '课件', textState: 'not-extracted' })
    expect(lib.get(resource.id).textNote).toMatch(/只能按标题和标签搜索/)
    expect(search({ q: '函数' }).items.map((i) => i.id)).toEqual([resource.id])
  })

  it('indexes the slide text and speaker notes of a PowerPoint deck through the Prepare importer', async () => {
    const { resource } = await lib.add({ path: file('勾股定理.pptx', layoutDeck()) })
    expect(resource).toMatchObject({ format: 'ppt', type: '课件', textState: 'extracted', title: '勾股定理' })
    expect(search({ q: '斜边' }).items.map((i) => i.id)).toEqual([resource.id])
    expect(search({ q: '方格纸' }).items.map((i) => i.id)).toEqual([resource.id]) // from the notes
  }, 30_000)

  it.runIf(haveCorpus)(
    corpusTitle('indexes the slide text of a real PowerPoint file through the Prepare importer'),
    async () => {
      const { resource } = await lib.add({ path: corpusFile('pptx', 'tests-test.pptx') })
      expect(resource).toMatchObject({ format: 'ppt', textState: 'extracted', title: 'tests-test' })
      expect(search({ q: 'subtitle text' }).items.map((i) => i.id)).toEqual([resource.id])
    },
    30_000
  )

  it('keeps a damaged PowerPoint file, named as the teacher named it in the reason', async () => {
    const { resource } = await lib.add({ path: file('坏课件.pptx', 'not really a pptx') })
    expect(resource.textState).toBe('failed')
    expect(lib.get(resource.id).textNote).toContain('坏课件.pptx')
    expect(search({ q: '坏课件' }).total).toBe(1)
  }, 30_000)

  it('keeps a damaged Word file, findable by title, and records why its text is missing', async () => {
    const { resource } = await lib.add({ path: file('坏文件.docx', 'PK\u0003\u0004 truncated') })
    expect(resource.textState).toBe('failed')
    expect(lib.get(resource.id).textNote).toMatch(/无法读取 Word 文件/)
    expect(search({ q: '坏文件' }).total).toBe(1)
  })

  it('ranks a title match before a newer resource that only mentions the words in its text', async () => {
    const titled = await lib.add({ path: file('勾股定理说课稿.docx', makeDocx(['说课'])) })
    now += 60_000
    const mentions = await lib.add({ path: file('第十八章复习.docx', makeDocx(['复习时回顾勾股定理的应用'])) })
    now += 60_000
    const tagged = await lib.add({ path: file('练习.docx', makeDocx(['练习'])), tags: ['勾股定理'] })
    for (const q of ['勾股定理', '勾股']) {
      expect(
        search({ q }).items.map((i) => i.id),
        q
      ).toEqual([titled.resource.id, tagged.resource.id, mentions.resource.id])
    }
    const first = search({ q: '勾股定理' }).items[0]!
    expect(first.titleMatch).toBe(true)
    expect(search({ q: '勾股定理' }).items[2]!).toMatchObject({
      titleMatch: false,
      snippet: '复习时回顾勾股定理的应用'
    })
  })

  it('answers empty, blank and punctuation-only queries with an empty result, and never reads input as query syntax', async () => {
    await lib.add({ path: file('x.docx', makeDocx(['a "quoted" AND (grouped) text* NEAR 勾股'])) })
    for (const q of ['', '   ', '，。！？', '"""', '*', '()', '- + ^ :', '……']) {
      expect(search({ q }), JSON.stringify(q)).toEqual({ items: [], total: 0, terms: [] })
    }
    for (const q of ['"quoted"', 'AND', 'NEAR', '(grouped)', 'text*', 'a"b', 'OR', '勾股"', '{title}:x']) {
      expect(() => search({ q }), q).not.toThrow()
    }
    expect(search({ q: '"quoted" AND' }).total).toBe(1)
    expect(search({ q: '(grouped)' }).total).toBe(1)
  })

  it('matches English regardless of case and full-width letters, and needs every term', async () => {
    const r = await lib.add({ path: file('Unit3.docx', makeDocx(['Reading: The Great Wall of China'])) })
    expect(search({ q: 'great wall' }).items.map((i) => i.id)).toEqual([r.resource.id])
    expect(search({ q: 'ＧＲＥＡＴ' }).total).toBe(1)
    expect(search({ q: 'great river' }).total).toBe(0)
  })

  it('browses by chapter, type, format and flags, and counts resources on the tree', async () => {
    const other = { ...chapter, chapter: { id: 'ch18', name: '第十八章 平行四边形' } }
    await lib.add({ path: file('a.docx', makeDocx(['a'])), chapter, original: true })
    await lib.add({ path: file('b.docx', makeDocx(['b'])), chapter: other, openLessonLevel: '校级' })
    await lib.add({ path: file('c.mp4', 'video bytes'), chapter })
    await lib.add({ path: file('d.png', 'image bytes') })

    expect(browse({ chapter: { chapterId: 'ch17' } }).total).toBe(2)
    expect(browse({ chapter: { volumeId: 'rj-8b' } }).total).toBe(3)
    expect(browse({ chapter: { unfiled: true } }).items.map((r) => r.fileName)).toEqual(['d.png'])
    expect(browse({ formats: ['video'] }).items.map((r) => r.type)).toEqual(['微课'])
    expect(browse({ types: ['教案'], original: true }).items.map((r) => r.fileName)).toEqual(['a.docx'])
    expect(browse({ openLessonLevel: '校级' }).items[0]!.sharedTitle).toBe('【校级公开课】b')
    expect(browse({ formats: ['image'] }).items[0]!.thumbnail).toMatch(/\.png$/)
    expect(search({ q: 'a', chapter: { chapterId: 'ch18' } }).total).toBe(0)

    const tree = lib.tree()
    expect(tree).toMatchObject({ total: 4, unfiled: 1 })
    const byId = new Map(tree.nodes.map((n) => [n.id, n]))
    expect(byId.get('czh')!.count).toBe(3)
    expect(byId.get('ch17')).toMatchObject({
      count: 2,
      level: 'chapter',
      name: '第十七章 勾股定理',
      parentKey: 'stage:czh/subject:math/edition:rj/volume:rj-8b'
    })
    expect(byId.get('ch18')!.count).toBe(1)

    // The tree is kept between calls and redrawn after a change.
    const d = browse({ chapter: { unfiled: true } }).items[0]!
    lib.update({ id: d.id, patch: { chapter: other } })
    expect(lib.tree()).toMatchObject({ total: 4, unfiled: 0 })
    expect(lib.tree().nodes.find((n) => n.id === 'ch18')!.count).toBe(2)
  })

  it('re-indexes a changed title and never doubles the 【原创】 prefix', async () => {
    const { resource } = await lib.add({ path: file('旧名字.docx', makeDocx(['正文'])) })
    now += 1000
    const u = lib.update({
      id: resource.id,
      patch: { title: '【原创】新的课题设计', original: true, tags: ['公开课', '公开课', ' 几何 '] }
    })
    expect(u).toMatchObject({
      title: '新的课题设计',
      sharedTitle: '【原创】新的课题设计',
      tags: ['公开课', '几何'],
      updatedAt: new Date(now).toISOString()
    })
    expect(search({ q: '旧名字' }).total).toBe(0)
    expect(search({ q: '课题设计' }).total).toBe(1)
    expect(search({ q: '几何' }).total).toBe(1)
    expect(search({ q: '正文' }).total).toBe(1)
  })

  it('queues a share for the platform under its 【原创】 title in the same write that marks it, and refuses one without a chapter', async () => {
    const a = await lib.add({ path: file('勾股定理.edux', edux(deckWithText('勾股定理', '证明'), { original: true })) })
    expect(() => share({ id: a.resource.id })).toThrow(/还没有挂到章节上/)
    expect(storage.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 })

    lib.update({ id: a.resource.id, patch: { chapter, openLessonLevel: '区县级' } })
    const shared = share({ id: a.resource.id })
    expect(shared.syncState).toBe('queued')
    const row = storage.db.prepare('SELECT kind, entity_id, payload FROM outbox').get() as {
      kind: string
      entity_id: string
      payload: string
    }
    expect(row).toMatchObject({ kind: 'resource-upload', entity_id: a.resource.id })
    expect(JSON.parse(row.payload)).toEqual({
      title: '【原创】【区县级公开课】勾股定理',
      type: '课件',
      chapterId: 'ch17',
      original: true,
      public: true,
      filePath: lib.get(a.resource.id).absolutePath,
      fileName: '勾股定理.edux'
    })
    share({ id: a.resource.id }) // sharing twice queues once
    expect(storage.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 })
    // The state follows the outbox row the sync worker advances.
    storage.db.prepare("UPDATE outbox SET state = 'sent'").run()
    expect(lib.get(a.resource.id).syncState).toBe('synced')
    expect(search({ q: '勾股定理' }).items[0]!.syncState).toBe('synced')
  })

  it('removes a resource with its file and its index entries', async () => {
    const { resource } = await lib.add({ path: file('a.docx', makeDocx(['勾股定理'])) })
    const changes: string[] = []
    lib.onDidChange((c) => changes.push(c.change))
    await lib.remove(resource.id)
    expect(existsSync(join(t.dir, 'library', resource.file))).toBe(false)
    expect(search({ q: '勾股' }).total).toBe(0)
    expect(storage.db.prepare('SELECT count(*) AS n FROM library_fts_tri').get()).toEqual({ n: 0 })
    expect(changes).toEqual(['removed'])
    expect(() => lib.get(resource.id)).toThrow(AppError)
    expect(() => lib.get(resource.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('refuses a path that is not there, in Chinese with what to do', async () => {
    await expect(lib.add({ path: join(src, 'missing.docx') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/找不到文件/)
    })
    // An empty path never reaches the service: the contract refuses it.
    expect(() => callInput('library:add', { path: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})
