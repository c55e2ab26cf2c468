/**
 * The one module that opens ClassDeck's SQLite database.
 *
 * Order of work on open: look at the file without writing to it (header, version, integrity);
 * refuse clearly when it is corrupt or from a newer ClassDeck; take a backup when migrations
 * are pending; only then open read-write in WAL mode and migrate, one transaction a migration.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import { join, dirname, basename } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import type { Migration } from './migrations'

export interface StorageOptions {
  /** Path of the database file. */
  readonly file: string
  readonly migrations: readonly Migration[]
  /** Where backups go; defaults to `<dir of file>/backups`. */
  readonly backupDir?: string
  readonly appVersion: string
  readonly now?: () => Date
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

export class StorageService {
  readonly db: Database
  readonly file: string
  readonly backupDir: string
  readonly schemaVersion: number
  /** The backup taken before this open's migrations, if any ran. */
  readonly backupTaken: string | null

  private constructor(db: Database, file: string, backupDir: string, backup: string | null) {
    this.db = db
    this.file = file
    this.backupDir = backupDir
    this.backupTaken = backup
    this.schemaVersion = db.pragma('user_version', { simple: true }) as number
  }

  static open(opts: StorageOptions): StorageService {
    const backupDir = opts.backupDir ?? join(dirname(opts.file), 'backups')
    const latest = checkMigrations(opts.migrations)
    mkdirSync(dirname(opts.file), { recursive: true })

    let backup: string | null = null
    if (existsSync(opts.file) && statSync(opts.file).size > 0) {
      const found = inspectExisting(opts.file, backupDir)
      if (found > latest) {
        throw new AppError(
          'DB_TOO_NEW',
          `数据库由更新版本的 ClassDeck 写入（数据版本 ${found}，本程序支持到 ${latest}）。请升级 ClassDeck；文件未被改动：${opts.file}` +
            lastBackupHint(backupDir, 'zh'),
          `The database was written by a newer ClassDeck (schema ${found}; this build knows up to ${latest}). ` +
            `Please update ClassDeck; the file was not changed: ${opts.file}` +
            lastBackupHint(backupDir, 'en'),
          { file: opts.file, found, supported: latest, lastBackup: lastBackup(backupDir) }
        )
      }
      if (found < latest) backup = takeBackup(opts.file, backupDir, found, opts.now?.() ?? new Date())
    }

    const db = new BetterSqlite3(opts.file)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      migrate(db, opts.migrations, opts.appVersion)
    } catch (err) {
      db.close()
      throw err
    }
    return new StorageService(db, opts.file, backupDir, backup)
  }

  /** Runs fn in one IMMEDIATE transaction: all of it is saved, or none. */
  transaction<T>(fn: (db: Database) => T): T {
    return this.db.transaction(() => fn(this.db)).immediate()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

function checkMigrations(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`)
  })
  return migrations.length
}

/** Reads the version of an existing file without writing to it; refuses a corrupt one. */
function inspectExisting(file: string, backupDir: string): number {
  const corrupt = (why: string, whyEn: string): AppError =>
    new AppError(
      'DB_CORRUPT',
      `数据库文件已损坏，无法打开（${why}）。文件未被改动：${file}` + lastBackupHint(backupDir, 'zh'),
      `The database file is damaged and cannot be opened (${whyEn}). The file was not changed: ${file}` +
        lastBackupHint(backupDir, 'en'),
      { file, lastBackup: lastBackup(backupDir) }
    )

  const header = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw corrupt('不是 SQLite 数据库', 'not an SQLite database')
  }
  // The header records the size in pages; a file shorter than that was cut off.
  const pageSizeRaw = header.readUInt16BE(16)
  const pageSize = pageSizeRaw === 1 ? 65536 : pageSizeRaw
  const pageCount = header.readUInt32BE(28)
  const size = statSync(file).size
  const walExists = existsSync(`${file}-wal`)
  if (!walExists && pageCount > 0 && size < pageCount * pageSize) {
    throw corrupt(
      `文件被截断：应有 ${pageCount * pageSize} 字节，实有 ${size} 字节`,
      `truncated: ${size} of ${pageCount * pageSize} bytes`
    )
  }

  let probe: Database | null = null
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const check = probe.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw corrupt(`完整性检查失败：${String(check)}`, `integrity check failed: ${String(check)}`)
    return probe.pragma('user_version', { simple: true }) as number
  } catch (err) {
    if (err instanceof AppError) throw err
    const msg = err instanceof Error ? err.message : String(err)
    throw corrupt(msg, msg)
  } finally {
    probe?.close()
  }
}

function migrate(db: Database, migrations: readonly Migration[], appVersion: string): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
  if (current < migrations.length || current === 0) {
    db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      'written_by',
      appVersion
    )
  }
}

function takeBackup(file: string, backupDir: string, fromVersion: number, now: Date): string {
  mkdirSync(backupDir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(backupDir, `${basename(file, '.db')}-v${fromVersion}-${stamp}.db`)
  // VACUUM INTO writes a consistent copy (WAL included) without touching the source.
  const src = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    src.prepare('VACUUM INTO ?').run(target)
  } finally {
    src.close()
  }
  return target
}

export function lastBackup(backupDir: string): string | null {
  if (!existsSync(backupDir)) return null
  const files = readdirSync(backupDir)
    .filter((f) => f.endsWith('.db'))
    .map((f) => join(backupDir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  return files[0] ?? null
}

function lastBackupHint(backupDir: string, lang: 'zh' | 'en'): string {
  const b = lastBackup(backupDir)
  if (lang === 'zh') return b ? `。最近的完好备份：${b}` : '。没有找到备份。'
  return b ? `. Last good backup: ${b}` : '. No backup was found.'
}
