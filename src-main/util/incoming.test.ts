/** Issue 13, item 14: files picked in the browser host do not pile up in <data>/incoming. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../app-core'
import { dispatch } from '../rpc/handler-table'
import { storeIncomingUpload } from '../hosts/media-files'
import { tempDir } from '../test-utils/temp-dir'
import { incomingFolderOf } from './incoming'

const ctx = { host: 'browser', senderId: 'test' } as const

async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text)
}

describe('uploads in <data>/incoming', () => {
  let t: ReturnType<typeof tempDir>
  let data: string
  let core: AppCore
  beforeEach(() => {
    t = tempDir('incoming-')
    data = join(t.dir, 'data')
    core = createAppCore({ dataDir: data, host: 'browser', version: 'test' })
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })
  const left = () => (existsSync(join(data, 'incoming')) ? readdirSync(join(data, 'incoming')) : [])

  it('removes an upload once the library has added it, keeping the library’s own copy', async () => {
    const path = await storeIncomingUpload(data, '教学反思.txt', bytes('这节课学生对秒的认识很快。'), 'library')
    expect(left()).toHaveLength(1)
    const r = await dispatch(core.table, 'library:add', { path }, ctx)
    expect(r.ok).toBe(true)
    expect(left()).toEqual([])
    const list = await dispatch(core.table, 'library:search', { q: '教学反思' }, ctx)
    expect(list.ok).toBe(true)
  })

  it('removes an upload the import refused, and one the question bank could not read', async () => {
    const pptx = await storeIncomingUpload(data, '坏的课件.pptx', bytes('not a zip'), 'import')
    const docx = await storeIncomingUpload(data, '坏的题目.docx', bytes('not a zip'), 'library')
    expect(left()).toHaveLength(2)
    expect((await dispatch(core.table, 'courseware:import', { path: pptx }, ctx)).ok).toBe(false)
    expect((await dispatch(core.table, 'question-bank:import-word', { path: docx }, ctx)).ok).toBe(false)
    expect(left()).toEqual([])
  })

  it('never touches a file outside an upload’s folder', async () => {
    const own = join(t.dir, '我的文件.txt')
    writeFileSync(own, '老师自己的文件')
    expect((await dispatch(core.table, 'library:add', { path: own }, ctx)).ok).toBe(true)
    expect(existsSync(own)).toBe(true)
    expect(incomingFolderOf(data, join(data, 'incoming'))).toBeNull()
    expect(incomingFolderOf(data, join(data, 'incoming', 'x.txt'))).toBeNull()
    expect(incomingFolderOf(data, join(data, 'incoming', '..', 'library', 'x.txt'))).toBeNull()
    expect(incomingFolderOf(data, join(data, 'incoming', 'u1', 'x.txt'))).toBe(join(data, 'incoming', 'u1'))
  })

  it('clears what a closed tab or a crash left behind when ClassDeck starts', async () => {
    mkdirSync(join(data, 'incoming', 'left-over'), { recursive: true })
    writeFileSync(join(data, 'incoming', 'left-over', '微课.mp4'), 'x'.repeat(1000))
    await core.dispose()
    core = createAppCore({ dataDir: data, host: 'browser', version: 'test' })
    expect(left()).toEqual([])
  })
})
