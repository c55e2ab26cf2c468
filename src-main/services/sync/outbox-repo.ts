/**
 * Enqueue into the outbox. Call it inside the transaction that creates the record
 * (a finished lesson, a closed question run), so either both are saved or neither.
 * The row is stamped with its teacher now, not when it is sent: the lesson's own teacher when
 * the producer knows it, else the teacher this computer stamps new records with.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { OutboxDisplay, type OutboxTeacher } from '../../../src-shared/contract/sync'
import { currentTeacher } from './teacher-repo'

export interface OutboxItemInput {
  readonly kind: string
  readonly entityId: string
  readonly payload: unknown
  /** Stable per record; a fresh UUID when omitted. */
  readonly idempotencyKey?: string
  /** Whose record it is; omitted = the computer's current teacher (teacher-repo), null = nobody yet. */
  readonly teacher?: OutboxTeacher | null
  /** Class, title and date for the sync page. */
  readonly display?: OutboxDisplay
}

export function enqueueOutbox(db: Database, item: OutboxItemInput, now: Date = new Date()): number {
  const at = now.toISOString()
  const teacher = item.teacher === undefined ? currentTeacher(db) : item.teacher
  const display = item.display ? JSON.stringify(OutboxDisplay.parse(item.display)) : null
  const info = db
    .prepare(
      `INSERT INTO outbox(kind, entity_id, idempotency_key, payload, created_at, updated_at, teacher_id, teacher_name, display)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(idempotency_key) DO NOTHING`
    )
    .run(
      item.kind,
      item.entityId,
      item.idempotencyKey ?? randomUUID(),
      JSON.stringify(item.payload),
      at,
      at,
      teacher?.id ?? null,
      teacher?.name ?? null,
      display
    )
  return Number(info.lastInsertRowid)
}
