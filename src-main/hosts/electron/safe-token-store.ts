/**
 * Platform tokens encrypted with the operating system's key store (Electron safeStorage:
 * DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux), in a file only the owner can
 * read. Where no key store is available, safeStorage says so and we keep the browser host's
 * owner-only file instead of refusing to sign in; the docs say which applies.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { FileTokenStore, type StoredTokens, type TokenStore } from '../../services/sync'
import { StoredTokens as StoredTokensSchema } from '../../services/sync/token-store'
import type { ShellElectron } from './electron-api'

export class SafeStorageTokenStore implements TokenStore {
  readonly #file: string
  readonly #fallback: FileTokenStore
  readonly #safe: ShellElectron['safeStorage']

  constructor(safeStorage: ShellElectron['safeStorage'], file: string, fallbackFile: string) {
    this.#safe = safeStorage
    this.#file = file
    this.#fallback = new FileTokenStore(fallbackFile)
  }

  available(): boolean {
    return this.#safe.isEncryptionAvailable()
  }

  load(): StoredTokens {
    if (!this.available()) return this.#fallback.load()
    if (!existsSync(this.#file)) return {}
    try {
      const parsed = StoredTokensSchema.safeParse(JSON.parse(this.#safe.decryptString(readFileSync(this.#file))))
      return parsed.success ? parsed.data : {}
    } catch {
      // Unreadable (another user, a changed key): signed out, never a crash.
      return {}
    }
  }

  save(tokens: StoredTokens): void {
    if (!this.available()) return this.#fallback.save(tokens)
    const tmp = `${this.#file}.tmp`
    writeFileSync(tmp, this.#safe.encryptString(JSON.stringify(tokens)), { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, this.#file)
    this.#fallback.clear()
  }

  clear(): void {
    rmSync(this.#file, { force: true })
    this.#fallback.clear()
  }
}
