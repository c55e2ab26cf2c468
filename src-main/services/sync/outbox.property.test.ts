import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { join } from 'node:path'
import { startPlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import type { StorageService } from '../storage'
import type { SyncService } from './sync-service'
import { enqueue, lesson, makeSync, openStorage, signIn, within } from './test-kit'

type Action =
  | { t: 'enqueue'; entity: number; n: number }
  | { t: 'fail'; n: number; status: number }
  | { t: 'cut'; n: number }
  | { t: 'deliver' }
  | { t: 'crash'; afterMs: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    t: fc.constant('enqueue' as const),
    entity: fc.integer({ min: 0, max: 2 }),
    n: fc.integer({ min: 1, max: 3 })
  }),
  fc.record({
    t: fc.constant('fail' as const),
    n: fc.integer({ min: 1, max: 6 }),
    status: fc.constantFrom(500, 502, 503)
  }),
  fc.record({ t: fc.constant('cut' as const), n: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ t: fc.constant('deliver' as const) }),
  fc.record({ t: fc.constant('crash' as const), afterMs: fc.integer({ min: 0, max: 25 }) })
)

/**
 * The model: every record enqueued must end up on the platform exactly once, and each
 * entity's records in the order they were enqueued, whatever faults, crashes and restarts
 * happen in between.
 */
describe('outbox against a model', () => {
  it('delivers every record exactly once and in order per entity under any mix of faults and crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const t = tempDir('sync-prop-')
        const appDir = join(t.dir, 'app')
        const server = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
        let storage: StorageService = openStorage(appDir)
        let sync: SyncService = makeSync(storage, appDir, server.url, {
          retry: { retries: 2, baseDelayMs: 2, maxDelayMs: 10 },
          backoff: { baseMs: 5, maxMs: 30 }
        })
        const model = new Map<number, string[]>()
        let seq = 0
        try {
          await signIn(sync)
          sync.start()
          for (const a of actions) {
            if (a.t === 'enqueue') {
              for (let i = 0; i < a.n; i++) {
                const id = `e${a.entity}-${seq++}`
                model.set(a.entity, [...(model.get(a.entity) ?? []), id])
                enqueue(storage, 'lesson', `entity-${a.entity}`, lesson(id))
              }
            } else if (a.t === 'fail') {
              server.faults.failNext(a.n, { path: '/api/v1/lesson-records', status: a.status })
            } else if (a.t === 'cut') {
              server.faults.cutNext(a.n, { path: '/api/v1/lesson-records', phase: 'response' })
            } else if (a.t === 'deliver') {
              await sync.syncNow()
              await within(15_000, sync.whenIdle(), 'deliver')
            } else {
              await sync.syncNow()
              await new Promise((r) => setTimeout(r, a.afterMs))
              sync.dispose()
              storage.close()
              storage = openStorage(appDir)
              sync = makeSync(storage, appDir, server.url, {
                retry: { retries: 2, baseDelayMs: 2, maxDelayMs: 10 },
                backoff: { baseMs: 5, maxMs: 30 }
              })
              sync.start()
            }
          }
          server.faults.clear()
          await sync.syncNow()
          await within(15_000, sync.whenIdle(), 'final drain')

          const expected = [...model.values()].flat()
          const states = storage.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all()
          expect(states).toEqual(expected.length ? [{ state: 'sent', n: expected.length }] : [])
          const onServer = (
            server.db.prepare('SELECT client_record_id AS id FROM lesson_records ORDER BY rowid').all() as {
              id: string
            }[]
          ).map((r) => r.id)
          expect([...onServer].sort()).toEqual([...expected].sort())
          for (const [entity, ids] of model) expect(onServer.filter((id) => id.startsWith(`e${entity}-`))).toEqual(ids)
        } finally {
          sync.dispose()
          storage.close()
          await server.close()
          t.cleanup()
        }
      }),
      { numRuns: 15 }
    )
  }, 120_000)
})
