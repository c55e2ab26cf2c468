/**
 * The question bank (题库): questions kept apart from decks, filed by chapter, kind and difficulty,
 * and imported from Word files written to the convention in docs/question-bank-import.md.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { Database } from 'better-sqlite3'
import { OLD_KIND_SPELLINGS, Question } from '../../../src-shared/courseware/question'
import {
  BankQuestionInput,
  normaliseSearchText,
  type BankQuestion,
  type ChapterPath
} from '../../../src-shared/library'
import { parsePaperText } from '../../../src-shared/library/paper-text'
import type { z } from 'zod'
import type { BankFilter, BankImportWord, BankImportResult, BankPage } from '../../../src-shared/contract/library'
import { AppError, validationError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'
import { filterSql } from './library-repo'
import { GuardedZip } from '../courseware/zip-guard'
import { DOCX_LIMITS } from '../importers/docx-import'
import { chapterFromColumns, chapterValues, type ChapterColumns } from './chapter-columns'

export interface QuestionBankDeps {
  readonly storage: StorageService
  readonly clock: () => Date
  readonly newId?: () => string
}

export interface BankChange {
  readonly ids: string[]
  readonly change: 'added' | 'removed'
}

interface BankRow extends ChapterColumns {
  id: string
  question: string
  difficulty: number
  tags: string
  source: string
  created_at: string
  updated_at: string
}

/** A Word file of questions is small; this bounds what mammoth is asked to read. */
const MAX_WORD_BYTES = 32 * 1024 * 1024

export class QuestionBankService {
  readonly #storage: StorageService
  readonly #clock: () => Date
  readonly #newId: () => string
  readonly #onDidChange = new Emitter<BankChange>()
  readonly onDidChange = this.#onDidChange.event

  constructor(deps: QuestionBankDeps) {
    this.#storage = deps.storage
    this.#clock = deps.clock
    this.#newId = deps.newId ?? randomUUID
  }

  #respelt = false

  get #db(): Database {
    const db = this.#storage.db
    if (!this.#respelt) {
      respellOldKinds(db)
      this.#respelt = true
    }
    return db
  }

  /** A filter as the contract parsed it: limit and offset filled in. */
  list({ chapter, kinds, difficulty, q, limit, offset }: z.output<typeof BankFilter>): BankPage {
    const f = filterSql({ chapter })
    if (kinds?.length) {
      f.where.push(`r.kind IN (${kinds.map(() => '?').join(',')})`)
      f.args.push(...kinds)
    }
    if (difficulty?.length) {
      f.where.push(`r.difficulty IN (${difficulty.map(() => '?').join(',')})`)
      f.args.push(...difficulty)
    }
    const needle = q ? normaliseSearchText(q).trim() : ''
    if (needle) {
      f.where.push('instr(r.prompt_norm, ?) > 0')
      f.args.push(needle)
    }
    const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : ''
    const rows = this.#db
      .prepare(`SELECT * FROM question_bank r ${where} ORDER BY r.updated_at DESC, r.id LIMIT ? OFFSET ?`)
      .all(...f.args, limit, offset) as BankRow[]
    const { n } = this.#db.prepare(`SELECT count(*) AS n FROM question_bank r ${where}`).get(...f.args) as { n: number }
    return { items: rows.map(toBankQuestion), total: n }
  }

  #get(id: string): BankQuestion {
    return toBankQuestion(this.#row(id))
  }

  /**
   * Adds one question written by hand. No call carries it yet (the bank has no editor), so its
   * input is checked here, where it comes in.
   */
  add(input: BankQuestionInput): BankQuestion {
    const parsed = BankQuestionInput.safeParse(input)
    if (!parsed.success) throw validationError('question-bank', parsed.error.issues)
    const id = this.#newId()
    this.#storage.transaction((db) => insert(db, id, { ...parsed.data, source: 'manual' }, this.#clock().toISOString()))
    this.#onDidChange.fire({ ids: [id], change: 'added' })
    return this.#get(id)
  }

  remove(id: string): { removed: true } {
    this.#storage.transaction((db) => {
      this.#row(id, db)
      db.prepare('DELETE FROM question_bank WHERE id = ?').run(id)
    })
    this.#onDidChange.fire({ ids: [id], change: 'removed' })
    return { removed: true }
  }

  /** Reads a Word file's questions; every readable one is added in one write, the rest are reported. */
  async importWord(data: BankImportWord): Promise<BankImportResult> {
    const name = 'path' in data ? basename(data.path) : data.fileName
    if (!/\.docx$/i.test(name)) {
      throw new AppError(
        'FILE_INVALID',
        `“${name}”不是 .docx 文件。请在 Word 或 WPS 中另存为 .docx 后再导入题目。`,
        `"${name}" is not a .docx file. Save it as .docx in Word or WPS, then import the questions.`,
        { file: name }
      )
    }
    const text = await rawText(
      'path' in data ? { path: data.path } : { buffer: Buffer.from(data.dataBase64, 'base64') },
      name
    )
    const { questions, problems } = parsePaperText(text)
    const accepted: { question: Question; difficulty: number | null }[] = []
    const allProblems = [...problems]
    for (const pq of questions) {
      const q = Question.safeParse(pq.question)
      if (q.success) accepted.push({ question: q.data, difficulty: pq.difficulty })
      else {
        const why = q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')
        allProblems.push({
          number: pq.number,
          line: 0,
          message: `${pq.label}：无法保存（${why}），已跳过。`,
          messageEn: `${pq.labelEn[0]!.toUpperCase()}${pq.labelEn.slice(1)}: cannot be saved (${why}); skipped.`
        })
      }
    }
    if (accepted.length === 0 && allProblems.length === 0) {
      throw new AppError(
        'FILE_INVALID',
        `在“${name}”里没有找到题目。题目需要按“1. 题干 / A. 选项 / 答案：B”的格式书写，见《题库导入格式》说明。`,
        `No questions were found in "${name}". Write them as "1. stem / A. option / 答案：B"; see the question bank import guide.`,
        { file: name }
      )
    }
    const at = this.#clock().toISOString()
    const ids = accepted.map(() => this.#newId())
    this.#storage.transaction((db) => {
      accepted.forEach((a, i) =>
        insert(
          db,
          ids[i]!,
          {
            question: a.question,
            chapter: data.chapter ?? {},
            difficulty: a.difficulty ?? data.difficulty ?? 3,
            tags: data.tags ?? [],
            source: `word:${name}`
          },
          at
        )
      )
    })
    if (ids.length) this.#onDidChange.fire({ ids, change: 'added' })
    return { added: ids.map((id) => this.#get(id)), problems: allProblems }
  }

  dispose(): void {
    this.#onDidChange.dispose()
  }

  #row(id: string, db: Database = this.#db): BankRow {
    const row = db.prepare('SELECT * FROM question_bank WHERE id = ?').get(id) as BankRow | undefined
    if (!row) {
      throw new AppError(
        'NOT_FOUND',
        `题库里没有这道题（${id}），它可能已被删除。请刷新列表。`,
        `Question ${id} is not in the bank; it may have been removed. Refresh the list.`,
        { id }
      )
    }
    return row
  }
}

