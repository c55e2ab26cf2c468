import { describe, expect, it, afterEach } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { tempDir } from '../../test-utils/temp-dir'
import { LESSON, pptxgenLesson } from '../../test-utils/fixture-decks'
import { StorageService, allMigrations } from '../storage'
import { AppError } from '../../../src-shared/errors'
import { EDUX_FORMAT_VERSION, createManifest, createDeck, type Deck } from '../../../src-shared/courseware'
import { CoursewareService, type PdfPrinter } from './courseware-service'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.reverse()) c()
  cleanups = []
})

function setup(dir?: string, printPdf?: PdfPrinter) {
  const t = dir ? { dir, cleanup: () => undefined } : tempDir()
  const storage = StorageService.open({
    file: join(t.dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'test',
    now: () => new Date()
  })
  const svc = new CoursewareService({
    storage,
    dataDir: t.dir,
    autosaveMs: 0,
    generator: 'ClassDeck test',
    ...(printPdf ? { printPdf } : {})
  })
  cleanups.push(
    t.cleanup,
    () => storage.close(),
    () => svc.dispose()
  )
  return { dir: t.dir, storage, svc }
}

async function richDeck(svc: CoursewareService): Promise<Deck> {
  const doc = svc.create({ title: '分数的意义', curriculum: { subject: { id: 'math', name: '数学' } } })
  const media = await svc.putMedia(PNG, 'png')
  const deck: Deck = structuredClone(doc.deck)
  deck.slides[0]!.elements.push(
    {
      type: 'text',
      id: 't1',
      x: 10,
      y: 10,
      w: 500,
      h: 80,
      rotation: 0,
      opacity: 1,
      locked: false,
      verticalAlign: 'top',
      autoFit: false,
      paragraphs: [{ level: 0, runs: [{ text: '分数', bold: true }] }]
    },
    {
      type: 'image',
      id: 'i1',
      x: 10,
      y: 100,
      w: 200,
      h: 200,
      rotation: 0,
      opacity: 1,
      locked: false,
      media,
      alt: '',
      flipH: false,
      flipV: false
    }
  )
  deck.slides[0]!.ink.push({
    id: 'k1',
    tool: 'highlighter',
    color: '#FFFF0080',
    width: 12,
    points: [
      [1, 1, 0.5, 0],
      [2, 2, 0.5, 8]
    ]
  })
  return svc.update(doc.docId, deck).deck
}

describe('CoursewareService', () => {
  it('saves and reopens a deck identically, media and ink included', async () => {
    const a = setup()
    const deck = await richDeck(a.svc)
    const { path } = await a.svc.save(deck.id)
    expect(path).toBe(join(a.dir, 'decks', '分数的意义.edux'))
    a.svc.close(deck.id)
    const b = setup()
    const reopened = await b.svc.open(path!)
    expect(reopened.deck).toEqual(deck)
    expect(reopened.manifest.formatVersion).toBe(EDUX_FORMAT_VERSION)
    expect(reopened.manifest.curriculum.subject?.name).toBe('数学')
    expect(reopened.manifest.original).toBe(true)
    const image = deck.slides[0]!.elements.find((e) => e.type === 'image')
    expect(image?.type === 'image' && Buffer.from(await b.svc.media.get(image.media)).equals(Buffer.from(PNG))).toBe(
      true
    )
    expect(b.svc.listRecent().map((r) => r.title)).toEqual(['分数的意义'])
  })

  it('refuses to open a file from a newer format and never writes over it', async () => {
    const a = setup()
    const mine = a.svc.create({ title: '我的' })
    const { path } = await a.svc.save(mine.docId)
    // A newer ClassDeck on the same computer saves over the file while this one has it open.
    const deck = createDeck('我的')
    const manifest = { ...createManifest(deck, new Date(), 'future'), formatVersion: EDUX_FORMAT_VERSION + 1 }
    const enc = new TextEncoder()
    writeFileSync(
      path!,
      zipSync({ 'manifest.json': enc.encode(JSON.stringify(manifest)), 'deck.json': enc.encode(JSON.stringify(deck)) })
    )
    const before = readFileSync(path!)
    await expect(setup().svc.open(path!)).rejects.toMatchObject({ code: 'FILE_TOO_NEW' })
    await expect(a.svc.save(mine.docId)).rejects.toMatchObject({ code: 'FILE_TOO_NEW' })
    expect(readFileSync(path!).equals(before)).toBe(true)
  })

  it('saves a new deck into the data folder under its title, beside another deck of that title, never over it', async () => {
    const a = setup()
    const first = await a.svc.save(a.svc.create({ title: '勾股定理' }).docId)
    const second = await a.svc.save(a.svc.create({ title: '勾股定理' }).docId)
    expect(first.path).toBe(join(a.dir, 'decks', '勾股定理.edux'))
    expect(second.path).toBe(join(a.dir, 'decks', '勾股定理 (2).edux'))
    expect((await setup().svc.open(first.path!)).docId).toBe(first.docId)
    // Saved again, a deck stays in its own file.
    expect((await a.svc.save(second.docId)).path).toBe(second.path)
  })

  it('makes the name a teacher gave a file name inside the decks folder, never a path', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '复习' })
    const saved = await a.svc.save(doc.docId, { name: '../../复习' })
    expect(saved.path).toBe(join(a.dir, 'decks', '_.._复习.edux'))
    const device = await a.svc.save(a.svc.create({ title: 'CON' }).docId)
    expect(device.path).toBe(join(a.dir, 'decks', '_CON.edux'))
    const long = await a.svc.save(a.svc.create({ title: '二次函数'.repeat(40) }).docId)
    expect(long.path!.startsWith(join(a.dir, 'decks', '二次函数'))).toBe(true)
    const again = await a.svc.save(a.svc.create({ title: '二次函数'.repeat(40) }).docId)
    expect(again.path).toBe(long.path!.replace(/\.edux$/, ' (2).edux'))
  })

  it('names the file when it is not an .edux at all', async () => {
    const a = setup()
    const path = join(a.dir, '作业.edux')
    writeFileSync(path, 'not a zip')
    const err = (await a.svc.open(path).catch((e: unknown) => e)) as AppError
    expect(err.code).toBe('FILE_INVALID')
    expect(err.message).toContain('作业.edux')
    await expect(a.svc.open(join(a.dir, 'missing.edux'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('autosaves unsaved work and offers it after a crash on the next start', async () => {
    const a = setup()
    const deck = await richDeck(a.svc)
    const { path } = await a.svc.save(deck.id)
    const edited = structuredClone(deck)
    edited.slides[0]!.notes = '崩溃前写的备注'
    a.svc.update(deck.id, edited)
    await a.svc.autosaveNow()
    // Simulate the crash: no save, no close; a new process starts on the same data folder.
    const b = setup(a.dir)
    const offers = b.svc.listRecovery()
    expect(offers).toMatchObject([{ deckId: deck.id, path, title: '分数的意义' }])
    const recovered = await b.svc.recover(deck.id)
    expect(recovered.recovered).toBe(true)
    expect(recovered.dirty).toBe(true)
    expect(recovered.deck.slides[0]!.notes).toBe('崩溃前写的备注')
    await b.svc.save(deck.id)
    expect(b.svc.listRecovery()).toEqual([])
    const c = setup()
    expect((await c.svc.open(path!)).deck.slides[0]!.notes).toBe('崩溃前写的备注')
  })

  it('drops the recovery copy when a saved deck is closed, and autosaves nothing when clean', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '空白' })
    await a.svc.autosaveNow()
    expect(a.svc.listRecovery()).toEqual([]) // open documents are not offered
    const b = setup(a.dir)
    expect(b.svc.listRecovery().map((r) => r.title)).toEqual(['空白'])
    b.svc.discardRecovery(doc.docId)
    expect(b.svc.listRecovery()).toEqual([])
    expect(existsSync(join(a.dir, 'recovery', `${doc.docId}.edux`))).toBe(false)
  })

  it('refuses an update carrying another deck (the schema itself is checked by the contract)', () => {
    const a = setup()
    const doc = a.svc.create({ title: 'x' })
    const other = a.svc.create({ title: 'y' })
    expect(() => a.svc.update(doc.docId, other.deck)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })
})

describe('CoursewareService templates, import and export', () => {
  it('lists the Chinese templates and creates valid decks from each with fresh ids', () => {
    const a = setup()
    const templates = a.svc.listTemplates()
    expect(templates.map((t) => t.id)).toEqual(['content', 'lesson', 'question', 'summary', 'title'])
    for (const t of templates) {
      const doc = a.svc.create({ title: `新课件-${t.id}`, template: t.id })
      expect(doc.deck.title).toBe(`新课件-${t.id}`)
      expect(doc.deck.id).not.toBe(`template-${t.id}`)
      expect(doc.deck.slides[0]!.id).not.toBe('s1')
      expect(doc.deck.slides[0]!.elements.length).toBeGreaterThan(0)
    }
    const q = a.svc
      .create({ title: 'q', template: 'question' })
      .deck.slides[0]!.elements.find((e) => e.type === 'question')
    expect(q?.type === 'question' && q.question.kind).toBe('single')
    expect(() => a.svc.create({ title: 'x', template: 'nope' })).toThrow(AppError)
  })

  it('imports a PPTX in a worker as an unsaved document with progress, then exports it', async () => {
    const a = setup()
    const events: { done: number; total: number; finished: boolean }[] = []
    a.svc.onProgress((e) => events.push(e))
    // Written by pptxgenjs: text, pictures, a table, a chart, a video, notes (fixture-decks.ts).
    const file = join(a.dir, '分数的初步认识.pptx')
    writeFileSync(file, await pptxgenLesson())
    const { document, report } = await a.svc.importFile(file, { taskId: 't1' })
    expect(document.path).toBeNull()
    expect(document.dirty).toBe(true)
    expect(document.manifest.original).toBe(false)
    expect(report.slideCount).toBe(LESSON.titles.length)
    expect(document.deck.slides[0]!.notes).toBe(LESSON.notes)
    expect(events.at(-1)).toMatchObject({ finished: true })
    expect(a.svc.listRecent()).toEqual([]) // nothing in the library until the teacher saves
    const exported = await a.svc.export({ docId: document.docId, format: 'pptx' })
    expect(exported.path).toBe(join(a.dir, 'exports', exported.fileName))
    expect(readFileSync(exported.path).subarray(0, 2).toString()).toBe('PK')
  })

  it('leaves nothing behind when an import is refused', async () => {
    const a = setup()
    const bad = join(a.dir, 'broken.pptx')
    writeFileSync(bad, 'not a zip')
    await expect(a.svc.importFile(bad)).rejects.toMatchObject({ code: 'FILE_INVALID' })
    expect(a.svc.listRecent()).toEqual([])
    expect(a.svc.listRecovery()).toEqual([])
  })
})

describe('CoursewareService exports', () => {
  // What Chromium's printToPDF gives for a one-page deck, cut to its header and trailer.
  const PDF = new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'
  )

  it('exports PowerPoint into the exports folder under the title, and replaces its own earlier export', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '分数的意义' })
    const first = await a.svc.export({ docId: doc.docId, format: 'pptx' })
    expect(first).toMatchObject({ fileName: '分数的意义.pptx', path: join(a.dir, 'exports', '分数的意义.pptx') })
    expect(readFileSync(first.path).subarray(0, 2).toString()).toBe('PK')
    const again = await a.svc.export({ docId: doc.docId, format: 'pptx' })
    expect(again.path).toBe(first.path)
    const named = await a.svc.export({ docId: doc.docId, format: 'pptx', name: '第一课时: 分数?' })
    expect(named.fileName).toBe('第一课时_ 分数_.pptx')
  })

  it('writes the PDF the host printed, slides or notes pages, under the title', async () => {
    const printed: { docId: string; withNotes: boolean }[] = []
    const a = setup(undefined, async (docId, { withNotes }) => {
      printed.push({ docId, withNotes })
      return PDF
    })
    const doc = a.svc.create({ title: '勾股定理' })
    const slides = await a.svc.export({ docId: doc.docId, format: 'pdf', withNotes: false })
    const notes = await a.svc.export({ docId: doc.docId, format: 'pdf', withNotes: true })
    expect(slides.path).toBe(join(a.dir, 'exports', '勾股定理.pdf'))
    expect(notes.path).toBe(join(a.dir, 'exports', '勾股定理（含备注）.pdf'))
    expect(readFileSync(notes.path).equals(Buffer.from(PDF))).toBe(true)
    expect(printed).toEqual([
      { docId: doc.docId, withNotes: false },
      { docId: doc.docId, withNotes: true }
    ])
  })

  it('says PDF files are not written where the host has no printer, and writes nothing', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '勾股定理' })
    const err = (await a.svc.export({ docId: doc.docId, format: 'pdf', withNotes: false }).catch((e) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('UNAVAILABLE')
    expect(err.message).toContain('另存为 PDF')
    expect(existsSync(join(a.dir, 'exports', '勾股定理.pdf'))).toBe(false)
  })

  it('leaves no file when the printer fails', async () => {
    const a = setup(undefined, () => Promise.reject(new AppError('UNAVAILABLE', '准备 PDF 页面超时', 'timed out')))
    const doc = a.svc.create({ title: '勾股定理' })
    await expect(a.svc.export({ docId: doc.docId, format: 'pdf', withNotes: false })).rejects.toMatchObject({
      code: 'UNAVAILABLE'
    })
    expect(existsSync(join(a.dir, 'exports', '勾股定理.pdf'))).toBe(false)
  })
})
