import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync, existsSync, readdirSync, truncateSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { StorageService } from './storage-service'
import { coreMigration, type Migration } from './migrations'
import { AppError } from '../../../src-shared/errors'
import { tempDir } from '../../test-utils/temp-dir'

const second: Migration = {
  version: 2,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
}

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected a refusal, but the database opened')
}

describe('StorageService', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  beforeEach(() => {
    t = tempDir()
    file = join(t.dir, 'classdeck.db')
  })
  afterEach(() => t.cleanup())

  it('creates a new database in WAL mode at the latest schema version', () => {
    const s = StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.0.0' })
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(s.schemaVersion).toBe(2)
    expect(s.backupTaken).toBeNull()
    s.close()
  })

  it('backs up the old file before migrating, and keeps its data', () => {
    const s1 = StorageService.open({ file, migrations: [coreMigration], appVersion: '1.0.0' })
    s1.db.prepare("INSERT INTO settings VALUES ('language', '\"en\"', 'x')").run()
    s1.close()
    const s2 = StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.1.0' })
    expect(s2.schemaVersion).toBe(2)
    expect(s2.backupTaken).not.toBeNull()
    const backup = new BetterSqlite3(s2.backupTaken!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' })
    backup.close()
    expect(s2.db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en"' })
    s2.close()
  })

  it('refuses a database written by a newer ClassDeck, names the last backup, and leaves the file untouched', () => {
    const s1 = StorageService.open({ file, migrations: [coreMigration], appVersion: '1.0.0' })
    s1.close()
    StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.1.0' }).close()
    // A "future" ClassDeck bumps the version past anything this build knows.
    const future = new BetterSqlite3(file)
    future.pragma('user_version = 99')
    future.pragma('journal_mode = DELETE')
    future.close()
    const before = readFileSync(file)

    const err = refusal(() => StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.1.0' }))
    expect(err.code).toBe('DB_TOO_NEW')
    expect(err.message).toContain('更新版本')
    expect(err.messageEn).toContain('newer ClassDeck')
    const backups = readdirSync(join(t.dir, 'backups'))
    expect(backups).toHaveLength(1)
    expect(err.message).toContain(backups[0])
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a truncated database clearly and leaves the file untouched', () => {
    const s = StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.0.0' })
    const insert = s.db.prepare('INSERT INTO notes(body) VALUES (?)')
    for (let i = 0; i < 2000; i++) insert.run(`note ${i} `.repeat(20))
    s.db.pragma('wal_checkpoint(TRUNCATE)')
    s.db.pragma('journal_mode = DELETE')
    s.close()
    truncateSync(file, Math.floor(statSync(file).size / 2))
    const before = readFileSync(file)

    const err = refusal(() => StorageService.open({ file, migrations: [coreMigration, second], appVersion: '1.0.0' }))
    expect(err.code).toBe('DB_CORRUPT')
    expect(err.message).toContain('损坏')
    expect(err.messageEn).toContain('damaged')
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file that is not a database at all', () => {
    writeFileSync(file, 'this is a lesson plan, not a database'.repeat(10))
    const err = refusal(() => StorageService.open({ file, migrations: [coreMigration], appVersion: '1.0.0' }))
    expect(err.code).toBe('DB_CORRUPT')
    expect(readFileSync(file, 'utf8')).toContain('lesson plan')
  })

  it('rolls back a failing migration and leaves the previous version in place', () => {
    StorageService.open({ file, migrations: [coreMigration], appVersion: '1.0.0' }).close()
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (id INTEGER)')
        throw new Error('boom')
      }
    }
    expect(() => StorageService.open({ file, migrations: [coreMigration, broken], appVersion: '1.0.0' })).toThrow(
      'boom'
    )
    const db = new BetterSqlite3(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined()
    db.close()
  })
})
