// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { useLessonToolsStore } from '../lesson-tools'
import { i18n } from '../../../i18n'
import NamePickerPanel from './NamePickerPanel.vue'
import ToolsToolbar from './ToolsToolbar.vue'
import TimerPanel from './TimerPanel.vue'

describe('tool components', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('picks every name on the roster once before any repeats, and shows the round', async () => {
    const students = ['张三', '李四', '王五', '赵六']
    const w = mount(NamePickerPanel, {
      props: { initialRosters: [{ id: 'c1', name: '一班', students, locked: false }] },
      global: { plugins: [i18n] }
    })
    const seen: string[] = []
    for (let i = 0; i < students.length; i++) {
      await w.get('[data-testid=pick]').trigger('click')
      await vi.advanceTimersByTimeAsync(600)
      seen.push(w.get('[data-testid=picked-name]').text())
    }
    expect([...seen].sort()).toEqual([...students].sort())
    expect(w.get('[data-testid=picked-meta]').text()).toContain('第 1 轮')
    await w.get('[data-testid=pick]').trigger('click')
    await vi.advanceTimersByTimeAsync(600)
    expect(w.get('[data-testid=picked-meta]').text()).toContain('第 2 轮')
    expect(w.emitted('picked')).toHaveLength(5)
  })

  it('locks a roster so it cannot be edited', async () => {
    const w = mount(NamePickerPanel, {
      props: { initialRosters: [{ id: 'c1', name: '一班', students: ['甲'], locked: false }] },
      global: { plugins: [i18n] }
    })
    await w.get('[data-testid=roster-lock]').trigger('click')
    expect(w.get('[data-testid=roster-edit]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid=roster-c1]').find('[data-testid=roster-locked]').attributes('aria-label')).toBe('已锁定')
  })

  it('docks the toolbar left, right or bottom and keeps its targets at least 56 px by style', async () => {
    const w = mount(ToolsToolbar, {
      props: {
        dock: 'right',
        inkMode: 'pen',
        color: '#E53935',
        width: 4,
        open: new Set<never>(),
        canUndo: false,
        canRedo: false
      },
      global: { plugins: [i18n] }
    })
    await w.get('[data-testid=tool-dock]').trigger('click')
    expect(w.emitted('update:dock')![0]).toEqual(['bottom'])
    await w.get('[data-testid=tool-pen]').trigger('click')
    expect(w.emitted('update:inkMode')![0]).toEqual(['none'])
    expect(w.get('[data-testid=tool-undo]').attributes('disabled')).toBeDefined()
  })

  it('counts down on the injected clock and says when time is up', async () => {
    setActivePinia(createPinia())
    let now = 0
    let frame: (() => void) | null = null
    const tools = useLessonToolsStore()
    tools.setClock({ now: () => now, frame: (cb) => ((frame = cb), 1), cancel: () => (frame = null) })
    vi.stubGlobal('AudioContext', undefined)
    const w = mount(TimerPanel, { global: { plugins: [i18n] } })
    await w.get('[data-testid=timer-preset-1]').trigger('click')
    expect(w.get('[data-testid=timer-display]').text()).toBe('1:00')
    await w.get('[data-testid=timer-start]').trigger('click')
    now = 30_500
    frame!()
    await w.vm.$nextTick()
    expect(w.get('[data-testid=timer-display]').text()).toBe('0:30')
    now = 60_000
    frame!()
    await w.vm.$nextTick()
    expect(w.get('[data-testid=timer-display]').text()).toBe('时间到！')
    expect(tools.timeUp).toBe(true)
    vi.unstubAllGlobals()
  })
})
