import { nextTick, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

/**
 * The space the tools dock takes on the board, as CSS variables on the board's root
 * (`--dock-left`, `--dock-right`, `--dock-bottom`, in px, 0 on the sides without the dock), so
 * the 课堂互动 panels (join card, tally, gallery, 排行榜) keep clear of the toolbar instead of
 * covering its second column. Measured, because the toolbar grows a second column on short boards.
 */
export function useDockInset(root: Ref<HTMLElement | null>, dock: Ref<'left' | 'right' | 'bottom'>): void {
  const GAP = 12
  let observer: ResizeObserver | null = null
  function apply(): void {
    const el = root.value
    const bar = el?.querySelector<HTMLElement>('[data-testid="tools-toolbar"]')
    if (!el || !bar) return
    const r = el.getBoundingClientRect()
    const b = bar.getBoundingClientRect()
    const px = (on: boolean, v: number) => (on ? `${Math.max(0, Math.ceil(v + GAP))}px` : '0px')
    el.style.setProperty('--dock-right', px(dock.value === 'right', r.right - b.left))
    el.style.setProperty('--dock-left', px(dock.value === 'left', b.right - r.left))
    el.style.setProperty('--dock-bottom', px(dock.value === 'bottom', r.bottom - b.top))
  }
  onMounted(() => {
    apply()
    if (typeof ResizeObserver === 'undefined' || !root.value) return
    observer = new ResizeObserver(apply)
    observer.observe(root.value)
    const bar = root.value.querySelector('[data-testid="tools-toolbar"]')
    if (bar) observer.observe(bar)
  })
  watch(dock, () => void nextTick(apply))
  onBeforeUnmount(() => observer?.disconnect())
}
