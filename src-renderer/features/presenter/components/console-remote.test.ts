// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ConsoleRemote from './ConsoleRemote.vue'
import { setTransport } from '../../../transport'
import { FakeTransport } from '../../../transport/fake-transport'
import { i18n } from '../../../i18n'
import { openStatus } from '../../../test-utils/classroom'

afterEach(() => {
  setTransport(null)
  vi.useRealTimers()
})

function pairing(expiresInMs: number) {
  return {
    url: 'http://192.168.1.5:8848/remote.html#t=abcdefghijklmnopqrstuvwxyz012345',
    qrSvg: '<svg/>',
    qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
    expiresAt: new Date(Date.now() + expiresInMs).toISOString()
  }
}

describe('ConsoleRemote (the phone-remote code on the laptop)', () => {
  it('shows the code on the console until the phone has paired', async () => {
    const fake = new FakeTransport({ 'classroom:remote-token': () => pairing(120_000) })
    setTransport(fake)
    const w = mount(ConsoleRemote, { global: { plugins: [i18n, createPinia()] } })
    await w.get('[data-testid="console-remote-pair"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="console-remote-code"]').attributes('data-url')).toMatch(/remote\.html#t=/)
    fake.emit('classroom:status-changed', openStatus({ remoteConnected: true }))
    await flushPromises()
    expect(w.find('[data-testid="console-remote-code"]').exists()).toBe(false)
    expect(w.get('[data-testid="console-remote-on"]').text()).toBe('手机已连接')
  })

  it('takes an expired code off the screen', async () => {
    vi.useFakeTimers()
    setTransport(new FakeTransport({ 'classroom:remote-token': () => pairing(120_000) }))
    const w = mount(ConsoleRemote, { global: { plugins: [i18n, createPinia()] } })
    await w.get('[data-testid="console-remote-pair"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="console-remote-code"]').exists()).toBe(true)
    vi.advanceTimersByTime(120_001)
    await flushPromises()
    expect(w.find('[data-testid="console-remote-code"]').exists()).toBe(false)
  })
})
