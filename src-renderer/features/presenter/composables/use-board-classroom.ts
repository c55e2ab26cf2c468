/**
 * The board's side of 课堂互动 during a lesson: the class (URL, QR, PIN, who joined), the live
 * tally of the question on screen — replaced whole by each `classroom:tally` event, never polled —
 * the phone remote's pairing code, and its commands handed to the presenter.
 */
import { getCurrentInstance, onBeforeUnmount, ref, shallowRef } from 'vue'
import type { ClassroomStatus, NetInterface, RemoteEvent } from '../../../../src-shared/contract/classroom'
import type { RosterEntry } from '../../../../src-shared/classroom/protocol'
import { QuestionSpec, type QuestionSpecInput } from '../../../../src-shared/classroom/question'
import type { RunTally } from '../../../../src-shared/classroom/results'
import type { Transport } from '../../../transport'
import { newerTally } from '../board-classroom'
import { useBusyCall } from '../../../composables/use-busy-call'

export type ClassroomRpc = Pick<Transport, 'invoke' | 'on'>

export interface BoardClassroomHooks {
  /** A question run this board has not seen yet (launched here or from the phone). */
  onRun?: (runId: string, kind: string) => void
  onRemote?: (e: RemoteEvent) => void
}

export function useBoardClassroom(rpc: ClassroomRpc, hooks: BoardClassroomHooks = {}) {
  const status = ref<ClassroomStatus | null>(null)
  const interfaces = ref<NetInterface[]>([])
  const tally = shallowRef<RunTally | null>(null)
  /** The key of the run on screen, when known (launched from here, or read back after the reveal). */
  const spec = shallowRef<QuestionSpec | null>(null)
  const remote = ref<{ url: string; qrDataUrl: string; expiresAt: string } | null>(null)
  const { busy, error, run } = useBusyCall()
  const seenRuns = new Set<string>()
  const specs = new Map<string, QuestionSpec>()

  function showTally(x: RunTally): void {
    if (!newerTally(tally.value, x)) return
    tally.value = x
    spec.value = specs.get(x.runId) ?? null
    if (!seenRuns.has(x.runId)) {
      seenRuns.add(x.runId)
      hooks.onRun?.(x.runId, x.kind)
    }
    if (x.revealed && !specs.has(x.runId)) void learnKey(x.runId)
  }

  const offs = [
    rpc.on('classroom:status-changed', (s) => {
      // Once the phone has paired, its one-time code leaves the board: the back row need not see it.
      if (s.remoteConnected && !status.value?.remoteConnected) remote.value = null
      status.value = s
      if (!s.open) {
        remote.value = null
        tally.value = null
      }
    }),
    rpc.on('classroom:tally', showTally),
    rpc.on('classroom:remote', (e) => hooks.onRemote?.(e))
  ]
  const dispose = (): void => offs.splice(0).forEach((off) => off())
  if (getCurrentInstance()) onBeforeUnmount(dispose)

  /** A run revealed from the phone: its key comes with its results, so the right bar can be lit. */
  async function learnKey(runId: string): Promise<void> {
    try {
      const r = await rpc.invoke('classroom:results', { runId })
      specs.set(runId, r.spec)
      if (tally.value?.runId === runId) spec.value = r.spec
    } catch {
      // Without the key the bars simply stay uncoloured.
    }
  }

  async function hydrate(): Promise<void> {
    await run(async () => {
      const [st, list] = await Promise.all([rpc.invoke('classroom:status', {}), rpc.invoke('classroom:interfaces', {})])
      status.value = st
      interfaces.value = list
    })
  }

  const open = (title: string, roster: RosterEntry[] | undefined, host: string | undefined) =>
    run(async () => {
      status.value = await rpc.invoke('classroom:open', {
        title: [...title].slice(0, 80).join('') || '课堂互动',
        ...(roster ? { roster } : {}),
        ...(host ? { host } : {})
      })
      return status.value
    })

  const close = () =>
    run(async () => {
      status.value = await rpc.invoke('classroom:close', {})
      tally.value = null
      remote.value = null
    })

  const launch = (input: QuestionSpecInput) =>
    run(async () => {
      const parsed = QuestionSpec.parse(input)
      const t = await rpc.invoke('classroom:launch', { spec: parsed })
      specs.set(t.runId, parsed)
      showTally(t)
      return t
    })

  const closeQuestion = () =>
    tally.value &&
    run(async () => showTally(await rpc.invoke('classroom:close-question', { runId: tally.value!.runId })))
  const reveal = () =>
    tally.value && run(async () => showTally(await rpc.invoke('classroom:reveal', { runId: tally.value!.runId })))
  const pairRemote = () => run(async () => (remote.value = await rpc.invoke('classroom:remote-token', {})))
  const photo = (photoId: string) => run(() => rpc.invoke('classroom:photo', { photoId }))

  return {
    status,
    interfaces,
    tally,
    spec,
    remote,
    busy,
    error,
    hydrate,
    open,
    close,
    launch,
    closeQuestion,
    reveal,
    pairRemote,
    photo,
    dispose
  }
}

export type BoardClassroom = ReturnType<typeof useBoardClassroom>
