import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useTransport, type ConnectionState } from '../transport'

/** Whether the services can be reached; the shell shows a banner when they cannot. */
export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('connecting')
  let off: (() => void) | null = null

  function hydrate(): void {
    const t = useTransport()
    state.value = t.state
    off ??= t.onConnectionChange((s) => (state.value = s))
  }

  function reset(): void {
    off?.()
    off = null
  }

  return { state, hydrate, reset }
})
