// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import TeacherChooser from './TeacherChooser.vue'
import { setTransport } from '../../../transport'
import { i18n } from '../../../i18n'
import type { FakeTransport } from '../../../transport/fake-transport'
import { LI, WANG, syncService } from '../../sync/sync-fixtures'

let fake: FakeTransport
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('TeacherChooser (本节课的授课教师)', () => {
  it('offers the teachers who signed in here, marks the current one, and switches on a tap', async () => {
    fake = syncService([], null).fake
    fake.handle('sync:teachers', () => ({
      teachers: [
        { id: WANG.id, name: WANG.name, schoolName: '文渊小学', lastSignedInAt: '2026-09-08T00:00:00.000Z' },
        { id: LI.id, name: LI.name, schoolName: '文渊小学', lastSignedInAt: '2026-09-07T00:00:00.000Z' }
      ],
      current: WANG,
      signedInId: null
    }))
    setTransport(fake)
    const w = mount(TeacherChooser, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(w.get('h2').text()).toBe('本节课的授课教师')
    expect(w.get(`[data-testid="teacher-${WANG.id}"]`).attributes('aria-pressed')).toBe('true')
    expect(w.get(`[data-testid="teacher-${LI.id}"]`).text()).toBe('李建国老师')
    await w.get(`[data-testid="teacher-${LI.id}"]`).trigger('click')
    await flushPromises()
    expect(fake.callsTo('sync:choose-teacher')).toEqual([{ teacherId: LI.id }])
    expect(w.get(`[data-testid="teacher-${LI.id}"]`).attributes('aria-pressed')).toBe('true')
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('says how to get a teacher onto a computer nobody has signed in on', async () => {
    fake = syncService([], null).fake
    fake.handle('sync:teachers', () => ({ teachers: [], current: null, signedInId: null }))
    setTransport(fake)
    const w = mount(TeacherChooser, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(w.get('[data-testid="teacher-none"]').text()).toContain('请先在“同步”页登录')
  })
})
