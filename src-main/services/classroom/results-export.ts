/**
 * One class's results as tables, for the teacher to keep or hand in: a row per student (the
 * answer and right/wrong for each question, then totals) and a row per question (kind,
 * answered, correct rate, times). The same tables go out as CSV or as an Excel workbook.
 */
import { QUESTION_KIND_ZH } from '../../../src-shared/classroom/question'
import { csvCell } from '../../../src-shared/classroom/names'
import { correctRate, type RunResults } from '../../../src-shared/classroom/results'
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../../../src-shared/tables/xlsx'
import type { SessionRow } from './classroom-repo'
import type { TallyPerson } from './tally'

export interface ResultTables {
  students: XlsxSheet
  questions: XlsxSheet
}

export function resultTables(runs: readonly RunResults[], people: readonly TallyPerson[]): ResultTables {
  const header = ['学生']
  runs.forEach((r, i) => {
    header.push(`第${i + 1}题 ${r.spec.prompt || QUESTION_KIND_ZH[r.kind]}`.slice(0, 60))
    header.push(`第${i + 1}题 正误`)
  })
  header.push('答对', '可判题数')
  const byRun = runs.map((r) => new Map(r.rows.map((row) => [row.studentId, row])))
  const studentRows = people.map((p) => {
    const cells: XlsxCell[] = [p.name]
    let right = 0
    let marked = 0
    byRun.forEach((rows) => {
      const row = rows.get(p.id)
      cells.push(row?.text ?? '')
      const correct = row?.correct ?? null
      cells.push(correct === null ? '' : correct ? '对' : '错')
      if (correct !== null) {
        marked++
        if (correct) right++
      }
    })
    cells.push(right, marked)
    return cells
  })
  const questionRows = runs.map((r, i) => {
    const rate = correctRate(r)
    return [
      i + 1,
      r.spec.prompt,
      QUESTION_KIND_ZH[r.kind],
      r.answered,
      r.total,
      r.marked ? r.correct : '',
      rate === null ? '' : rate,
      localTime(r.launchedAt),
      localTime(r.closedAt)
    ]
  })
  return {
    students: { name: '学生', header, rows: studentRows },
    questions: {
      name: '题目',
      header: ['序号', '题目', '题型', '作答人数', '全班人数', '答对人数', '正确率(%)', '开始时间', '结束时间'],
      rows: questionRows
    }
  }
}

/** The per-student table as CSV: UTF-8 with a BOM and CRLF, so Excel opens the Chinese right. */
export function studentsCsv(t: ResultTables): string {
  const lines = [t.students.header, ...t.students.rows].map((row) => row.map((c) => csvCell(c)).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function resultsXlsx(t: ResultTables): Uint8Array {
  return writeXlsx([t.students, t.questions])
}

/** `课堂互动_<title>_<day>.<ext>`, safe on Windows and macOS. */
export function exportFileName(session: SessionRow, ext: 'csv' | 'xlsx'): string {
  const day = session.openedAt.slice(0, 10)
  const safeTitle = session.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)
  return `课堂互动_${safeTitle}_${day}.${ext}`
}

/** "2026-12-02 09:05" in the computer's own time zone: what the teacher's clock said. */
function localTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
