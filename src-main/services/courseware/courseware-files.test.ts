/**
 * Files a teacher brings: an older .edux opened without a false unsaved mark, a colleague's .edux
 * picked in the window (an upload) opened as a copy, 另存为, refusals that leave the file as it was,
 * and one recovery offer per file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { tempDir } from '../../test-utils/temp-dir'
import { StorageService, allMigrations } from '../storage'
import { EDUX_FORMAT_VERSION, createDeck, createManifest, type Deck } from '../../../src-shared/courseware'
import { CoursewareService } from './courseware-service'
import { formatOf } from '../importers/import-file'
import { OPENABLE_EXTENSIONS, isOpenable } from '../../../src-shared/files/openable'

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
  return { dir: t.dir, svc }
}

const enc = new TextEncoder()
function eduxBytes(manifest: unknown, deck: unknown): Uint8Array {
  return zipSync({
    'manifest.json': enc.encode(JSON.stringify(manifest)),
    'deck.json': enc.encode(JSON.stringify(deck))
  })
}

/** A deck as format 2 wrote it: no build steps on its slides. */
function formatTwo(deck: Deck, questionKind?: string): { manifest: unknown; deck: unknown } {
  const raw = JSON.parse(JSON.stringify(deck)) as { slides: Record<string, unknown>[] }
  for (const s of raw.slides) delete s['animations']
  if (questionKind) {
    ;(raw.slides[0]!['elements'] as unknown[]).push({
      type: 'question',
      id: 'q1',
      x: 0,
      y: 0,
      w: 400,
      h: 300,
      rotation: 0,
      opacity: 1,
      locked: false,
      question: { kind: questionKind, prompt: '地球是圆的', answer: true }
    })
  }
  return { manifest: { ...createManifest(deck, new Date(), 'ClassDeck 0.2'), formatVersion: 2 }, deck: raw }
}

describe('opening courseware files', () => {
  it('has the picker accept only what opens: .edux here, PDF in the window, the rest by the importers', () => {
    expect([...OPENABLE_EXTENSIONS]).toEqual(['.edux', '.pptx', '.pptm', '.docx', '.pdf'])
    for (const ext of OPENABLE_EXTENSIONS.filter((e) => e !== '.edux' && e !== '.pdf'))
      expect(() => formatOf(`课件${ext.toUpperCase()}`)).not.toThrow()
    for (const name of ['旧课件.ppt', '教案.doc', '成绩.xlsx', '课件.edux.zip']) expect(isOpenable(name)).toBe(false)
  })

  it('opens an older file the upgrade does not change as saved, and one it changes as unsaved', async () => {
    const a = setup()
    const plain = join(a.dir, '旧课件.edux')
    const old = formatTwo(createDeck('旧课件'))
    writeFileSync(plain, eduxBytes(old.manifest, old.deck))
    const opened = await a.svc.open(plain)
    expect(opened.manifest.formatVersion).toBe(EDUX_FORMAT_VERSION)
    expect(opened.dirty).toBe(false)

    // Format 1 spelt true-false with a hyphen: the upgrade rewrites it, which is a change to save.
    const spelt = join(a.dir, '判断.edux')
    const q = formatTwo(createDeck('判断'), 'true-false')
    writeFileSync(spelt, eduxBytes({ ...(q.manifest as object), formatVersion: 1 }, q.deck))
    const migrated = await a.svc.open(spelt)
    expect(migrated.dirty).toBe(true)
    const kind = migrated.deck.slides[0]!.elements.find((e) => e.type === 'question')
    expect(kind?.type === 'question' && kind.question.kind).toBe('truefalse')
  })

  it('opens an uploaded .edux as a copy with no file yet, leaving the upload as it came', async () => {
    const a = setup()
    const deck = createDeck('同事的课件')
    const upload = join(a.dir, 'incoming', 'u1', '同事的课件.edux')
    mkdirSync(join(a.dir, 'incoming', 'u1'), { recursive: true })
    const bytes = eduxBytes(createManifest(deck, new Date(), 'ClassDeck 1'), deck)
    writeFileSync(upload, bytes)
    const doc = await a.svc.openCopy(upload)
    expect(doc).toMatchObject({ path: null, dirty: false, recovered: false })
    expect(doc.deck).toEqual(deck)
    expect(readFileSync(upload).equals(Buffer.from(bytes))).toBe(true)
    const saved = await a.svc.save(doc.docId)
    expect(saved.path).toBe(join(a.dir, 'decks', '同事的课件.edux'))
  })

  it('refuses a newer or damaged upload with its own message and opens nothing', async () => {
    const a = setup()
    const deck = createDeck('未来')
    const newer = join(a.dir, '未来.edux')
    writeFileSync(
      newer,
      eduxBytes({ ...createManifest(deck, new Date(), 'ClassDeck 9'), formatVersion: EDUX_FORMAT_VERSION + 1 }, deck)
    )
    const before = readFileSync(newer)
    await expect(a.svc.openCopy(newer)).rejects.toMatchObject({
      code: 'FILE_TOO_NEW',
      message: expect.stringContaining('更新版本的 ClassDeck')
    })
    expect(readFileSync(newer).equals(before)).toBe(true)
    const damaged = join(a.dir, '坏了.edux')
    writeFileSync(damaged, before.subarray(0, before.length - 40))
    await expect(a.svc.openCopy(damaged)).rejects.toMatchObject({
      code: 'FILE_INVALID',
      message: expect.stringContaining('坏了.edux')
    })
    expect(a.svc.listRecovery()).toEqual([])
    expect(() => a.svc.get(deck.id)).toThrow(/没有打开/) // nothing was adopted
  })

  it('saves as a new file, keeping the old one as it was, and saves there from then on', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '勾股定理' })
    const first = await a.svc.save(doc.docId)
    const original = readFileSync(first.path!)
    const edited = structuredClone(first.deck)
    edited.slides[0]!.notes = '另存后的备注'
    a.svc.update(doc.docId, edited)
    const copy = await a.svc.save(doc.docId, { name: '勾股定理（二班）', saveAs: true })
    expect(copy.path).toBe(join(a.dir, 'decks', '勾股定理（二班）.edux'))
    expect(readFileSync(first.path!).equals(original)).toBe(true)
    // Save as under the deck's own title goes beside the first file, never over it.
    const again = await a.svc.save(doc.docId, { saveAs: true })
    expect(again.path).toBe(join(a.dir, 'decks', '勾股定理 (2).edux'))
    expect((await a.svc.save(doc.docId)).path).toBe(again.path)
    expect(readFileSync(first.path!).equals(original)).toBe(true)
  })

  it('offers one recovery entry per file after a crash: the newest autosave of that file', async () => {
    const a = setup()
    const doc = a.svc.create({ title: '一份' })
    const { path } = await a.svc.save(doc.docId)
    a.svc.update(doc.docId, { ...doc.deck, title: '一份（改）' })
    await a.svc.autosaveNow() // then a crash
    // Another deck's file was copied over it in the file manager, opened, edited, and crashed too.
    const other = createDeck('另一份')
    writeFileSync(path!, eduxBytes(createManifest(other, new Date(), 'ClassDeck 1'), other))
    const b = setup(a.dir)
    const reopened = await b.svc.open(path!)
    b.svc.update(reopened.docId, { ...reopened.deck, title: '另一份（改）' })
    await new Promise((r) => setTimeout(r, 5))
    await b.svc.autosaveNow()
    const c = setup(a.dir)
    expect(c.svc.listRecovery()).toMatchObject([{ deckId: other.id, path, title: '另一份（改）' }])
  })
})
