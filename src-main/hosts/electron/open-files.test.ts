import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { createAppCore } from '../../app-core'
import { IPC_CALL, IPC_EVENT } from '../../../src-shared/contract/ipc'
import { runShell, type Shell } from './shell'
import { eduxPathsFromArgv } from './open-files'
import { createFakeElectron, frame, type FakeBrowserWindow, type FakeElectron } from './electron-fake'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'

const PAGE = frame('app://classdeck/index.html#/prepare')

describe('the .edux files on a command line', () => {
  it('are the .edux arguments after the program, made absolute from the working directory', () => {
    expect(
      eduxPathsFromArgv(
        ['C:\\ClassDeck\\ClassDeck.exe', '--data-dir', 'D:\\data', '分数.EDUX', '/abs/复习.edux'],
        '/home/t'
      )
    ).toEqual([join('/home/t', '分数.EDUX'), '/abs/复习.edux'])
    expect(eduxPathsFromArgv(['electron', '.', '--inspect', 'notes.pptx'], '/x')).toEqual([])
  })
})

describe('the packaged app', () => {
  it('registers .edux with the system, so a double-click opens it in ClassDeck', async () => {
    // Read the way `npm run package` reads it: electron-builder's own loader and schema.
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null)
    await validateConfiguration(config, new DebugLogger(false))
    const assoc = [config.fileAssociations ?? []].flat()
    expect(assoc).toEqual([expect.objectContaining({ ext: 'edux', role: 'Editor' })])
    expect(assoc[0]?.name).toMatch(/课件/)
  })
})

describe('the Electron shell opening files the system hands it', () => {
  let t: ReturnType<typeof tempDir>
  let fake: FakeElectron
  let shell: Shell

  async function start(argv: string[], before?: (f: FakeElectron) => void): Promise<FakeBrowserWindow> {
    const dist = join(t.dir, 'dist')
    mkdirSync(join(dist, 'renderer'), { recursive: true })
    writeFileSync(join(dist, 'renderer', 'index.html'), '<!doctype html><title>ClassDeck</title>')
    fake = createFakeElectron({ userData: join(t.dir, 'user-data') })
    shell = runShell(fake, { distDir: dist, argv, cwd: t.dir, createCore: createAppCore })
    before?.(fake)
    fake.app.becomeReady()
    await shell.ready
    const win = shell.mainWindow() as FakeBrowserWindow | null
    if (!win) throw new Error('no main window')
    win.webContents.url = 'app://classdeck/index.html'
    return win
  }

  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const res = (await fake.ipcMain.invoke(IPC_CALL, PAGE, channel, input)) as { ok: boolean; result?: unknown }
    if (!res.ok) throw new Error(JSON.stringify(res))
    return res.result
  }

  /** A saved deck on the teacher's disk, written by this ClassDeck's own service. */
  async function savedDeck(title: string): Promise<string> {
    await start(['electron', '.'])
    const doc = (await call('courseware:create', { title })) as { docId: string }
    const saved = (await call('courseware:save', { docId: doc.docId })) as { path: string }
    fake.app.listeners.emit('will-quit')
    await shell.core()?.dispose()
    return saved.path
  }

  beforeEach(() => {
    t = tempDir()
  })
  afterEach(async () => {
    fake?.app.listeners.emit('will-quit')
    await shell?.core()?.dispose()
    t.cleanup()
  })

  it('keeps a file double-clicked to start ClassDeck until the window takes it, then opens it unchanged', async () => {
    const path = await savedDeck('分数的意义')
    const before = readFileSync(path)
    await start(['ClassDeck.exe', path])
    expect(await call('courseware:take-open-requests', {})).toEqual([path])
    expect(await call('courseware:take-open-requests', {})).toEqual([]) // taken once
    const doc = (await call('courseware:open', { path })) as { deck: { title: string }; dirty: boolean }
    expect(doc.deck.title).toBe('分数的意义')
    expect(doc.dirty).toBe(false)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('takes macOS open-file before and after start, and a second instance’s file, telling the window each time', async () => {
    const early = join(t.dir, '早.edux')
    const win = await start(['electron', '.'], (f) => {
      expect(f.app.openFile(early)).toBe(true) // Finder sends it before the app is ready
    })
    expect(await call('courseware:take-open-requests', {})).toEqual([early])
    const late = join(t.dir, '晚.edux')
    expect(fake.app.openFile(late)).toBe(true)
    fake.app.secondInstance(['ClassDeck.exe', '--flag', '第二个.edux', 'readme.txt'], join(t.dir, 'sub'))
    expect(await call('courseware:take-open-requests', {})).toEqual([late, join(t.dir, 'sub', '第二个.edux')])
    const told = win.webContents.sent.filter(
      (m) => m.channel === IPC_EVENT && m.args[0] === 'courseware:open-requested'
    )
    expect(told.map((m) => (m.args[1] as { path: string }).path)).toEqual([late, join(t.dir, 'sub', '第二个.edux')])
  })
})
