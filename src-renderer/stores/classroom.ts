/**
 * 课堂互动 as every page of this window sees it: the class (URL, PIN, QR, who joined), the live
 * tally of the question on screen, its key once known, the phone remote's pairing code, and how
 * many questions the last class asked. The 课堂互动 console, the board and the teach page all read
 * this one store, and the service's events keep it current whichever of them (or the phone, or
 * another window) acted — so closing class from the board leaves no stale tally on the console.
 *
 * The tally is replaced whole by each `classroom:tally` event (shallowRef: it can change many
 * times a second). The remote's commands are not state: pages subscribe with `onRemote`.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ClassroomStatus, NetInterface, RemoteEvent } from '../../src-shared/contract/classroom'
import type { RosterEntry } from '../../src-shared/classroom/protocol'
import type { PointsRulesInput } from '../../src-shared/classroom/points'
import { QuestionSpec, type QuestionSpecInput } from '../../src-shared/classroom/question'
import { kindModule } from '../../src-shared/classroom/kinds'
import type { RunResults, RunTally } from '../../src-shared/classroom/results'
import { AppError } from '../../src-shared/errors'
import { useBusyCall } from '../composables/use-busy-call'
import { newerTally } from '../features/presenter/board-classroom'
import { useTransport } from '../transport'

export interface RemotePairing {
  readonly url: string
  readonly qrDataUrl: string
  readonly expiresAt: string
}

export const useClassroomStore = defineStore('classroom', () => {
  const status = ref<ClassroomStatus | null>(null)
  const interfaces = ref<NetInterface[]>([])
  const tally = shallowRef<RunTally | null>(null)
  /** The key of the run on screen, when known (launched here, or read back after a reveal). */
  const spec = shallowRef<QuestionSpec | null>(null)
  const results = shallowRef<RunResults | null>(null)
  const remote = ref<RemotePairing | null>(null)
  /** Questions asked in the last class (0: none, or nothing to export between classes). */
  const lastClassRuns = ref(0)
  const { busy, error, run } = useBusyCall()

  // Not state: which runs this window has seen (each is announced once) and the keys it knows.
  const seenRuns = new Set<string>()
  const specs = new Map<string, QuestionSpec>()
  const runListeners = new Set<(runId: string, kind: string) => void>()
  const remoteListeners = new Set<(e: RemoteEvent) => void>()
  let offs: (() => void)[] = []
  let codeExpiry: ReturnType<typeof setTimeout> | null = null

  function showTally(x: RunTally): void {
    if (!newerTally(tally.value, x)) return
    if (tally.value?.runId !== x.runId) results.value = null
    tally.value = x
    spec.value = specs.get(x.runId) ?? null
    if (!seenRuns.has(x.runId)) {
      seenRuns.add(x.runId)
      for (const l of [...runListeners]) l(x.runId, x.kind)
    }
    if (x.revealed && !specs.has(x.runId)) void learnKey(x.runId)
  }

  /** The class as the service says it is now; a closed class leaves nothing of its own on screen. */
  function showStatus(s: ClassroomStatus, count = true): void {
    const wasOpen = status.value?.open
    // Once the phone has paired, its one-time code leaves the screen: the back row need not see it.
    if (s.remoteConnected && !status.value?.remoteConnected) remote.value = null
    status.value = s
    if (!s.open) {
      tally.value = null
      spec.value = null
      results.value = null
      remote.value = null
      // Closed from anywhere (board, phone, another window): the count of the class just ended.
      if (count && wasOpen !== false) void countLastClass()
    }
  }

  async function countLastClass(): Promise<void> {
    try {
      lastClassRuns.value = (await useTransport().invoke('classroom:runs', {})).length
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  /** A run revealed elsewhere: its key comes with its results, so the right bar can be lit. */
  async function learnKey(runId: string): Promise<void> {
    try {
      const r = await useTransport().invoke('classroom:results', { runId })
      specs.set(runId, r.spec)
      if (tally.value?.runId === runId) spec.value = r.spec
    } catch {
      // Without the key the bars simply stay uncoloured.
    }
  }

  function subscribe(): void {
    if (offs.length) return
    const t = useTransport()
    offs = [
      t.on('classroom:status-changed', showStatus),
      t.on('classroom:tally', showTally),
      t.on('classroom:remote', (e) => {
        for (const l of [...remoteListeners]) l(e)
      })
    ]
  }

  /** Subscribes to the service's events (once) and reads the class, the networks and the last class's count. */
  async function hydrate(): Promise<void> {
    subscribe()
    await run(async () => {
      const t = useTransport()
      const [st, list, runs] = await Promise.all([
        t.invoke('classroom:status', {}),
        t.invoke('classroom:interfaces', {}),
        t.invoke('classroom:runs', {})
      ])
      status.value = st
      interfaces.value = list
      lastClassRuns.value = runs.length
      if (!st.open) tally.value = null
      else if (st.currentRunId && tally.value?.runId !== st.currentRunId) await showRun(st.currentRunId)
    })
  }

  /** A page opened (or reloaded) during a question shows its tally now, not at the next answer. */
  async function showRun(runId: string): Promise<void> {
    try {
      const r = await useTransport().invoke('classroom:results', { runId })
      specs.set(runId, r.spec)
      showTally(r)
    } catch {
      // The next classroom:tally event brings it.
    }
  }

  const open = (
    title: string,
    opts: { roster?: RosterEntry[]; host?: string; lessonSessionId?: string; points?: PointsRulesInput } = {}
  ) =>
    run(async () => {
      const s = await useTransport().invoke('classroom:open', {
        title: [...title].slice(0, 80).join('') || '课堂互动',
        ...(opts.roster ? { roster: opts.roster } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.lessonSessionId ? { lessonSessionId: opts.lessonSessionId } : {}),
        ...(opts.points ? { points: opts.points } : {})
      })
      showStatus(s)
      return s
    })

  const close = () =>
    run(async () => {
      showStatus(await useTransport().invoke('classroom:close', {}), false)
      await countLastClass()
    })

  /**
   * True when the open class is this lesson's own: opened for it from the board, or opened for no
   * lesson (from the 课堂互动 page) under this lesson's class name, so a class opened just before
   * the lesson is taught in it. A class of another lesson never is.
   */
  function belongsTo(lessonSessionId: string | null, className = ''): boolean {
    const s = status.value
    if (!s?.open || !lessonSessionId) return false
    return s.lessonSessionId === lessonSessionId || (s.lessonSessionId === null && !!className && s.title === className)
  }

  /**
   * Opens class for one lesson. A class left open by another lesson (or from the 课堂互动 page) is
   * closed first, so this lesson never shows its PIN, roster or questions; this lesson's own open
   * class is kept as it is.
   */
  async function openForLesson(
    title: string,
    lessonSessionId: string,
    opts: { roster?: RosterEntry[]; host?: string; points?: PointsRulesInput } = {}
  ) {
    if (belongsTo(lessonSessionId, title)) return status.value
    if (status.value?.open) await close()
    return open(title, { ...opts, lessonSessionId })
  }

  /** 下课: the lesson's class closes with it (its open question too); another lesson's class is left alone. */
  async function closeForLesson(lessonSessionId: string, className = ''): Promise<void> {
    if (belongsTo(lessonSessionId, className)) await close()
  }

  const launch = (input: QuestionSpecInput) =>
    run(async () => {
      const parsed = QuestionSpec.parse(input)
      const x = await useTransport().invoke('classroom:launch', { spec: parsed })
      specs.set(x.runId, parsed)
      showTally(x)
      return x
    })

  const closeQuestion = () => {
    const id = tally.value?.runId
    return id
      ? run(async () => showTally(await useTransport().invoke('classroom:close-question', { runId: id })))
      : null
  }
  const reveal = () => {
    const id = tally.value?.runId
    return id ? run(async () => showTally(await useTransport().invoke('classroom:reveal', { runId: id }))) : null
  }
  /** The key tapped on the board for the open question; the bars light only at the reveal. */
  const setKey = (bars: number[]) => {
    const id = tally.value?.runId
    if (!id) return null
    return run(async () => {
      const known = specs.get(id)
      const keyed = known ? kindModule(known.kind).keyFromBars(known, bars) : null
      if (keyed) specs.set(id, keyed)
      showTally(await useTransport().invoke('classroom:set-key', { runId: id, bars }))
    })
  }
  const loadResults = () => {
    const id = tally.value?.runId
    if (!id) return null
    return run(async () => {
      const r = await useTransport().invoke('classroom:results', { runId: id })
      specs.set(id, r.spec)
      if (tally.value?.runId === id) {
        results.value = r
        spec.value = r.spec
      }
      return r
    })
  }
  /** A one-time pairing code for the phone remote; it leaves the screen when it expires (the server decides when). */
  const pairRemote = () =>
    run(async () => {
      const code = await useTransport().invoke('classroom:remote-token', {})
      remote.value = code
      if (codeExpiry) clearTimeout(codeExpiry)
      codeExpiry = setTimeout(
        () => {
          if (remote.value?.url === code.url) remote.value = null
        },
        Math.max(0, Date.parse(code.expiresAt) - Date.now())
      )
      return code
    })
  /** The teacher hides the pairing code before it is used. */
  function hideRemote(): void {
    remote.value = null
  }
  /**
   * The teacher's yes or no to a student's second device; the answered status shows at once
   * (the request gone, the student on the new device). A refusal is thrown for the caller to show.
   */
  async function decideDevice(requestId: string, approve: boolean): Promise<void> {
    showStatus(await useTransport().invoke('classroom:decide-device', { requestId, approve }))
  }
  /** The board's picker picked this name; the phone remote shows it (a failure is only shown, never retried). */
  const boardPicked = (name: string) =>
    run(() => useTransport().invoke('classroom:board-picked', { name: [...name].slice(0, 40).join('') }))
  const photo = (photoId: string) => run(() => useTransport().invoke('classroom:photo', { photoId }))
  const exportXlsx = () => run(() => useTransport().invoke('classroom:export-xlsx', {}))
  const exportCsv = () => run(() => useTransport().invoke('classroom:export-csv', {}))

  /** Called once for each question run this window sees first (launched here, from the phone or elsewhere). */
  function onRun(listener: (runId: string, kind: string) => void): () => void {
    runListeners.add(listener)
    return () => runListeners.delete(listener)
  }

  /** The phone remote's commands, for the board to carry out. */
  function onRemote(listener: (e: RemoteEvent) => void): () => void {
    remoteListeners.add(listener)
    return () => remoteListeners.delete(listener)
  }

  function reset(): void {
    offs.splice(0).forEach((off) => off())
    if (codeExpiry) clearTimeout(codeExpiry)
    codeExpiry = null
    status.value = null
    interfaces.value = []
    tally.value = null
    spec.value = null
    results.value = null
    remote.value = null
    lastClassRuns.value = 0
    error.value = null
    seenRuns.clear()
    specs.clear()
    runListeners.clear()
    remoteListeners.clear()
  }

  return {
    status,
    interfaces,
    tally,
    spec,
    results,
    remote,
    lastClassRuns,
    busy,
    error,
    hydrate,
    open,
    close,
    belongsTo,
    openForLesson,
    closeForLesson,
    boardPicked,
    launch,
    closeQuestion,
    reveal,
    setKey,
    loadResults,
    pairRemote,
    hideRemote,
    decideDevice,
    photo,
    exportXlsx,
    exportCsv,
    onRun,
    onRemote,
    reset
  }
})

export type ClassroomStore = ReturnType<typeof useClassroomStore>
