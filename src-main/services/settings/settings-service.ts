/**
 * Teacher settings, stored as one JSON value per key in SQLite and read back through the
 * shared zod schema, so a damaged value falls back to its default instead of stopping the app.
 */
import { Settings, type SettingsPatch, type SettingsView } from '../../../src-shared/contract/settings'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'

export class SettingsService {
  readonly #storage: StorageService
  readonly #dataDir: string
  readonly #now: () => Date
  readonly #onDidChange = new Emitter<SettingsView>()
  readonly onDidChange = this.#onDidChange.event

  constructor(deps: { storage: StorageService; dataDir: string; now?: () => Date }) {
    this.#storage = deps.storage
    this.#dataDir = deps.dataDir
    this.#now = deps.now ?? (() => new Date())
  }

  get(): SettingsView {
    const rows = this.#storage.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    const raw: Record<string, unknown> = {}
    for (const r of rows) {
      try {
        raw[r.key] = JSON.parse(r.value)
      } catch {
        // An unreadable value is left out and its default applies.
      }
    }
    return { ...Settings.parse(raw), dataDir: this.#dataDir }
  }

  /** Writes a patch the contract has checked (dispatch refuses a bad one as a whole, before it gets here). */
  update(patch: SettingsPatch): SettingsView {
    const at = this.#now().toISOString()
    const stmt = this.#storage.db.prepare(
      'INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
    )
    this.#storage.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) stmt.run(key, JSON.stringify(value), at)
      }
    })
    const view = this.get()
    this.#onDidChange.fire(view)
    return view
  }

  dispose(): void {
    this.#onDidChange.dispose()
  }
}
