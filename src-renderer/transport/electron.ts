/** The Electron transport: the preload's `window.classdeck`, which only knows contract channels. */
import { AppError, isAppErrorData } from '../../src-shared/errors'
import type { CallChannel, CallInput, CallOutput, EventChannel, EventPayload } from '../../src-shared/contract'
import type { CallResult } from '../../src-shared/contract/define'
import type { ConnectionState, PreloadApi, Transport } from './types'

export class ElectronTransport implements Transport {
  readonly #api: PreloadApi
  readonly state: ConnectionState = 'open'

  constructor(api: PreloadApi) {
    this.#api = api
  }

  async invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const res = (await this.#api.invoke(channel, input)) as CallResult<CallOutput<C>>
    if (res.ok) return res.result
    throw isAppErrorData(res.error) ? AppError.fromData(res.error) : AppError.from(res)
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#api.on(channel, listener as (p: unknown) => void)
  }

  onConnectionChange(): () => void {
    // IPC to the main process does not drop.
    return () => {}
  }
}
