/**
 * The shape every page's service calls share: a busy flag for the buttons, and the last failure
 * as an AppError the page shows in the teacher's language. A failed call resolves to null.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { AppError } from '../../src-shared/errors'

export interface BusyCall {
  readonly busy: Ref<boolean>
  readonly error: ShallowRef<AppError | null>
  run<T>(fn: () => Promise<T>): Promise<T | null>
}

export function useBusyCall(): BusyCall {
  const busy = ref(false)
  const error = shallowRef<AppError | null>(null)
  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = AppError.from(err)
      return null
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
