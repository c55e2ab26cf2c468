import { describe, expect, it, afterEach } from 'vitest'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../test-utils/temp-dir'
import { LESSON, pptxgenLesson } from '../test-utils/fixture-decks'
import { lessonPlanDocx } from '../test-utils/fixture-docx'
import { convertCommand, inspectCommand, type CliIo } from './courseware-commands'

function capture(): CliIo & { outs: string[]; errs: string[] } {
  const outs: string[] = []
  const errs: string[] = []
  return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l) }
}

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe('classdeck convert / inspect', () => {
  it('converts pptx → edux → pptx and inspects each step', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const edux = join(t.dir, 'a.edux')
    const pptx = join(t.dir, 'a.pptx')
    const source = join(t.dir, 'lesson.pptx')
    writeFileSync(source, await pptxgenLesson())
    const io = capture()
    expect(await convertCommand([source, edux], io)).toBe(0)
    expect(await convertCommand([edux, pptx], io)).toBe(0)
    expect(await inspectCommand([edux], io)).toBe(0)
    expect(JSON.parse(io.outs.at(-1)!)).toMatchObject({ format: 'edux', slideCount: LESSON.titles.length })
    expect(await inspectCommand([pptx], io)).toBe(0)
    const report = JSON.parse(io.outs.at(-1)!)
    expect(report).toMatchObject({ format: 'pptx', slideCount: LESSON.titles.length })
    expect(report.titles[1]).toBe(LESSON.titles[1])
    expect(io.errs).toEqual([])
  })

  it('converts a folder, reports each file, and fails with a one-line reason if any file fails', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const inDir = join(t.dir, 'in')
    mkdirSync(inDir)
    writeFileSync(join(inDir, 'slides.pptx'), await pptxgenLesson())
    writeFileSync(join(inDir, 'plan.docx'), await lessonPlanDocx())
    writeFileSync(join(inDir, 'broken.pptx'), 'nope')
    const io = capture()
    expect(await convertCommand([inDir, join(t.dir, 'out'), '--split-heading', '1'], io)).toBe(1)
    expect(readdirSync(join(t.dir, 'out')).sort()).toEqual(['plan.edux', 'slides.edux'])
    expect(io.outs.some((l) => l.startsWith('failed broken.pptx:') && l.includes('not a valid zip'))).toBe(true)
    expect(io.errs).toHaveLength(1)
    expect(io.errs[0]).not.toContain('\n')
  })

  it('exits 1 with a one-line reason for unsupported conversions and missing files', async () => {
    const io = capture()
    expect(await convertCommand(['a.txt', 'b.edux'], io)).toBe(1)
    expect(await inspectCommand(['/no/such/file.pptx'], io)).toBe(1)
    expect(await convertCommand(['only-one-arg'], io)).toBe(1)
    expect(io.errs).toHaveLength(3)
    for (const e of io.errs) expect(e.split('\n')).toHaveLength(1)
  })
})
