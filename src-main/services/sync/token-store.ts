/**
 * Where platform tokens are kept. The Electron host plugs in a safeStorage-backed store; the
 * browser host (and tests) use FileTokenStore: a JSON file in the data folder, readable only by
 * its owner (mode 0600). Anyone who can read that file can act as the teacher on the platform
 * until the refresh token expires or the teacher signs out; docs/platform-api.yaml says so.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { Teacher } from '../../../src-shared/platform/dto'

export const StoredTokens = z.object({
  /** The platform origin that issued these tokens; they are never sent anywhere else. */
  origin: z.string().optional(),
  app: z.object({ accessToken: z.string(), expiresAt: z.number() }).optional(),
  user: z
    .object({
      accessToken: z.string(),
      refreshToken: z.string(),
      expiresAt: z.number(),
      teacher: Teacher
    })
    .optional()
})
export type StoredTokens = z.infer<typeof StoredTokens>

export interface TokenStore {
  load(): StoredTokens
  save(tokens: StoredTokens): void
  clear(): void
}

export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  load(): StoredTokens {
    if (!existsSync(this.file)) return {}
    try {
      const parsed = StoredTokens.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : {}
    } catch {
      // A damaged token file means "signed out", never a crash: the teacher signs in again.
      return {}
    }
  }

  save(tokens: StoredTokens): void {
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(tokens), { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, this.file)
  }

  clear(): void {
    rmSync(this.file, { force: true })
  }
}

/** For tests and for hosts that must not persist tokens. */
export class MemoryTokenStore implements TokenStore {
  #tokens: StoredTokens = {}
  load(): StoredTokens {
    return structuredClone(this.#tokens)
  }
  save(tokens: StoredTokens): void {
    this.#tokens = structuredClone(tokens)
  }
  clear(): void {
    this.#tokens = {}
  }
}
