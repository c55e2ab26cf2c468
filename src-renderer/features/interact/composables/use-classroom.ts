/**
 * The teacher console's state: class status (URL, PIN, QR, students) and the live tally of
 * the current question, kept current by the service's events. Calls go through the transport.
 */
import { onUnmounted, ref, shallowRef } from 'vue'
import { useTransport } from '../../../transport'
import type { ClassroomStatus, NetInterface } from '../../../../src-shared/contract/classroom'
import type { QuestionSpecInput } from '../../../../src-shared/classroom/question'
import type { RunResults, RunTally } from '../../../../src-shared/classroom/results'
import { useBusyCall } from '../../../composables/use-busy-call'

export function useClassroom() {
  const t = useTransport()
  const status = ref<ClassroomStatus | null>(null)
  const interfaces = ref<NetInterface[]>([])
  // The tally can be large and changes many times a second: replace it whole, never deep-track it.
  const tally = shallowRef<RunTally | null>(null)
  const results = shallowRef<RunResults | null>(null)
  const remote = ref<{ url: string; qrDataUrl: string; expiresAt: string } | null>(null)
  const { busy, error, run } = useBusyCall()

  const offs = [
    t.on('classroom:status-changed', (s) => {
      status.value = s
      if (!s.open) remote.value = null
    }),
    t.on('classroom:tally', (x) => {
      if (!tally.value || tally.value.runId === x.runId || x.launchedAt >= tally.value.launchedAt) tally.value = x
    })
  ]
  onUnmounted(() => offs.forEach((off) => off()))


  async function hydrate(): Promise<void> {
    await run(async () => {
      status.value = await t.invoke('classroom:status', {})
      interfaces.value = await t.invoke('classroom:interfaces', {})
    })
  }

  const open = (title: string, host?: string) =>
    run(async () => {
      status.value = await t.invoke('classroom:open', { title: title || '课堂互动', ...(host ? { host } : {}) })
    })

  const close = () =>
    run(async () => {
      status.value = await t.invoke('classroom:close', {})
      tally.value = null
      results.value = null
    })

  const launch = (spec: QuestionSpecInput) =>
    run(async () => {
      results.value = null
      tally.value = await t.invoke('classroom:launch', { spec })
    })

  const closeQuestion = () => tally.value && run(async () => (tally.value = await t.invoke('classroom:close-question', { runId: tally.value!.runId })))
  const reveal = () => tally.value && run(async () => (tally.value = await t.invoke('classroom:reveal', { runId: tally.value!.runId })))
  const loadResults = () => tally.value && run(async () => (results.value = await t.invoke('classroom:results', { runId: tally.value!.runId })))
  const pairRemote = () => run(async () => (remote.value = await t.invoke('classroom:remote-token', {})))
  const photo = (photoId: string) => run(() => t.invoke('classroom:photo', { photoId }))

  /** CSV of every question in this class, downloaded as a file (opens in Excel: UTF-8 with BOM). */
  const exportCsv = () =>
    run(async () => {
      const { fileName, csv } = await t.invoke('classroom:export-csv', {})
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const a = document.createElement('a')
      a.href = url
      a.download = fileName
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    })

  return { status, interfaces, tally, results, remote, busy, error, hydrate, open, close, launch, closeQuestion, reveal, loadResults, pairRemote, photo, exportCsv }
}
