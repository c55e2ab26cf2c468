import { describe, expect, it } from 'vitest'
import { FakeTransport } from './fake-transport'
import { AppError } from '../../src-shared/errors'
import { closedStatus, openStatus } from '../test-utils/classroom'

describe('FakeTransport', () => {
  it('refuses input the contract refuses, with the bilingual VALIDATION error the host gives, and records the call', async () => {
    const fake = new FakeTransport({
      'classroom:photo': () => ({ photoId: 'p', mime: 'image/jpeg', dataUrl: 'data:' })
    })
    await expect(fake.invoke('classroom:photo', { photoId: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('输入无效（classroom:photo）'),
      messageEn: expect.stringContaining('Invalid input (classroom:photo)')
    })
    expect(fake.callsTo('classroom:photo')).toEqual([{ photoId: '' }])
    fake.verify() // the store's mistake, not the test's
  })

  it('hands the handler the parsed input, with the contract’s defaults', async () => {
    let seen: unknown
    const fake = new FakeTransport({
      'lessons:list': (input) => {
        seen = input
        return { items: [], total: 0 }
      }
    })
    await fake.invoke('lessons:list', {})
    expect(seen).toEqual({ limit: 50, offset: 0 })
  })

  it('turns an answer outside the contract into the host’s INTERNAL error and a violation verify() reports', async () => {
    const fake = new FakeTransport({ 'classroom:status': () => ({ open: true }) as never })
    await expect(fake.invoke('classroom:status', {})).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(() => fake.verify()).toThrow(/classroom:status: the test's answer breaks the contract/)
  })

  it('reports a call the test gave no answer for', async () => {
    const fake = new FakeTransport()
    await expect(fake.invoke('rosters:list', {})).rejects.toBeInstanceOf(AppError)
    expect(() => fake.verify()).toThrow(/rosters:list: called, but the test gave no answer/)
  })

  it('passes a refusal on as AppError data, as it crosses the wire', async () => {
    const fake = new FakeTransport({
      'classroom:close': () => {
        throw new AppError('CONFLICT', '课堂已结束', 'Class has already ended')
      }
    })
    const err = await fake.invoke('classroom:close', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).toData()).toEqual({
      code: 'CONFLICT',
      message: '课堂已结束',
      messageEn: 'Class has already ended'
    })
  })

  it('emits only events the contract accepts, as copies', () => {
    const fake = new FakeTransport()
    const got: unknown[] = []
    const off = fake.on('classroom:status-changed', (s) => got.push(s))
    const sent = openStatus()
    fake.emit('classroom:status-changed', sent)
    expect(got[0]).toEqual(sent)
    expect(got[0]).not.toBe(sent)
    expect(() => fake.emit('classroom:status-changed', { ...closedStatus(), open: 'no' } as never)).toThrow()
    off()
    expect(fake.listenerCount('classroom:status-changed')).toBe(0)
  })

  it('copies answers too: a store cannot change what the test keeps', async () => {
    const kept = closedStatus()
    const fake = new FakeTransport({ 'classroom:status': () => kept })
    const got = await fake.invoke('classroom:status', {})
    got.students.push({ id: 'x', name: 'x', online: true })
    expect(kept.students).toEqual([])
  })
})
