// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n } from '../../../i18n'
import NamePickerPanel from './NamePickerPanel.vue'
import BigPickOverlay from './BigPickOverlay.vue'

/** The board's wiring: the panel picks, 全屏点名 shows its pick and asks it for the next. */
const Board = defineComponent({
  setup() {
    const panel = ref<InstanceType<typeof NamePickerPanel> | null>(null)
    const big = ref(false)
    return () => [
      h(NamePickerPanel, {
        ref: panel,
        initialRosters: [{ id: 'c1', name: '八年级3班', students: ['赵六', '孙八'], locked: false }],
        onBig: () => (big.value = true)
      }),
      big.value && panel.value
        ? h(BigPickOverlay, {
            result: panel.value.result,
            rolling: panel.value.rolling,
            canPick: panel.value.hasRoster(),
            onPick: () => panel.value!.pick(),
            onClose: () => (big.value = false)
          })
        : null
    ]
  }
})

describe('全屏点名', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the picker’s picks full screen, one roster and one no-repeat round with the panel', async () => {
    const w = mount(Board, { global: { plugins: [i18n] } })
    await w.get('[data-testid=pick-big]').trigger('click')
    expect(w.find('[data-testid=big-pick]').exists()).toBe(true)
    expect(w.get('[data-testid=big-pick-name]').text()).toBe('—')

    const seen: string[] = []
    for (let i = 0; i < 2; i++) {
      await w.get('[data-testid=big-pick-again]').trigger('click')
      expect(w.get('[data-testid=big-pick-again]').attributes('disabled')).toBeDefined() // while names shuffle
      await vi.advanceTimersByTimeAsync(600)
      const name = w.get('[data-testid=big-pick-name]').text()
      expect(w.get('[data-testid=picked-name]').text()).toBe(name) // the panel shows the same pick
      seen.push(name)
    }
    expect(seen.sort()).toEqual(['孙八', '赵六'])
    expect(w.get('[data-testid=big-pick-meta]').text()).toBe('第 1 轮 · 本轮还剩 0 人')

    await w.get('[data-testid=big-pick-close]').trigger('click')
    expect(w.find('[data-testid=big-pick]').exists()).toBe(false)
  })
})
