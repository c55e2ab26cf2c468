import { describe, expect, it, afterEach } from 'vitest'
import { existsSync, mkdirSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../test-utils/temp-dir'
import { convertCommand, inspectCommand, type CliIo } from './courseware-commands'

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus')

function capture(): CliIo & { outs: string[]; errs: string[] } {
  const outs: string[] = []
  const errs: string[] = []
  return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l) }
}

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe.runIf(existsSync(CORPUS))('classdeck convert / inspect', () => {
  it('converts pptx → edux → pptx and inspects each step', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const edux = join(t.dir, 'a.edux')
    const pptx = join(t.dir, 'a.pptx')
    const io = capture()
    expect(await convertCommand([join(CORPUS, 'pptx/txt-font-props.pptx'), edux], io)).toBe(0)
    expect(await convertCommand([edux, pptx], io)).toBe(0)
    expect(await inspectCommand([edux], io)).toBe(0)
    expect(JSON.parse(io.outs.at(-1)!)).toMatchObject({ format: 'edux', slideCount: 5 })
    expect(await inspectCommand([pptx], io)).toBe(0)
    const report = JSON.parse(io.outs.at(-1)!)
    expect(report).toMatchObject({ format: 'pptx', slideCount: 5 })
    expect(report.titles[1]).toBe('A default textbox')
    expect(io.errs).toEqual([])
  })

  it('converts a folder, reports each file, and fails with a one-line reason if any file fails', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const inDir = join(t.dir, 'in')
    mkdirSync(inDir)
    copyFileSync(join(CORPUS, 'pptx/sld-slides.pptx'), join(inDir, 'slides.pptx'))
    copyFileSync(join(CORPUS, 'docx/tables.docx'), join(inDir, 'plan.docx'))
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
