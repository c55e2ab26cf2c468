// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import SyncPage from './SyncPage.vue'
import { setTransport } from '../../../transport'
import { i18n } from '../../../i18n'
import type { FakeTransport } from '../../../transport/fake-transport'
import { LI, platformError, row, syncService } from '../sync-fixtures'

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

async function page(...args: Parameters<typeof syncService>) {
  fake = syncService(...args).fake
  setTransport(fake)
  const w = mount(SyncPage, { global: { plugins: [i18n] } })
  await flushPromises()
  return w
}

describe('SyncPage', () => {
  it('says class, deck and date on each row, and the platform’s message on a failed one', async () => {
    const w = await page([row(5, { state: 'failed', lastError: platformError, attempts: 1 })])
    const item = w.get('[data-testid="sync-item-5"]')
    expect(item.get('[data-testid="sync-item-label"]').text()).toBe('秒的认识')
    expect(item.get('[data-testid="sync-item-class"]').text()).toBe('三年级(1)班')
    expect(item.get('[data-testid="sync-item-date"]').text()).toMatch(/2026/)
    expect(item.text()).not.toContain('s5')
    expect(item.text()).toContain('您不是三年级(3)班的任课教师')
    expect(w.get('[data-testid="sync-phase"]').attributes('data-phase')).toBe('failed')
  })

  it('asks on the page before deleting a failed item, and deletes it only when confirmed', async () => {
    const w = await page([row(5, { state: 'failed', lastError: platformError, attempts: 1 })])
    await w.get('[data-testid="sync-remove-5"]').trigger('click')
    expect(w.get('[data-testid="sync-confirm-5"]').text()).toContain('确定删除“秒的认识”吗')
    await w.get('[data-testid="sync-confirm-no-5"]').trigger('click')
    expect(w.find('[data-testid="sync-confirm-5"]').exists()).toBe(false)
    expect(fake.callsTo('sync:remove')).toEqual([])
    await w.get('[data-testid="sync-remove-5"]').trigger('click')
    await w.get('[data-testid="sync-confirm-yes-5"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('sync:remove')).toEqual([{ id: 5 }])
    expect(w.find('[data-testid="sync-item-5"]').exists()).toBe(false)
  })

  it('retries one failed item, and syncs now, through the contract calls', async () => {
    const w = await page([row(5, { state: 'failed', lastError: platformError, attempts: 1 })])
    await w.get('[data-testid="sync-retry-5"]').trigger('click')
    await flushPromises()
    await w.get('[data-testid="sync-now"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('sync:retry')).toEqual([{ id: 5 }])
    expect(fake.callsTo('sync:now')).toEqual([{}])
    expect(w.get('[data-testid="sync-item-5"]').text()).toContain('待上传')
  })

  it('shows a record that waits for its own teacher, by name, on the row and in the summary', async () => {
    const w = await page([row(3, { teacher: LI, waitingForTeacher: true })])
    expect(w.get('[data-testid="sync-item-waiting"]').text()).toBe('等待 李建国老师 登录后上传')
    expect(w.get('[data-testid="sync-waiting"]').text()).toBe('1 条记录等待 李建国老师 登录后上传')
    expect(w.get('[data-testid="sync-phase"]').attributes('data-phase')).toBe('waiting')
  })

  it('lets the signed-in teacher claim records from before teachers were stamped', async () => {
    const w = await page([row(4, { teacher: null, waitingForTeacher: true })])
    expect(w.get('[data-testid="sync-unclaimed"]').text()).toContain('不知道是哪位老师的')
    await w.get('[data-testid="sync-claim-4"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('sync:claim')).toEqual([{ id: 4 }])
    expect(w.find('[data-testid="sync-item-waiting"]').exists()).toBe(false)
  })

  it('shows the teacher’s classes and refreshes them from the platform on the button', async () => {
    const w = await page([])
    expect(w.get('[data-testid="sync-classes"]').text()).toContain('三年级(1)班')
    expect(w.get('[data-testid="sync-classes-of"]').text()).toContain('王丽华老师的平台班级')
    await w.get('[data-testid="sync-refresh-classes"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('sync:classes').at(-1)).toEqual({ refresh: true })
    expect(w.get('[data-testid="sync-classes-of"]').text()).not.toContain('本机缓存')
  })
})
