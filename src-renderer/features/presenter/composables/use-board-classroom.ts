/**
 * The board's view of the classroom store during a lesson: the class (URL, QR, PIN, who joined),
 * the live tally of the question on screen and its key, the phone remote's pairing code, and
 * its commands handed to the presenter. The store is the one the 课堂互动 console reads too, so
 * a class closed here is closed there, and the other way round.
 */
import { computed, getCurrentInstance, onBeforeUnmount } from 'vue'
import { storeToRefs } from 'pinia'
import type { ClassroomStatus, RemoteEvent } from '../../../../src-shared/contract/classroom'
import type { RosterEntry } from '../../../../src-shared/classroom/protocol'
import type { PointsRulesInput } from '../../../../src-shared/classroom/points'
import type { ClassroomStore } from '../../../stores/classroom'

export interface BoardClassroomHooks {
  /** A question run this window has not seen yet (launched here or from the phone). */
  onRun?: (runId: string, kind: string) => void
  onRemote?: (e: RemoteEvent) => void
}

/** A class that is not this lesson's, as the board shows it: closed, nothing of it on screen. */
export function notThisLesson(s: ClassroomStatus): ClassroomStatus {
  return {
    ...s,
    open: false,
    classSessionId: null,
    title: '',
    lessonSessionId: null,
    url: null,
    pin: null,
    qrSvg: null,
    qrDataUrl: null,
    host: null,
    port: null,
    students: [],
    currentRunId: null,
    remoteConnected: false,
    deviceRequests: []
  }
}

/**
 * `lessonId` is the session id of the lesson on the board (null until it has started): a class
 * belongs to one lesson, so one left open by another lesson or page shows here as closed (its
 * PIN, roster and question stay off this board), and opening class closes it first.
 */
export function useBoardClassroom(
  store: ClassroomStore,
  hooks: BoardClassroomHooks = {},
  lessonId: () => string | null = () => null,
  className: () => string = () => ''
) {
  const { interfaces, spec, remote: code, busy, error } = storeToRefs(store)
  const mine = computed(() => store.belongsTo(lessonId(), className()))
  const status = computed(() => {
    const s = store.status
    return s && s.open && !mine.value ? notThisLesson(s) : s
  })
  const tally = computed(() => (mine.value ? store.tally : null))
  const remote = computed(() => (mine.value ? code.value : null))
  const offs = [
    ...(hooks.onRun ? [store.onRun((runId, kind) => mine.value && hooks.onRun!(runId, kind))] : []),
    ...(hooks.onRemote ? [store.onRemote((e) => mine.value && hooks.onRemote!(e))] : [])
  ]
  const dispose = (): void => offs.splice(0).forEach((off) => off())
  if (getCurrentInstance()) onBeforeUnmount(dispose)

  return {
    status,
    interfaces,
    tally,
    spec,
    remote,
    busy,
    error,
    hydrate: store.hydrate,
    /** Opens class for this lesson (closing another lesson's first); nothing before the lesson has started. */
    open: async (
      title: string,
      roster: RosterEntry[] | undefined,
      host: string | undefined,
      points?: PointsRulesInput
    ) => {
      const id = lessonId()
      if (!id) return null
      return store.openForLesson(title, id, {
        ...(roster ? { roster } : {}),
        ...(host ? { host } : {}),
        ...(points ? { points } : {})
      })
    },
    close: store.close,
    launch: store.launch,
    closeQuestion: store.closeQuestion,
    reveal: store.reveal,
    setKey: store.setKey,
    pairRemote: store.pairRemote,
    photo: store.photo,
    dispose
  }
}

export type BoardClassroom = ReturnType<typeof useBoardClassroom>
