/**
 * Enqueue into the outbox. Call it inside the transaction that creates the record
 * (a finished lesson, a closed question run), so either both are saved or neither.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'

export interface OutboxItemInput {
  readonly kind: string
  readonly entityId: string
  readonly payload: unknown
  /** Stable per record; a fresh UUID when omitted. */
  readonly idempotencyKey?: string
}

export function enqueueOutbox(db: Database, item: OutboxItemInput, now: Date = new Date()): number {
  const at = now.toISOString()
  const info = db
    .prepare(
      `INSERT INTO outbox(kind, entity_id, idempotency_key, payload, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(idempotency_key) DO NOTHING`
    )
    .run(item.kind, item.entityId, item.idempotencyKey ?? randomUUID(), JSON.stringify(item.payload), at, at)
  return Number(info.lastInsertRowid)
}
