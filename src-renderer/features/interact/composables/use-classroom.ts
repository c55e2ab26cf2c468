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
import { downloadBase64, downloadBlob } from '../../../composables/download'
import { XLSX_MIME } from '../../../../src-shared/tables/xlsx'

export function useClassroom() {
  const t = useTransport()
  const status = ref<ClassroomStatus | null>(null)
  const interfaces = ref<NetInterface[]>([])
  // The tally can be large and changes many times a second: replace it whole, never deep-track it.
  const tally = shallowRef<RunTally | null>(null)
  const results = shallowRef<RunResults | null>(null)
  const remote = ref<{ url: string; qrDataUrl: string; expiresAt: string } | null>(null)
  /** Questions asked in the last class (0: none, or nothing to export between classes). */
  const lastClassRuns = ref(0)
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
      lastClassRuns.value = (await t.invoke('classroom:runs', {})).length
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
      lastClassRuns.value = (await t.invoke('classroom:runs', {})).length
    })

  const launch = (spec: QuestionSpecInput) =>
    run(async () => {
      results.value = null
      tally.value = await t.invoke('classroom:launch', { spec })
    })

  const closeQuestion = () =>
    tally.value &&
    run(async () => (tally.value = await t.invoke('classroom:close-question', { runId: tally.value!.runId })))
  const reveal = () =>
    tally.value && run(async () => (tally.value = await t.invoke('classroom:reveal', { runId: tally.value!.runId })))
  const loadResults = () =>
    tally.value && run(async () => (results.value = await t.invoke('classroom:results', { runId: tally.value!.runId })))
  const pairRemote = () => run(async () => (remote.value = await t.invoke('classroom:remote-token', {})))
  const photo = (photoId: string) => run(() => t.invoke('classroom:photo', { photoId }))

  /**
   * Every question of this class (or, between classes, of the last one) downloaded as a file:
   * an Excel workbook (students and questions sheets) or CSV (UTF-8 with BOM, opens in Excel).
   */
  const exportResults = (format: 'xlsx' | 'csv') =>
    run(async () => {
      if (format === 'xlsx') {
        const { fileName, base64 } = await t.invoke('classroom:export-xlsx', {})
        downloadBase64(fileName, base64, XLSX_MIME)
      } else {
        const { fileName, csv } = await t.invoke('classroom:export-csv', {})
        downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      }
    })

  return {
    status,
    interfaces,
    tally,
    results,
    remote,
    busy,
    error,
    lastClassRuns,
    hydrate,
    open,
    close,
    launch,
    closeQuestion,
    reveal,
    loadResults,
    pairRemote,
    photo,
    exportResults
  }
}
