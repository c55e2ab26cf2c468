/**
 * The worker's side of the outbox table (outbox-migration.ts): claim the next deliverable row,
 * record the outcome. A row is deliverable when it is pending, its backoff has passed, and no
 * earlier row of the same (kind, entity_id) is still unsent, so each entity's rows arrive in order,
 * and it belongs to the signed-in teacher: a row never goes out under another teacher's account.
 */
import type { Database } from 'better-sqlite3'
import type { AppErrorData } from '../../../src-shared/errors'
import type { OutboxState } from '../../../src-shared/contract/sync'

export interface OutboxRow {
  id: number
  kind: string
  entity_id: string
  idempotency_key: string
  payload: string
  state: OutboxState
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  created_at: string
  updated_at: string
  sent_at: string | null
  teacher_id: string | null
  teacher_name: string | null
  display: string | null
}

export interface WaitingGroup {
  teacher: { id: string; name: string } | null
  count: number
}

export class OutboxQueue {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date
  ) {}

  /** After a crash: rows left 'sending' were never confirmed, so they go back to pending. */
  recoverInterrupted(): number {
    return this.db
      .prepare("UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending'")
      .run(this.#at()).changes
  }

  /** Takes the teacher's next deliverable row and marks it 'sending' (one transaction). */
  claimNext(teacherId: string): OutboxRow | undefined {
    return this.db
      .transaction(() => {
        const at = this.#at()
        const row = this.db
          .prepare(
            `SELECT o.* FROM outbox o INDEXED BY outbox_claim
             WHERE o.state = 'pending' AND o.teacher_id = ? AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind = o.kind AND p.entity_id = o.entity_id AND p.id < o.id AND p.state != 'sent')
             ORDER BY o.id LIMIT 1`
          )
          .get(teacherId, at) as OutboxRow | undefined
        if (!row) return undefined
        this.db
          .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?")
          .run(at, row.id)
        return { ...row, state: 'sending' as const, attempts: row.attempts + 1 }
      })
      .immediate()
  }

  markSent(id: number): void {
    const at = this.#at()
    this.db
      .prepare(
        "UPDATE outbox SET state = 'sent', sent_at = ?, updated_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?"
      )
      .run(at, at, id)
  }

  /** A permanent failure: stays visible with the platform's message until the teacher retries. */
  markFailed(id: number, error: AppErrorData): void {
    this.db
      .prepare(
        "UPDATE outbox SET state = 'failed', last_error = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?"
      )
      .run(JSON.stringify(error), this.#at(), id)
  }

  /** A transient failure: back to pending, not before `notBefore`. */
  reschedule(id: number, error: AppErrorData, notBefore: Date): void {
    this.db
      .prepare("UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(error), notBefore.toISOString(), this.#at(), id)
  }

  /** Not the row's fault (signed out, shutting down): back to pending without counting the attempt. */
  release(id: number, error: AppErrorData | null): void {
    this.db
      .prepare(
        "UPDATE outbox SET state = 'pending', attempts = MAX(attempts - 1, 0), last_error = COALESCE(?, last_error), updated_at = ? WHERE id = ? AND state = 'sending'"
      )
      .run(error ? JSON.stringify(error) : null, this.#at(), id)
  }

  /** Failed rows (one or all) back to pending, attempts reset. */
  retry(id?: number): number {
    const at = this.#at()
    const sql =
      "UPDATE outbox SET state = 'pending', attempts = 0, last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE state = 'failed'"
    return id === undefined
      ? this.db.prepare(sql).run(at).changes
      : this.db.prepare(`${sql} AND id = ?`).run(at, id).changes
  }

  /** Deletes a failed row for good (the teacher confirmed it on the sync page); false if it is not failed. */
  remove(id: number): boolean {
    return this.db.prepare("DELETE FROM outbox WHERE id = ? AND state = 'failed'").run(id).changes > 0
  }

  /** Rows made before teachers were stamped (one, or all) become the given teacher's. */
  claim(id: number | undefined, teacher: { id: string; name: string }): number {
    const sql =
      "UPDATE outbox SET teacher_id = ?, teacher_name = ?, updated_at = ? WHERE teacher_id IS NULL AND state != 'sent'"
    return id === undefined
      ? this.db.prepare(sql).run(teacher.id, teacher.name, this.#at()).changes
      : this.db.prepare(`${sql} AND id = ?`).run(teacher.id, teacher.name, this.#at(), id).changes
  }

  /** Unsent rows of everyone but `teacherId`, per teacher (null = made before stamping). */
  waiting(teacherId: string | null): WaitingGroup[] {
    const rows = this.db
      .prepare(
        `SELECT teacher_id AS id, MAX(teacher_name) AS name, COUNT(*) AS n FROM outbox
         WHERE state IN ('pending', 'failed') AND (teacher_id IS NULL OR teacher_id != ?)
         GROUP BY teacher_id ORDER BY MIN(id)`
      )
      .all(teacherId ?? '') as { id: string | null; name: string | null; n: number }[]
    return rows.map((r) => ({ teacher: r.id ? { id: r.id, name: r.name ?? r.id } : null, count: r.n }))
  }

  /** The teacher's own rows by state: what the page headline follows. */
  countsOf(teacherId: string): Record<OutboxState, number> & { due: number } {
    const out = { pending: 0, sending: 0, sent: 0, failed: 0, due: 0 }
    for (const r of this.db
      .prepare('SELECT state, COUNT(*) AS n FROM outbox WHERE teacher_id = ? GROUP BY state')
      .all(teacherId) as { state: OutboxState; n: number }[])
      out[r.state] = r.n
    out.due = (
      this.db
        .prepare(
          "SELECT COUNT(*) AS n FROM outbox WHERE teacher_id = ? AND state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        )
        .get(teacherId, this.#at()) as { n: number }
    ).n
    return out
  }

  /** Ends every backoff wait (the platform answers again, or the teacher pressed "sync now"). */
  clearBackoff(): void {
    this.db
      .prepare("UPDATE outbox SET next_attempt_at = NULL WHERE state = 'pending' AND next_attempt_at IS NOT NULL")
      .run()
  }

  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0 }
    for (const r of this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as {
      state: OutboxState
      n: number
    }[])
      out[r.state] = r.n
    return out
  }

  list(state: OutboxState | undefined, limit: number): OutboxRow[] {
    return state
      ? (this.db
          .prepare('SELECT * FROM outbox WHERE state = ? ORDER BY id DESC LIMIT ?')
          .all(state, limit) as OutboxRow[])
      : (this.db
          .prepare(
            "SELECT * FROM outbox ORDER BY CASE state WHEN 'sending' THEN 0 WHEN 'failed' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END, id DESC LIMIT ?"
          )
          .all(limit) as OutboxRow[])
  }

  get(id: number): OutboxRow | undefined {
    return this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined
  }

  /** Whether any of the teacher's pending rows could be delivered now or after its backoff (not held behind its entity's earlier rows). */
  hasDeliverable(teacherId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM outbox o WHERE o.state = 'pending' AND o.teacher_id = ?
             AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind = o.kind AND p.entity_id = o.entity_id AND p.id < o.id AND p.state != 'sent')
           LIMIT 1`
        )
        .get(teacherId) !== undefined
    )
  }

  /** When the teacher's earliest waiting row becomes due, if any. */
  nextDueAt(teacherId: string): Date | null {
    const r = this.db
      .prepare("SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND teacher_id = ?")
      .get(teacherId) as { at: string | null }
    return r.at ? new Date(r.at) : null
  }

  #at(): string {
    return this.now().toISOString()
  }
}
