import { describe, expect, it, afterEach } from 'vitest'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { tempDir } from '../../test-utils/temp-dir'
import { createDeck, createManifest, createSlide } from '../../../src-shared/courseware'
import { encodeEdux, decodeEdux } from './edux-file'
import { writeFileAtomic } from './atomic-write'

const tsxLoader = createRequire(import.meta.url).resolve('tsx')
const fixture = join(import.meta.dirname, 'atomic-writer.fixture.ts')

function deckFile(title: string, slides: number, padding: number): Uint8Array {
  const deck = createDeck(title)
  deck.slides = Array.from({ length: slides }, (_, i) => createSlide({ notes: `${title} ${i} ${'x'.repeat(padding)}` }))
  return encodeEdux({ manifest: createManifest(deck, new Date(), 'test'), deck, media: new Map() })
}

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe('atomic save', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const target = join(t.dir, 'a.edux')
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]))
    await writeFileAtomic(target, new Uint8Array([4, 5]))
    expect([...readFileSync(target)]).toEqual([4, 5])
    expect(readdirSync(t.dir)).toEqual(['a.edux'])
  })

  it('leaves the old or the new file, whole, when the writer is killed -9 at random moments', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const a = join(t.dir, 'old.src')
    const b = join(t.dir, 'new.src')
    // Different sizes so a torn write could not pass for either.
    writeFileSync(a, deckFile('旧版', 40, 2000))
    writeFileSync(b, deckFile('新版', 300, 3000))
    const target = join(t.dir, 'lesson.edux')
    const seen = new Set<string>()
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--import', tsxLoader, fixture, target, a, b], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      await new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error('writer never became ready')), 15_000)
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) {
            clearTimeout(timer)
            res()
          }
        })
        child.on('exit', (code) => rej(new Error(`writer exited early (${code})`)))
      })
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 120))
      const exited = new Promise((r) => child.on('exit', r))
      child.kill('SIGKILL')
      await exited
      const { deck } = decodeEdux('lesson.edux', new Uint8Array(readFileSync(target)))
      expect(['旧版', '新版']).toContain(deck.title)
      expect(deck.slides.length).toBe(deck.title === '旧版' ? 40 : 300)
      seen.add(deck.title)
    }
    // Only .tmp leftovers may sit beside the file; the file itself is always whole.
    expect(
      readdirSync(t.dir)
        .filter((n) => !n.endsWith('.tmp'))
        .sort()
    ).toEqual(['lesson.edux', 'new.src', 'old.src'])
  }, 120_000)
})