async function rawText(input: { path: string } | { buffer: Buffer }, name: string): Promise<string> {
  if ('buffer' in input && input.buffer.byteLength > MAX_WORD_BYTES) {
    throw new AppError(
      'LIMIT',
      `“${name}”超过 32 MB，不像是一份题目文档。请去掉其中的大图片后再导入。`,
      `"${name}" is over 32 MB, too large for a question document. Remove large pictures and import it again.`,
      { file: name }
    )
  }
  try {
    const bytes = 'buffer' in input ? input.buffer : await readFile(input.path)
    // mammoth's JSZip inflates whole entries with no limit: each is first checked against its declared size.
    GuardedZip.open(name, bytes, DOCX_LIMITS).verify()
    const mammoth = (await import('mammoth')).default // loaded on first import, not at start-up
    return (await mammoth.extractRawText({ buffer: bytes })).value
  } catch (e) {
    // A zip bomb is refused as the limit it is; other refusals of the guard read as a damaged file.
    if (e instanceof AppError && e.code === 'LIMIT') throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      throw new AppError(
        'NOT_FOUND',
        `找不到文件“${name}”。请确认文件仍在原处后重试。`,
        `The file "${name}" was not found. Check that it is still there and try again.`,
        { file: name }
      )
    }
    const guard = e instanceof AppError ? (e.details as { reason?: string; reasonZh?: string } | undefined) : undefined
    const why = guard?.reason ?? (e instanceof Error ? e.message : String(e))
    const whyZh = guard?.reasonZh ?? why
    throw new AppError(
      'FILE_INVALID',
      `无法读取 Word 文件“${name}”（${whyZh}）。请用 Word 打开后另存为 .docx 再导入。`,
      `Could not read the Word file "${name}" (${why}). Open it in Word, save as .docx and import it again.`,
      { file: name }
    )
  }
}

interface InsertData {
  question: Question
  chapter: ChapterPath
  difficulty: number
  tags: string[]
  source: string
}

function insert(db: Database, id: string, d: InsertData, at: string, createdAt: string = at): void {
  db.prepare(
    `INSERT INTO question_bank(id, kind, question, prompt_norm, stage_id, stage_name, subject_id, subject_name, edition_id, edition_name,
       volume_id, volume_name, chapter_id, chapter_name, difficulty, tags, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    d.question.kind,
    JSON.stringify(d.question),
    normaliseSearchText(d.question.prompt),
    ...chapterValues(d.chapter),
    d.difficulty,
    JSON.stringify(d.tags),
    d.source,
    createdAt,
    at
  )
}

function toBankQuestion(r: BankRow): BankQuestion {
  return {
    id: r.id,
    question: Question.parse(JSON.parse(r.question)),
    chapter: chapterFromColumns(r),
    difficulty: r.difficulty,
    tags: JSON.parse(r.tags) as string[],
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

/**
 * Questions saved before .edux format 2 spell two kinds `true-false` and `fill-in`; they are respelt
 * once per start, in one transaction, before anything reads the bank (a no-op when none are left).
 * Done here rather than as a numbered storage migration so that it runs from the same table of old
 * spellings as the .edux migration.
 */
export function respellOldKinds(db: Database): void {
  const fix = db.prepare(
    `UPDATE question_bank SET kind = @to, question = json_set(question, '$.kind', @to) WHERE kind = @from`
  )
  db.transaction(() => {
    for (const [from, to] of Object.entries(OLD_KIND_SPELLINGS)) fix.run({ from, to })
  })()
}
