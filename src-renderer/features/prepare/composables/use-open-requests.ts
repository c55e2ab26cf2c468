/**
 * A file the system asked ClassDeck to open (a double-clicked .edux, in Electron) brings the
 * teacher to 备课 with it open, from whatever page is showing. The courseware store takes and opens
 * the file; this only routes there, at start (the file may have come on the command line before
 * the window loaded) and whenever another one is asked for.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useTransport } from '../../../transport'
import { useCoursewareStore } from '../../../stores/courseware'

export function useOpenRequests(): void {
  const router = useRouter()
  const cw = useCoursewareStore()
  let off: (() => void) | null = null
  const toPrepare = (): void => {
    if (router.currentRoute.value.name !== 'prepare') void router.push('/prepare')
  }
  onMounted(async () => {
    off = useTransport().on('courseware:open-requested', toPrepare)
    await cw.takeOpenRequests()
    if (cw.doc || cw.requested.length) toPrepare()
  })
  onBeforeUnmount(() => off?.())
}
