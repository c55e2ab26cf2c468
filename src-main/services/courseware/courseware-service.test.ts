import { describe, expect, it, afterEach } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { tempDir } from '../../test-utils/temp-dir'
import { LESSON, pptxgenLesson } from '../../test-utils/fixture-decks'
import { StorageService, allMigrations } from '../storage'
import { AppError } from '../../../src-shared/errors'
import { EDUX_FORMAT_VERSION, createManifest, createDeck, type Deck } from '../../../src-shared/courseware'
import { CoursewareService } from './courseware-service'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.reverse()) c()
  cleanups = []
})

function setup(dir?: string) {
  const t = dir ? { dir, cleanup: () => undefined } : tempDir()
  const storage = StorageService.open({
    file: join(t.dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'test',
    now: () => new Date()
  })
  const svc = new CoursewareService({ storage, dataDir: t.dir, autosaveMs: 0, generator: 'ClassDeck test' })
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
    const path = join(a.dir, '分数.edux')
    await a.svc.save(deck.id, { path })
    a.svc.close(deck.id)
    const b = setup()
    const reopened = await b.svc.open(path)
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
    const deck = createDeck('未来')
    const manifest = { ...createManifest(deck, new Date(), 'future'), formatVersion: EDUX_FORMAT_VERSION + 1 }
    const path = join(a.dir, 'future.edux')
    const enc = new TextEncoder()
    writeFileSync(
      path,
      zipSync({ 'manifest.json': enc.encode(JSON.stringify(manifest)), 'deck.json': enc.encode(JSON.stringify(deck)) })
    )
    const before = readFileSync(path)
    await expect(a.svc.open(path)).rejects.toMatchObject({ code: 'FILE_TOO_NEW' })
    const mine = a.svc.create({ title: '我的' })
    await expect(a.svc.save(mine.docId, { path })).rejects.toMatchObject({ code: 'FILE_TOO_NEW' })
    expect(readFileSync(path).equals(before)).toBe(true)
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
    const path = join(a.dir, 'lesson.edux')
    await a.svc.save(deck.id, { path })
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
    expect((await c.svc.open(path)).deck.slides[0]!.notes).toBe('崩溃前写的备注')
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

  it('rejects an update that does not match the deck schema', () => {
    const a = setup()
    const doc = a.svc.create({ title: 'x' })
    expect(() => a.svc.update(doc.docId, { ...doc.deck, aspect: '21:9' })).toThrow(AppError)
  })
})

describe('CoursewareService templates, import and export', () => {
  it('lists the four Chinese templates and creates valid decks from each with fresh ids', () => {
    const a = setup()
    const templates = a.svc.listTemplates()
    expect(templates.map((t) => t.id)).toEqual(['content', 'question', 'summary', 'title'])
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
    const out = join(a.dir, 'out.pptx')
    const exported = await a.svc.exportPptx(document.docId, out)
    expect(exported.path).toBe(out)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
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
