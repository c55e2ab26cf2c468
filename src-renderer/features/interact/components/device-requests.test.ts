// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import DeviceRequests from './DeviceRequests.vue'
import { setTransport } from '../../../transport'
import { FakeTransport } from '../../../transport/fake-transport'
import { i18n } from '../../../i18n'
import { openStatus } from '../../../test-utils/classroom'
import { AppError } from '../../../../src-shared/errors'

const request = {
  requestId: 'q1',
  studentId: 's1',
  name: '张三',
  currentOnline: true,
  at: '2026-12-04T08:00:00.000Z'
}

afterEach(() => setTransport(null))

describe('DeviceRequests', () => {
  it('asks the teacher about a second device and sends the yes or no', async () => {
    const fake = new FakeTransport({ 'classroom:decide-device': () => openStatus() })
    setTransport(fake)
    const w = mount(DeviceRequests, { props: { requests: [request] }, global: { plugins: [i18n, createPinia()] } })
    expect(w.get('[data-testid="device-request"]').text()).toContain('「张三」想用另一台设备进入课堂')
    expect(w.text()).toContain('原来的设备仍在线')
    await w.get('[data-testid="device-refuse"]').trigger('click')
    await flushPromises() // the buttons wait while a decision is on its way
    await w.get('[data-testid="device-allow"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('classroom:decide-device')).toEqual([
      { requestId: 'q1', approve: false },
      { requestId: 'q1', approve: true }
    ])
    expect(fake.violations).toEqual([])
  })

  it('shows nothing without requests, and the refusal when a request was already answered', async () => {
    const fake = new FakeTransport({
      'classroom:decide-device': () => {
        throw new AppError('NOT_FOUND', '这个请求已经处理过，或那台设备已经离开', 'This request was already answered')
      }
    })
    setTransport(fake)
    const empty = mount(DeviceRequests, { props: { requests: [] }, global: { plugins: [i18n, createPinia()] } })
    expect(empty.find('[data-testid="device-requests"]').exists()).toBe(false)
    const w = mount(DeviceRequests, { props: { requests: [request] }, global: { plugins: [i18n, createPinia()] } })
    await w.get('[data-testid="device-allow"]').trigger('click')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('这个请求已经处理过，或那台设备已经离开')
  })
})
