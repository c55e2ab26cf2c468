/**
 * The board's view of the classroom store during a lesson: the class (URL, QR, PIN, who joined),
 * the live tally of the question on screen and its key, the phone remote's pairing code, and
 * its commands handed to the presenter. The store is the one the 课堂互动 console reads too, so
 * a class closed here is closed there, and the other way round.
 */
import { getCurrentInstance, onBeforeUnmount } from 'vue'
import { storeToRefs } from 'pinia'
import type { RemoteEvent } from '../../../../src-shared/contract/classroom'
import type { RosterEntry } from '../../../../src-shared/classroom/protocol'
import type { ClassroomStore } from '../../../stores/classroom'

export interface BoardClassroomHooks {
  /** A question run this window has not seen yet (launched here or from the phone). */
  onRun?: (runId: string, kind: string) => void
  onRemote?: (e: RemoteEvent) => void
}

export function useBoardClassroom(store: ClassroomStore, hooks: BoardClassroomHooks = {}) {
  const { status, interfaces, tally, spec, remote, busy, error } = storeToRefs(store)
  const offs = [
    ...(hooks.onRun ? [store.onRun(hooks.onRun)] : []),
    ...(hooks.onRemote ? [store.onRemote(hooks.onRemote)] : [])
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
    open: (title: string, roster: RosterEntry[] | undefined, host: string | undefined) =>
      store.open(title, { ...(roster ? { roster } : {}), ...(host ? { host } : {}) }),
    close: store.close,
    launch: store.launch,
    closeQuestion: store.closeQuestion,
    reveal: store.reveal,
    pairRemote: store.pairRemote,
    photo: store.photo,
    dispose
  }
}

export type BoardClassroom = ReturnType<typeof useBoardClassroom>
