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
import type { Leaderboard } from '../../../src-shared/classroom/points'

export interface ResultTables {
  students: XlsxSheet
  questions: XlsxSheet
  /** Only for a class opened with points: its 排行榜, and its teams' totals in team mode. */
  ranking?: XlsxSheet
  teams?: XlsxSheet
}

export function resultTables(
  runs: readonly RunResults[],
  people: readonly TallyPerson[],
  board?: Leaderboard
): ResultTables {
  const points = board?.enabled ? new Map(board.students.map((s) => [s.studentId, s])) : null
  const header = ['学生']
  runs.forEach((r, i) => {
    header.push(`第${i + 1}题 ${r.spec.prompt || QUESTION_KIND_ZH[r.kind]}`.slice(0, 60))
    header.push(`第${i + 1}题 正误`)
  })
  header.push('答对', '可判题数')
  if (points) header.push('得分')
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
    if (points) cells.push(points.get(p.id)?.points ?? 0)
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
  const ranking: Pick<ResultTables, 'ranking' | 'teams'> = {}
  if (board?.enabled) {
    ranking.ranking = {
      name: '排行榜',
      header: ['名次', '学生', '小组', '答对', '得分'],
      rows: board.students.map((s) => [s.rank, s.name, s.team ?? '', s.right, s.points])
    }
    if (board.teams.length) {
      ranking.teams = {
        name: '小组',
        header: ['名次', '小组', '人数', '得分'],
        rows: board.teams.map((t) => [t.rank, t.name, t.members, t.points])
      }
    }
  }
  return {
    ...ranking,
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
  return writeXlsx([t.students, t.questions, ...(t.ranking ? [t.ranking] : []), ...(t.teams ? [t.teams] : [])])
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
