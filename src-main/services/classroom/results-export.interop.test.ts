/**
 * Interop: the Excel workbook of a class's results opens in LibreOffice Calc, which reads
 * both sheets and every cell (Chinese text, numbers, text that looks like a formula) and can
 * save them again. Run with `npm run test:interop`; skips, saying why, without Calc.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { readXlsx } from '../../test-utils/xlsx-reader'
import { resultsXlsx, resultTables } from './results-export'
import type { RunResults } from '../../../src-shared/classroom/results'

function findCalc(): string | null {
  try {
    const bin = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim()
    // Calc is its own Debian package (libreoffice-calc); Impress alone cannot open a workbook.
    return bin && existsSync(join(dirname(realpathSync(bin)), 'libsclo.so')) ? bin : null
  } catch {
    return null
  }
}

const calc = findCalc()

function run(i: number, prompt: string, over: Partial<RunResults>): RunResults {
  return {
    runId: `run-${i}`,
    kind: 'single',
    prompt,
    labels: [],
    state: 'closed',
    closeReason: 'teacher',
    revealed: false,
    launchedAt: '2026-12-02T01:05:00.000Z',
    deadline: null,
    total: 2,
    answered: 0,
    students: [],
    counts: [],
    marked: 0,
    correct: 0,
    words: [],
    buzz: [],
    photos: [],
    spec: { kind: 'single', prompt, pictures: [], options: ['A', 'B', 'C', 'D'], correct: 1 },
    lessonSessionId: null,
    classSessionId: 'cs',
    closedAt: '2026-12-02T01:06:00.000Z',
    rows: [],
    ...over
  }
}

describe.skipIf(!calc)(
  `LibreOffice Calc interop${calc ? '' : ' — skipped: Calc is not installed (apt-get install libreoffice-calc)'}`,
  () => {
    it('opens our results workbook and saves the same cells back', () => {
      const people = [
        { id: 'a', name: '=HYPERLINK("x")', online: false, joined: true },
        { id: 'b', name: '欧阳小红', online: false, joined: true }
      ]
      const row = (studentId: string, name: string, text: string, correct: boolean) => ({
        studentId,
        name,
        answer: null,
        text,
        correct,
        seq: 1,
        receivedAt: null,
        rank: null
      })
      const tables = resultTables(
        [
          run(1, '下面哪个数最大？', {
            answered: 2,
            marked: 2,
            correct: 1,
            rows: [row('a', '', 'B', true), row('b', '', 'C', false)]
          })
        ],
        people
      )
      const t = tempDir()
      try {
        const file = join(t.dir, 'results.xlsx')
        writeFileSync(file, resultsXlsx(tables))
        const out = join(t.dir, 'out')
        execFileSync(
          calc!,
          [
            '--headless',
            `-env:UserInstallation=file://${join(t.dir, 'profile')}`,
            '--convert-to',
            'xlsx:Calc MS Excel 2007 XML',
            '--outdir',
            out,
            file
          ],
          { timeout: 120_000, stdio: 'ignore' }
        )
        const back = readXlsx(readFileSync(join(out, 'results.xlsx')))
        expect(Object.keys(back)).toEqual(['学生', '题目'])
        expect(back['学生']).toEqual([
          ['学生', '第1题 下面哪个数最大？', '第1题 正误', '答对', '可判题数'],
          ['=HYPERLINK("x")', 'B', '对', 1, 1],
          ['欧阳小红', 'C', '错', 0, 1]
        ])
        expect(back['题目']![1]!.slice(0, 7)).toEqual([1, '下面哪个数最大？', '单选题', 2, 2, 1, 50])
      } finally {
        t.cleanup()
      }
    }, 180_000)
  }
)
