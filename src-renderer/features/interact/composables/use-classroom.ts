/**
 * The 课堂互动 console's view of the classroom store: the class (URL, PIN, QR, students), the
 * live tally and results, and the last class's count, as refs for the page. The store is the
 * one the board and the teach page read too, kept current by the service's events.
 */
import { storeToRefs } from 'pinia'
import { useClassroomStore } from '../../../stores/classroom'
import { downloadBase64, downloadBlob } from '../../../composables/download'
import { XLSX_MIME } from '../../../../src-shared/tables/xlsx'
import type { RosterEntry } from '../../../../src-shared/classroom/protocol'
import type { PointsRulesInput } from '../../../../src-shared/classroom/points'

export function useClassroom() {
  const store = useClassroomStore()
  const { status, interfaces, tally, results, remote, busy, error, lastClassRuns } = storeToRefs(store)

  /**
   * Every question of this class (or, between classes, of the last one) downloaded as a file:
   * an Excel workbook (students and questions sheets) or CSV (UTF-8 with BOM, opens in Excel).
   */
  async function exportResults(format: 'xlsx' | 'csv'): Promise<void> {
    if (format === 'xlsx') {
      const r = await store.exportXlsx()
      if (r) downloadBase64(r.fileName, r.base64, XLSX_MIME)
    } else {
      const r = await store.exportCsv()
      if (r) downloadBlob(r.fileName, new Blob([r.csv], { type: 'text/csv;charset=utf-8' }))
    }
  }

  return {
    status,
    interfaces,
    tally,
    results,
    remote,
    busy,
    error,
    lastClassRuns,
    hydrate: store.hydrate,
    /** A roster makes a roster class: students join by tapping their names. */
    open: (title: string, host?: string, roster?: RosterEntry[], points?: PointsRulesInput) =>
      store.open(title, { ...(host ? { host } : {}), ...(roster ? { roster } : {}), ...(points ? { points } : {}) }),
    close: store.close,
    launch: store.launch,
    closeQuestion: store.closeQuestion,
    reveal: store.reveal,
    loadResults: store.loadResults,
    pairRemote: store.pairRemote,
    photo: store.photo,
    exportResults
  }
}
