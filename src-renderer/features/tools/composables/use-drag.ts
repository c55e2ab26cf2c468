import { onBeforeUnmount, ref, type Ref } from 'vue'

/**
 * Moves a floating tool by dragging it (finger, pen or mouse). Position lives in a plain ref:
 * it changes at pointer rate but only one element reads it.
 */
export function useDrag(initial: { x: number; y: number }): {
  pos: Ref<{ x: number; y: number }>
  onPointerDown: (e: PointerEvent) => void
} {
  const pos = ref({ ...initial })
  let start: { px: number; py: number; x: number; y: number; id: number } | null = null
  const move = (e: PointerEvent): void => {
    if (!start || e.pointerId !== start.id) return
    pos.value = { x: start.x + e.clientX - start.px, y: start.y + e.clientY - start.py }
  }
  const up = (e: PointerEvent): void => {
    if (start && e.pointerId === start.id) start = null
  }
  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
  window.addEventListener('pointercancel', up)
  onBeforeUnmount(() => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    window.removeEventListener('pointercancel', up)
  })
  return {
    pos,
    onPointerDown(e: PointerEvent) {
      if ((e.target as HTMLElement).closest('button, input, textarea, select')) return
      start = { px: e.clientX, py: e.clientY, x: pos.value.x, y: pos.value.y, id: e.pointerId }
      e.preventDefault()
    }
  }
}
