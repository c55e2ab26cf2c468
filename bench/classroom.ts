/**
 * Classroom server benchmark (`npm run bench -- classroom`). Students are socket.io-client
 * sockets in separate child processes (this same file, run with --child) on loopback over
 * WebSocket, at 60 / 500 / 2000. Measures broadcast → last student received, answer →
 * SQLite commit → teacher tally, lost/duplicated answers, server RSS per socket, event-loop
 * delay, a reconnect storm of 500 and our throughput against a bare Socket.IO echo server.
 * Times cross processes through process.hrtime (CLOCK_MONOTONIC, shared on one machine).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Socket as ClientSocket } from 'socket.io-client'

/** CLASSROOM_BENCH_SIZES=500 runs one size (profiling); the default is the three. */
const SIZES = (process.env.CLASSROOM_BENCH_SIZES ?? '60,500,2000').split(',').map(Number)
const ROUNDS = 8
const ANSWER_WINDOW_MS = 1000
const THROUGHPUT_ANSWERS = 5
const ECHO_AT = 500
const STORM_AT = 500

type Msg = Record<string, unknown> & { cmd?: string; ev?: string; id?: number }

// ======================================================================================
// Child: a batch of students.
// ======================================================================================

async function child(): Promise<void> {
  const { io } = await import('socket.io-client')
  const sets = new Map<string, ClientSocket[]>() // 'ours' | 'echo'
  let sockets: ClientSocket[] = []
  let names: string[] = []
  const receipts = new Map<string, bigint[]>() // runId → hrtime per socket index
  const reply = (id: number | undefined, body: Record<string, unknown>): void => {
    process.send?.({ id, ...body })
  }
  const ackOf = (s: ClientSocket, ev: string, payload: unknown, ms = 5000): Promise<{ ok: boolean; result?: { duplicate?: boolean } }> =>
    s.timeout(ms).emitWithAck(ev, payload) as never

  async function withRetry(s: ClientSocket, payload: unknown, tries = 6): Promise<{ ok: boolean; result?: { duplicate?: boolean } } | null> {
    for (let i = 0; i < tries; i++) {
      try {
        return await ackOf(s, 'answer', payload, 3000)
      } catch {
        // no ack in time: resend the same (runId, seq), as a real device does
      }
    }
    return null
  }

  process.on('message', async (m: Msg) => {
    try {
      if (m.cmd === 'connect') {
        const { url, pin, first, count, echo } = m as unknown as { url: string; pin: string; first: number; count: number; echo: boolean }
        if (echo) {
          const list = await Promise.all(
            Array.from({ length: count }, async () => {
              const s = io(`${url}/student`, { auth: { pin }, transports: ['websocket'], forceNew: true })
              await new Promise<void>((resolve) => s.once('connect', () => resolve()))
              return s
            })
          )
          sets.set('echo', list)
          return reply(m.id, { connected: list.length, failed: 0 })
        }
        sockets = []
        names = []
        sets.set('ours', sockets)
        let failed = 0
        const batch = 50
        for (let i = 0; i < count; i += batch) {
          await Promise.all(
            Array.from({ length: Math.min(batch, count - i) }, async (_, k) => {
              const n = first + i + k
              const s = io(`${url}/student`, {
                auth: { pin },
                transports: ['websocket'],
                forceNew: true,
                reconnectionDelay: 300,
                reconnectionDelayMax: 2000
              })
              const idx = sockets.length
              sockets.push(s)
              names.push(`s${n}`)
              s.on('question', (q: { runId: string }) => {
                const list = receipts.get(q.runId) ?? []
                list[idx] = process.hrtime.bigint()
                receipts.set(q.runId, list)
              })
              try {
                await new Promise<void>((resolve, reject) => {
                  s.once('connect', () => resolve())
                  s.once('connect_error', reject)
                })
                if (!echo) {
                  const j = await ackOf(s, 'join', { name: `s${n}` })
                  if (!j.ok) failed++
                }
              } catch {
                failed++
              }
            })
          )
        }
        reply(m.id, { connected: sockets.length - failed, failed })
      } else if (m.cmd === 'answer') {
        // Wait for the question on every socket, then answer at a random moment in the window.
        const { runId, t0, windowMs, resend } = m as unknown as { runId: string; t0: string; windowMs: number; resend: number }
        const start = BigInt(t0)
        const deadline = Date.now() + 10_000
        while ((receipts.get(runId)?.filter(Boolean).length ?? 0) < sockets.length && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5))
        }
        const got = receipts.get(runId) ?? []
        const recv = sockets.map((_, i) => (got[i] ? Number(got[i]! - start) / 1e6 : null))
        const sends: { name: string; sentMs: number }[] = []
        let acks = 0
        let dups = 0
        let lost = 0
        await Promise.all(
          sockets.map(async (s, i) => {
            await new Promise((r) => setTimeout(r, Math.random() * windowMs))
            const payload = { runId, seq: 1, answer: { kind: 'single', choice: i % 4 } }
            sends.push({ name: names[i]!, sentMs: Number(process.hrtime.bigint() - start) / 1e6 })
            const a = await withRetry(s, payload)
            if (!a?.ok) return void lost++
            acks++
            if (a.result?.duplicate) dups++
            if (Math.random() < resend) {
              // A retry of the same answer (lost ack, double tap): must not be stored twice.
              const again = await withRetry(s, payload)
              if (again?.ok && again.result?.duplicate) dups++
            }
          })
        )
        receipts.delete(runId)
        reply(m.id, { recv, sends, acks, dups, lost })
      } else if (m.cmd === 'throughput') {
        const { runId, count, echo, seqBase } = m as unknown as { runId: string; count: number; echo: boolean; seqBase: number }
        let errors = 0
        const t = process.hrtime.bigint()
        await Promise.all(
          (sets.get(echo ? 'echo' : 'ours') ?? []).map(async (s, i) => {
            for (let k = 1; k <= count; k++) {
              const a = await ackOf(s, 'answer', { runId, seq: seqBase + k, answer: { kind: 'single', choice: (i + k) % 4 } }).catch(() => null)
              if (!a || (!echo && !a.ok)) errors++
            }
          })
        )
        reply(m.id, { ms: Number(process.hrtime.bigint() - t) / 1e6, errors })
      } else if (m.cmd === 'storm') {
        // Drop every socket at once; answer while offline (buffered, retried); time the way back.
        const { runId } = m as unknown as { runId: string }
        const t = process.hrtime.bigint()
        const backMs: number[] = []
        let acks = 0
        let dups = 0
        let lost = 0
        await Promise.all(
          sockets.map(async (s, i) => {
            const back = new Promise<void>((r) => s.once('connect', () => r()))
            s.io.engine.close()
            const payload = { runId, seq: 1, answer: { kind: 'single', choice: i % 4 } }
            const first = withRetry(s, payload, 8)
            await back
            backMs.push(Number(process.hrtime.bigint() - t) / 1e6)
            const a = await first
            if (!a?.ok) return void lost++
            acks++
            const again = await withRetry(s, payload)
            if (again?.ok && again.result?.duplicate) dups++
          })
        )
        reply(m.id, { backMs, acks, dups, lost })
      } else if (m.cmd === 'disconnect') {
        for (const list of sets.values()) for (const s of list) s.disconnect()
        sets.clear()
        sockets = []
        reply(m.id, {})
      } else if (m.cmd === 'exit') {
        process.exit(0)
      }
    } catch (err) {
      reply(m.id, { error: String(err) })
    }
  })
  process.send?.({ ready: true })
}

