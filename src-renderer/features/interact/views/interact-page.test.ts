// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import InteractPage from './InteractPage.vue'
import { setTransport } from '../../../transport'
import { FakeTransport } from '../../../transport/fake-transport'
import { i18n } from '../../../i18n'
import { closedStatus, openStatus, runs, tally } from '../../../test-utils/classroom'

let fake: FakeTransport
let pinia: Pinia
let runCount = 0

/** Answers the console's calls like the classroom service would; the test pushes its events. */
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  runCount = 0
  fake = new FakeTransport({
    'classroom:status': () => closedStatus(),
    'classroom:interfaces': () => [{ name: 'wlan0', address: '192.168.1.5', internal: false }],
    'classroom:runs': () => runs(runCount),
    'classroom:open': () => openStatus(),
    'classroom:launch': () => tally({ answered: 0 }),
    // The open form offers this computer's class rosters and the teacher's platform classes.
    'rosters:list': () => ({ classes: [] }),
    'sync:classes': () => ({
      teacher: null,
      classes: [],
      fetchedAt: '2026-12-04T08:00:00.000Z',
      fromCache: true,
      staleBecause: null
    })
  })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

const mountPage = () => mount(InteractPage, { global: { plugins: [i18n, pinia], stubs: { TallyChart: true } } })

describe('InteractPage', () => {
  it('opens class on the chosen network, shows URL and PIN, launches A/B/C/D with its key and shows the live tally with names', async () => {
    const w = mountPage()
    await flushPromises()
    await w.get('[data-testid="class-title"]').setValue('三年级一班')
    await w.get('[data-testid="class-host"]').setValue('192.168.1.5')
    await w.get('[data-testid="class-open"]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('classroom:open')[0]).toEqual({
      title: '三年级一班',
      host: '192.168.1.5'
    })
    expect(w.get('[data-testid="class-pin"]').text()).toBe('482913')
    expect(w.get('[data-testid="class-url"]').text()).toBe('http://192.168.1.5:8848/')

    await w.get('[data-testid="q-key"]').setValue('b')
    await w.get('[data-testid="launch-single"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('classroom:launch')[0]).toEqual({
      spec: { kind: 'single', prompt: '', pictures: [], options: ['A', 'B', 'C', 'D'], correct: 1 }
    })
    fake.emit(
      'classroom:tally',
      tally({
        answered: 1,
        labels: ['A. A', 'B. B', 'C. C', 'D. D'],
        counts: [0, 1, 0, 0],
        students: [
          { id: 's1', name: '李雷', answered: true, online: true },
          { id: 's2', name: '<b>韩梅梅</b>', answered: false, online: false }
        ]
      })
    )
    await flushPromises()
    expect(w.get('[data-testid="tally-count"]').text()).toBe('1 / 2')
    const html = w.get('[data-testid="tally"]').html()
    expect(html).toContain('&lt;b&gt;韩梅梅&lt;/b&gt;') // a hostile name is shown as text, never as markup
    expect(w.find('[data-testid="tally"] b b').exists()).toBe(false)
  })

  it('shows a class closed from the board as closed, with the questions it asked, not the old tally', async () => {
    runCount = 2 // the class before this one
    const w = mountPage()
    await flushPromises()
    expect(w.get('[data-testid="last-class"]').text()).toContain('上一节课共 2 道题')
    await w.get('[data-testid="class-open"]').trigger('submit')
    await flushPromises()
    fake.emit('classroom:tally', tally({ answered: 1 }))
    await flushPromises()
    expect(w.find('[data-testid="tally"]').exists()).toBe(true)

    // The board closes the class after three questions; the console hears only the event.
    runCount = 3
    fake.emit('classroom:status-changed', closedStatus())
    await flushPromises()
    expect(w.find('[data-testid="tally"]').exists()).toBe(false)
    expect(w.find('[data-testid="class-open"]').exists()).toBe(true)
    expect(w.get('[data-testid="last-class"]').text()).toContain('上一节课共 3 道题')

    // Class opens again (from the board): no tally of the class before.
    fake.emit('classroom:status-changed', openStatus({ classSessionId: 'c2' }))
    await flushPromises()
    expect(w.get('[data-testid="class-pin"]').text()).toBe('482913')
    expect(w.find('[data-testid="tally"]').exists()).toBe(false)
  })
})
