import type { Migration } from '../storage/migrations'

/**
 * The teacher who gave a lesson, fixed when it starts (the signed-in teacher, or the one chosen
 * at lesson start on a shared PC). Its quiz results and its outbox row carry the same teacher,
 * and the activity estimate counts only the current teacher's lessons. NULL: before this column.
 */
export const lessonsTeacherMigration: Migration = {
  version: 11,
  name: 'lessons: the teacher of each lesson',
  up(db) {
    db.exec(`
      ALTER TABLE lesson_sessions ADD COLUMN teacher_id TEXT;
      ALTER TABLE lesson_sessions ADD COLUMN teacher_name TEXT;
      CREATE INDEX lesson_sessions_teacher ON lesson_sessions(teacher_id, started_at);
    `)
  }
}
