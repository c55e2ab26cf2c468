// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useConnectionStore } from './connection'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
  fake = new FakeTransport()
  setTransport(fake)
})
afterEach(() => setTransport(null))

describe('connection store', () => {
  it('starts from the transport’s state and follows it, so the shell can say when the services are gone', () => {
    fake.setState('connecting')
    const store = useConnectionStore()
    store.hydrate()
    expect(store.state).toBe('connecting')
    fake.setState('open')
    expect(store.state).toBe('open')
    fake.setState('closed')
    expect(store.state).toBe('closed')
  })

  it('stops following after reset', () => {
    const store = useConnectionStore()
    store.hydrate()
    store.reset()
    fake.setState('closed')
    expect(store.state).toBe('open')
  })
})
