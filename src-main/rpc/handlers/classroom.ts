import type { classroomCalls } from '../../../src-shared/contract/classroom'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function classroomHandlers(s: Services): DomainHandlers<typeof classroomCalls> {
  const c = s.classroom
  return {
    'classroom:interfaces': () => c.interfaces(),
    // A class opened or a question launched while a lesson is being taught belongs to that lesson
    // (and so to its class, for the statistics), unless the caller says otherwise.
    'classroom:open': (input) =>
      c.open({ ...input, lessonSessionId: input.lessonSessionId ?? s.lessons.current()?.sessionId }),
    'classroom:close': () => c.close(),
    'classroom:status': () => c.status(),
    'classroom:launch': ({ spec, lessonSessionId }) =>
      c.launch(spec, lessonSessionId ?? s.lessons.current()?.sessionId),
    'classroom:close-question': ({ runId }) => c.closeQuestion(runId),
    'classroom:reveal': ({ runId }) => c.reveal(runId),
    'classroom:set-key': ({ runId, bars }) => c.setKey(runId, bars),
    'classroom:results': ({ runId }) => c.results(runId),
    'classroom:runs': ({ classSessionId }) => c.runs(classSessionId),
    'classroom:export-csv': ({ classSessionId }) => c.exportCsv(classSessionId),
    'classroom:export-xlsx': ({ classSessionId }) => c.exportXlsx(classSessionId),
    'classroom:remote-token': () => c.remoteToken(),
    'classroom:decide-device': ({ requestId, approve }) => c.decideDevice(requestId, approve),
    'classroom:leaderboard': ({ classSessionId }) => c.leaderboard(classSessionId),
    'classroom:board-picked': ({ name }) => c.boardPicked(name),
    'classroom:photo': ({ photoId }) => c.photo(photoId)
  }
}