// ======================================================================================
// Parent: the classroom server, the teacher, the figures.
// ======================================================================================

class Kids {
  readonly procs: ChildProcess[] = []
  #seq = 0
  readonly #pending = new Map<number, (m: Msg) => void>()

  async start(n: number): Promise<void> {
    const file = fileURLToPath(import.meta.url)
    await Promise.all(
      Array.from({ length: n }, () => {
        const p = fork(file, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
        this.procs.push(p)
        p.on('message', (m: Msg) => {
          if (m.id !== undefined) {
            this.#pending.get(m.id)?.(m)
            this.#pending.delete(m.id)
          }
        })
        return new Promise<void>((r) => p.once('message', () => r()))
      })
    )
  }

  /** Sends each child its own message and waits for all replies. */
  all(make: (i: number) => Msg): Promise<Msg[]> {
    return Promise.all(
      this.procs.map((p, i) => {
        const id = ++this.#seq
        return new Promise<Msg>((resolve, reject) => {
          this.#pending.set(id, (m) => (m.error ? reject(new Error(String(m.error))) : resolve(m)))
          p.send({ ...make(i), id })
        })
      })
    )
  }

  stop(): void {
    for (const p of this.procs) p.kill()
  }
}

function split(total: number, parts: number): { first: number; count: number }[] {
  const base = Math.floor(total / parts)
  return Array.from({ length: parts }, (_, i) => ({ first: i * base + Math.min(i, total % parts), count: base + (i < total % parts ? 1 : 0) }))
}

async function main(): Promise<void> {
  const { percentile, round, writeResults } = await import('./bench-kit')
  const { StorageService, allMigrations } = await import('../src-main/services/storage')
  const { ClassroomService } = await import('../src-main/services/classroom')
  const { Server } = await import('socket.io')

  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const settle = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc()
      await new Promise((r) => setTimeout(r, 50))
    }
    return process.memoryUsage().rss
  }

  type Figure = { id: string; value: number; unit: string; goal: string }
  const figures: Figure[] = []
  const fig = (id: string, value: number, unit: string, goal = '-'): void => {
    figures.push({ id, value: round(value, 2), unit, goal })
    console.log(`  ${id.padEnd(46)} ${String(round(value, 2)).padStart(10)} ${unit.padEnd(5)} goal ${goal}`)
  }
  const goals: Record<number, { bcast: string; tally50: string; tally99: string }> = {
    60: { bcast: '-', tally50: '-', tally99: '-' },
    500: { bcast: '< 30', tally50: '< 5', tally99: '< 25' },
    2000: { bcast: '< 100', tally50: '-', tally99: '< 100' }
  }
  const os = await import('node:os')
  const extra: Record<string, unknown> = { loadAverageAtStart: os.loadavg(), sizes: SIZES, rounds: ROUNDS, answerWindowMs: ANSWER_WINDOW_MS, cores: os.cpus().length }

  for (const n of SIZES) {
    console.log(`\n--- ${n} students ---`)
    const dir = mkdtempSync(join(tmpdir(), 'classdeck-bench-'))
    const storage = StorageService.open({ file: join(dir, 'classdeck.db'), migrations: allMigrations, appVersion: 'bench' })
    const service = new ClassroomService({
      storage,
      settings: { get: () => ({ classroomPort: 0 }) },
      dataDir: dir,
      pagesDir: null,
      maxConnections: n + 100,
      interfaces: () => [{ name: 'lo', address: '127.0.0.1', internal: true }]
    })
    const kids = new Kids()
    const procs = n <= 60 ? 1 : n <= 500 ? 2 : 4
    await kids.start(procs)
    try {
      const rssBefore = await settle()
      const st = await service.open({ host: '127.0.0.1', port: 0, title: 'bench' })
      const url = st.url!.replace(/\/$/, '')
      const parts = split(n, procs)
      const tJoin = performance.now()
      const joined = await kids.all((i) => ({ cmd: 'connect', url, pin: st.pin!, echo: false, ...parts[i] }))
      const connected = joined.reduce((a, m) => a + Number(m.connected), 0)
      fig(`n${n}.joined`, connected, 'count', `= ${n}`)
      fig(`n${n}.join_all_ms`, performance.now() - tJoin, 'ms')
      const rssAfter = await settle()
      fig(`n${n}.server_rss_per_socket`, (rssAfter - rssBefore) / 1024 / connected, 'KB', '≤ 40')

      // Teacher's view: when each student first shows as answered in a tally event.
      const names = new Map<string, string>()
      let tallyAt = new Map<string, bigint>()
      service.onTally((t) => {
        const now = process.hrtime.bigint()
        for (const s of t.students) {
          if (s.answered && !tallyAt.has(s.name)) tallyAt.set(s.name, now)
          names.set(s.id, s.name)
        }
      })

      const loop = monitorEventLoopDelay({ resolution: 5 })
      loop.enable()
      const lastReceived: number[] = []
      const launchMs: number[] = []
      const perStudent: number[] = []
      const tallyLat: number[] = []
      let lost = 0
      let dupStored = 0
      let dupAcks = 0
      for (let r = 0; r < ROUNDS; r++) {
        tallyAt = new Map()
        const t0 = process.hrtime.bigint()
        const ls = performance.now()
        const run = service.launch({ kind: 'single', prompt: `第${r + 1}题`, options: ['A', 'B', 'C', 'D'], correct: 1 })
        launchMs.push(performance.now() - ls)
        const replies = await kids.all(() => ({ cmd: 'answer', runId: run.runId, t0: String(t0), windowMs: ANSWER_WINDOW_MS, resend: 0.05 }))
        await new Promise((res) => setTimeout(res, 20)) // the last tally turn
        const recv = replies.flatMap((m) => m.recv as (number | null)[])
        const missing = recv.filter((x) => x === null).length
        const ok = recv.filter((x): x is number => x !== null)
        lastReceived.push(Math.max(...ok))
        perStudent.push(...ok)
        for (const m of replies) {
          for (const s of m.sends as { name: string; sentMs: number }[]) {
            const at = tallyAt.get(s.name)
            if (at !== undefined) tallyLat.push(Number(at - t0) / 1e6 - s.sentMs)
          }
          lost += Number(m.lost)
          dupAcks += Number(m.dups)
        }
        const rows = storage.db.prepare('SELECT count(*) AS c, count(DISTINCT student_id) AS d FROM answers WHERE run_id = ?').get(run.runId) as { c: number; d: number }
        lost += Math.max(0, connected - rows.d) + missing
        dupStored += rows.c - rows.d
        service.closeQuestion(run.runId)
      }
      loop.disable()
      fig(`n${n}.broadcast_last_received.p50`, percentile(lastReceived, 50), 'ms')
      fig(`n${n}.broadcast_last_received.p99`, percentile(lastReceived, 99), 'ms', goals[n]!.bcast)
      fig(`n${n}.broadcast_per_student.p99`, percentile(perStudent, 99), 'ms')
      fig(`n${n}.broadcast_server_side.p50`, percentile(launchMs, 50), 'ms')
      fig(`n${n}.answer_to_tally.p50`, percentile(tallyLat, 50), 'ms', goals[n]!.tally50)
      fig(`n${n}.answer_to_tally.p99`, percentile(tallyLat, 99), 'ms', goals[n]!.tally99)
      fig(`n${n}.answers_lost`, lost, 'count', '= 0')
      fig(`n${n}.answers_duplicated`, dupStored, 'count', '= 0')
      fig(`n${n}.duplicate_retries_acked_as_duplicate`, dupAcks, 'count')
      fig(`n${n}.event_loop_delay.p99`, loop.percentile(99) / 1e6, 'ms', '< 20')

      // Throughput: every student sends answers back to back on one question (each a new seq,
      // so each is a real SQLite write). At ECHO_AT the same traffic also goes through a bare
      // Socket.IO server that only acks, interleaved ours/echo three times; medians compared.
      const tp = service.launch({ kind: 'single', prompt: 'tp', options: ['A', 'B', 'C', 'D'] })
      let echoServer: { close(): Promise<void> } | null = null
      if (n === ECHO_AT) {
        const http = createServer()
        const ioEcho = new Server(http, { serveClient: false })
        ioEcho.of('/student').on('connection', (s) => s.on('answer', (_p: unknown, ack: (a: unknown) => void) => ack({ ok: true, result: {} })))
        await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()))
        const port = (http.address() as { port: number }).port
        await kids.all((i) => ({ cmd: 'connect', url: `http://127.0.0.1:${port}`, pin: '000000', echo: true, ...parts[i] }))
        echoServer = { close: () => new Promise<void>((r) => void ioEcho.close(() => r())) }
      }
      const pass = async (echo: boolean, seqBase: number): Promise<{ perSec: number; errors: number }> => {
        const t1 = performance.now()
        const rs = await kids.all(() => ({ cmd: 'throughput', runId: tp.runId, count: THROUGHPUT_ANSWERS, echo, seqBase }))
        return { perSec: (connected * THROUGHPUT_ANSWERS) / ((performance.now() - t1) / 1000), errors: rs.reduce((a, m) => a + Number(m.errors), 0) }
      }
      const ours: number[] = []
      const echoes: number[] = []
      let tpErrors = 0
      for (let k = 0; k < (echoServer ? 3 : 1); k++) {
        const o = await pass(false, 100 + k * 10)
        ours.push(o.perSec)
        tpErrors += o.errors
        if (echoServer) echoes.push((await pass(true, 0)).perSec)
      }
      fig(`n${n}.throughput`, percentile(ours, 50), 'ans/s')
      fig(`n${n}.throughput_errors`, tpErrors, 'count', '= 0')
      if (echoServer) {
        fig(`n${n}.echo_throughput`, percentile(echoes, 50), 'ans/s')
        fig(`n${n}.throughput_ratio_vs_echo`, percentile(ours, 50) / percentile(echoes, 50), 'ratio', '≥ 0.8')
        await echoServer.close()
      }

      if (n === STORM_AT) {
        const storm = service.launch({ kind: 'single', prompt: 'storm', options: ['A', 'B', 'C', 'D'] })
        await new Promise((r) => setTimeout(r, 200))
        const sr = await kids.all(() => ({ cmd: 'storm', runId: storm.runId }))
        const back = sr.flatMap((m) => m.backMs as number[])
        fig(`storm${n}.all_back_ms`, Math.max(...back), 'ms', '< 10000')
        fig(`storm${n}.back`, back.length, 'count', `= ${n}`)
        const rows = storage.db.prepare('SELECT count(*) AS c, count(DISTINCT student_id) AS d FROM answers WHERE run_id = ?').get(storm.runId) as { c: number; d: number }
        fig(`storm${n}.offline_answers_stored`, rows.d, 'count', `= ${n}`)
        fig(`storm${n}.offline_answers_lost`, sr.reduce((a, m) => a + Number(m.lost), 0) + (connected - rows.d), 'count', '= 0')
        fig(`storm${n}.offline_answers_duplicated`, rows.c - rows.d, 'count', '= 0')
      }
      await kids.all(() => ({ cmd: 'disconnect' }))
      await service.close()

    } finally {
      kids.stop()
      await service.dispose().catch(() => undefined)
      storage.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  extra.loadAverageAtEnd = os.loadavg()
  extra.note = 'Students and server share the same cores; the load average shows how busy the machine was.'
  writeResults('classroom', figures, extra)
  process.exit(0)
}

if (process.argv.includes('--child')) void child()
else
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
