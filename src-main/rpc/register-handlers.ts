/**
 * registerHandlers(services) → the one handler table that both hosts bind.
 * Each domain keeps its handlers in rpc/handlers/<domain>.ts; this file only joins them.
 */
import type { HandlerTable } from './handler-table'
import type { CallChannel } from '../../src-shared/contract'
import type { Services } from '../app-core'
import { systemHandlers } from './handlers/system'
import { settingsHandlers } from './handlers/settings'
import { lessonsHandlers } from './handlers/lessons'
import { classroomHandlers } from './handlers/classroom'
import { syncHandlers } from './handlers/sync'
import { lessonPlanHandlers } from './handlers/lesson-plans'
import { openLessonHandlers } from './handlers/open-lessons'
import { coursewareHandlers } from './handlers/courseware'
import { libraryHandlers } from './handlers/library'
import { statsHandlers } from './handlers/stats'
import { rostersHandlers } from './handlers/rosters'
import { recordingsHandlers } from './handlers/recordings'

export function registerHandlers(services: Services): HandlerTable {
  const table = {
    ...systemHandlers(services),
    ...settingsHandlers(services),
    ...lessonsHandlers(services),
    ...classroomHandlers(services),
    ...syncHandlers(services),
    ...lessonPlanHandlers(services),
    ...openLessonHandlers(services),
    ...coursewareHandlers(services),
    ...libraryHandlers(services),
    ...statsHandlers(services),
    ...rostersHandlers(services),
    ...recordingsHandlers(services)
  } satisfies Record<CallChannel, unknown>
  // Each domain's handlers are type-checked against its schemas in DomainHandlers;
  // `satisfies` above makes a channel without a handler a compile error.
  return table as unknown as HandlerTable
}
