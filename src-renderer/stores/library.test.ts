// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useLibraryStore } from './library'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { AppError } from '../../src-shared/errors'
import type { LibraryResource } from '../../src-shared/library'

const resource = (id: string, title: string): LibraryResource => ({
  id,
  title,
  sharedTitle: title,
  type: '教案',
  format: 'word',
  chapter: {},
  tags: [],
  original: false,
  openLessonLevel: null,
  file: 'f',
  fileName: `${title}.docx`,
  thumbnail: null,
  size: 10,
  sha256: 'x',
  textState: 'extracted',
  syncState: 'local',
  remoteId: null,
  createdAt: '',
  updatedAt: ''
})

/** Answers like the services: browse lists everything, search only what matches, and punctuation searches for nothing. */
function serveLibrary(fake: FakeTransport): void {
  const all = [resource('1', '勾股定理'), resource('2', '一次函数')]
  fake
    .handle('library:tree', () => ({
      nodes: [
        { key: 'stage:czh', parentKey: null, level: 'stage', id: 'czh', name: '初中', count: 2 },
        {
          key: 'stage:czh/chapter:ch17',
          parentKey: 'stage:czh',
          level: 'chapter',
          id: 'ch17',
          name: '第十七章',
          count: 1
        }
      ],
      unfiled: 0,
      total: 2
    }))
    .handle('library:browse', () => ({ items: all, total: all.length }))
    .handle('library:search', (input) => {
      const q = String(input.q).replace(/[\p{P}\s]/gu, '')
      const items = all.filter((r) => q && r.title.includes(q)).map((r) => ({ ...r, titleMatch: true, snippet: null }))
      return { items, total: items.length, terms: q ? [q] : [] }
    })
    .handle('library:add', (input) => {
      const fileName = String(input.path).split('/').pop()
      if (fileName === 'bad.docx') throw new AppError('FILE_INVALID', '无法读取', 'Cannot read')
      return { resource: resource('3', String(fileName)), duplicate: fileName === 'same.docx' }
    })
}

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
  fake = new FakeTransport()
  serveLibrary(fake)
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('library store', () => {
  it('lists the library, then search hits while the box holds words, then the list again for punctuation only', async () => {
    const store = useLibraryStore()
    await store.hydrate()
    expect(store.items.map((r) => r.id)).toEqual(['1', '2'])
    await store.setQuery('勾股')
    expect(store).toMatchObject({ searching: true, total: 1 })
    await store.setQuery('，。')
    expect(store).toMatchObject({ searching: false, total: 2 })
  })

  it('files dropped files on the selected chapter and reports each one, refused ones included', async () => {
    const store = useLibraryStore()
    await store.hydrate()
    await store.selectChapter('stage:czh/chapter:ch17', { stageId: 'czh', chapterId: 'ch17' })
    expect(fake.calls.at(-1)).toMatchObject({
      channel: 'library:browse',
      input: { chapter: { stageId: 'czh', chapterId: 'ch17' } }
    })
    const files = ['a.docx', 'same.docx', 'bad.docx'].map((n) => new File(['x'], n))
    const uploaded: string[] = []
    const out = await store.addFiles(files, async (f) => {
      uploaded.push(f.name)
      return `/data/incoming/${f.name}`
    })
    expect(uploaded).toEqual(['a.docx', 'same.docx', 'bad.docx'])
    expect(out.map((o) => o.status)).toEqual(['added', 'duplicate', 'failed'])
    expect(out[2]!.message).toBe('无法读取')
    const add = fake.callsTo('library:add')[0]!
    expect(add.chapter).toEqual({ chapter: { id: 'ch17', name: '第十七章' }, stage: { id: 'czh', name: '初中' } })
  })
})
