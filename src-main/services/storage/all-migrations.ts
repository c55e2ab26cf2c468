/**
 * Every migration ClassDeck ships, in order (version = position). Append only once shipped.
 * Each domain keeps its migration beside its service.
 */
import { coreMigration, type Migration } from './migrations'
import { outboxMigration } from '../sync/outbox-migration'
import { lessonsMigration } from '../lessons/lessons-migration'
import { answerJournalMigration, classroomMigration } from '../classroom/classroom-migration'
import { coursewareMigration } from '../courseware/courseware-migration'
import { syncStateMigration } from '../sync/sync-state-migration'
import { libraryMigration } from '../library/library-migration'
import { rostersMigration } from '../rosters/rosters-migration'
import { outboxTeacherMigration } from '../sync/outbox-teacher-migration'
import { lessonsTeacherMigration } from '../lessons/lessons-teacher-migration'
import { lessonsInkMigration } from '../lessons/lessons-ink-migration'
import { lessonsInkCompleteMigration } from '../lessons/lessons-ink-complete-migration'
import { classPointsMigration } from '../classroom/points-migration'
import { lessonsStepMigration } from '../lessons/lessons-step-migration'
import { rosterGroupsMigration } from '../rosters/rosters-groups-migration'

export const allMigrations: readonly Migration[] = [
  coreMigration, // 1
  outboxMigration, // 2
  lessonsMigration, // 3
  classroomMigration, // 4
  coursewareMigration, // 5
  syncStateMigration, // 6
  libraryMigration, // 7
  rostersMigration, // 8
  answerJournalMigration, // 9
  outboxTeacherMigration, // 10
  lessonsTeacherMigration, // 11
  lessonsInkMigration, // 12
  classPointsMigration, // 13
  lessonsInkCompleteMigration, // 14
  lessonsStepMigration, // 15
  rosterGroupsMigration // 16
]
