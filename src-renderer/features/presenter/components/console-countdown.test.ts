// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import PresenterConsole from './PresenterConsole.vue'
import { BoardState, LinkMessage } from '../presenter-link'
import { setTransport } from '../../../transport'
import { FakeTransport } from '../../../transport/fake-transport'
import { i18n } from '../../../i18n'
import { createDeck } from '../../../../src-shared/courseware/factory'

afterEach(() => setTransport(null))

const state = (countdown: BoardState['countdown']): BoardState =>
  BoardState.parse({
    type: 'state',
    index: 0,
    pageCount: 2,
    pageId: 's1',
    pageKind: 'slide',
    slideIndex: 0,
    nextSlideIndex: 1,
    status: null,
    ended: false,
    countdown
  })

describe('the presenter console', () => {
  it('shows the board’s countdown while it runs and when time is up, and nothing without one', async () => {
    setTransport(new FakeTransport())
    const deck = createDeck('勾股定理')
    const w = mount(PresenterConsole, {
      props: { deck, state: state({ text: '2:59', timeUp: false }), stateAt: 0, className: '八年级3班' },
      global: { plugins: [i18n, createPinia()] }
    })
    expect(w.get('[data-testid=console-countdown]').text()).toBe('2:59')
    await w.setProps({ state: state({ text: '0:00', timeUp: true }) })
    expect(w.get('[data-testid=console-countdown]').classes()).toContain('up')
    await w.setProps({ state: state(null) })
    expect(w.find('[data-testid=console-countdown]').exists()).toBe(false)
  })

  it('takes the countdown over the link only in its bounded shape', () => {
    const ok = LinkMessage.safeParse({ ...state(null), countdown: { text: '1:00', timeUp: false } })
    expect(ok.success).toBe(true)
    expect(LinkMessage.safeParse({ ...state(null), countdown: { text: 'x'.repeat(500), timeUp: false } }).success).toBe(
      false
    )
  })
})
