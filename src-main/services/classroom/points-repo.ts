/**
 * The points rules saved with a class. Rows are read back through the shared schema: a row this
 * version cannot read (edited by hand, or from a later ClassDeck) means "no points", never a crash.
 */
import type { Database } from 'better-sqlite3'
import { PointsRules } from '../../../src-shared/classroom/points'

export class PointsRepo {
  constructor(readonly db: Database) {}

  save(classSessionId: string, rules: PointsRules): void {
    this.db
      .prepare('INSERT OR REPLACE INTO class_points(class_session_id, rules) VALUES (?, ?)')
      .run(classSessionId, JSON.stringify(rules))
  }

  rules(classSessionId: string): PointsRules | null {
    const row = this.db.prepare('SELECT rules FROM class_points WHERE class_session_id = ?').get(classSessionId) as
      { rules: string } | undefined
    if (!row) return null
    try {
      const parsed = PointsRules.safeParse(JSON.parse(row.rules))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
}
