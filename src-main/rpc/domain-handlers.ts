import type { z } from 'zod'
import type { CallDef } from '../../src-shared/contract'
import type { CallContext } from './handler-table'

/** The handlers for one domain's calls (e.g. `settingsCalls`), keyed by channel. */
export type DomainHandlers<T extends Record<string, CallDef>> = {
  readonly [K in keyof T as T[K]['channel']]: (
    input: z.output<T[K]['input']>,
    ctx: CallContext
  ) => z.input<T[K]['output']> | Promise<z.input<T[K]['output']>>
}
