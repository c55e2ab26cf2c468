/** The slide fitted into the stage (letterboxed, centred), following the stage as it resizes. */
import { computed, ref, type Ref } from 'vue'

type PageSize = { readonly width: number; readonly height: number }

export function useStageFit(stage: Readonly<Ref<HTMLElement | null>>, size: PageSize) {
  const stageSize = ref({ width: 1280, height: 720 })
  const box = computed(() => {
    const k = Math.min(stageSize.value.width / size.width, stageSize.value.height / size.height)
    const width = Math.floor(size.width * k)
    const height = Math.floor(size.height * k)
    return {
      width,
      height,
      left: Math.floor((stageSize.value.width - width) / 2),
      top: Math.floor((stageSize.value.height - height) / 2)
    }
  })

  let resizeObserver: ResizeObserver | null = null
  function start(): void {
    resizeObserver = new ResizeObserver(() => {
      const el = stage.value
      if (el) stageSize.value = { width: el.clientWidth, height: el.clientHeight }
    })
    if (stage.value) {
      resizeObserver.observe(stage.value)
      stageSize.value = { width: stage.value.clientWidth, height: stage.value.clientHeight }
    }
  }
  function stop(): void {
    resizeObserver?.disconnect()
  }

  return { stageSize, box, start, stop }
}
