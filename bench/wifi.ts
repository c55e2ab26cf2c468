/**
 * A real classroom network (`npm run bench -- wifi`): 60 tablets and the classroom server in
 * two network namespaces of their own, joined by a link shaped as a busy classroom Wi-Fi
 * (30 ms ± 20 ms each way, 2% loss, 20 Mbit/s shared). The server is the real ClassroomService
 * serving the built tablet page; the tablets are socket.io-client sockets speaking the student
 * protocol as the tablet page does (PIN, join, answer with one seq retried until acked), three
 * processes of 20, plus a headless Chromium loading the real page for the first-load figure.
 *
 * The link is `tc netem` on a veth pair when the kernel has netem; otherwise bench/lib/wifi-link.py
 * carries the packets between two TUN devices with the same delay, loss and rate (said so in the
 * results). Without namespaces, or with neither, the benchmark says so and exits 0 with no figures.
 * Every run makes its namespaces and removes them (finally, signals, exit), and ends within 5 min.
 * All traffic is between 10.213.0.1 and 10.213.0.2, addresses that exist only in those namespaces.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, loadavg, cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Socket as ClientSocket } from 'socket.io-client'
import { NUDGE_AFTER_MS, NUDGE_EVENT } from '../src-shared/classroom/wire'

const ROOT = join(import.meta.dirname, '..')
const PAGES = join(ROOT, 'dist', 'renderer')
const NS_SERVER = 'cdwifi-server'
const NS_TABLETS = 'cdwifi-tablets'
const SERVER_ADDR = '10.213.0.1'
const TABLET_ADDR = '10.213.0.2'
const PORT = 8080
const TABLETS = 60
const TABLET_PROCS = 3
const QUESTIONS = 10
const ANSWER_WINDOW_MS = 3000
const QUIET_BEFORE_LAUNCH_MS = 500
const COLD_LOADS = 5
const LINK = { delayMs: 30, jitterMs: 20, lossPercent: 2, rateMbit: 20 }
/** The whole benchmark, set-up and teardown included, stays under 5 minutes. */
const BUDGET_MS = 4.5 * 60_000
/** As the tablet page (src-renderer/student/student-client.ts). */
const ACK_TIMEOUT_MS = 4000
const MAX_TRIES = 8

type Msg = Record<string, unknown> & { cmd?: string; id?: number; error?: string }

// ======================================================================================
// Children (each started inside a namespace with `ip netns exec`, IPC to the parent).
// ======================================================================================

function serve(handle: (m: Msg) => Promise<Record<string, unknown>>): void {
  process.on('message', (m: Msg) => {
    handle(m).then(
      (body) => process.send?.({ id: m.id, ...body }),
      (err: unknown) => process.send?.({ id: m.id, error: String(err) })
    )
  })
  process.on('disconnect', () => process.exit(0))
  process.send?.({ ready: true })
}

/** The classroom server, in NS_SERVER. */
async function serverChild(): Promise<void> {
  const { StorageService, allMigrations } = await import('../src-main/services/storage')
  const { ClassroomService } = await import('../src-main/services/classroom')
  const { QuestionSpec } = await import('../src-shared/classroom/question')
  const dir = mkdtempSync(join(tmpdir(), 'classdeck-wifi-'))
  const storage = StorageService.open({
    file: join(dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'bench'
  })
  const service = new ClassroomService({
    storage,
    settings: { get: () => ({ classroomPort: PORT }) },
    dataDir: dir,
    pagesDir: PAGES,
    maxConnections: TABLETS + 20,
    // The tablets share one address here (one namespace); on a real LAN each has its own.
    socketsPerAddress: TABLETS + 20,
    interfaces: () => [{ name: 'wifi0', address: SERVER_ADDR, internal: false }]
  })
  /** Per run: when each student first shows as answered in a tally (the board's view). */
  const tallyAt = new Map<string, Map<string, bigint>>()
  service.onTally((t) => {
    const now = process.hrtime.bigint()
    let seen = tallyAt.get(t.runId)
    if (!seen) tallyAt.set(t.runId, (seen = new Map()))
    for (const s of t.students) if (s.answered && !seen.has(s.name)) seen.set(s.name, now)
  })
  serve(async (m) => {
    if (m.cmd === 'open') {
      const st = await service.open({ host: SERVER_ADDR, port: PORT, title: '无线课堂', maxStudents: TABLETS + 10 })
      return { url: st.url, pin: st.pin, pagesBuilt: st.pagesBuilt }
    }
    if (m.cmd === 'launch') {
      const spec = QuestionSpec.parse({ kind: 'single', prompt: String(m.prompt), options: ['A', 'B', 'C', 'D'] })
      const t0 = process.hrtime.bigint()
      const run = service.launch(spec)
      return { runId: run.runId, t0: String(t0) }
    }
    if (m.cmd === 'close') {
      const runId = String(m.runId)
      service.closeQuestion(runId)
      const rows = storage.db
        .prepare('SELECT count(*) AS c, count(DISTINCT student_id) AS d FROM answers WHERE run_id = ?')
        .get(runId) as { c: number; d: number }
      const seen = tallyAt.get(runId) ?? new Map<string, bigint>()
      tallyAt.delete(runId)
      return { stored: rows.c, distinct: rows.d, tally: Object.fromEntries([...seen].map(([k, v]) => [k, String(v)])) }
    }
    if (m.cmd === 'exit') {
      await service.dispose().catch(() => undefined)
      storage.close()
      rmSync(dir, { recursive: true, force: true })
      setTimeout(() => process.exit(0), 10)
      return {}
    }
    throw new Error(`unknown ${m.cmd}`)
  })
}

/** A batch of tablets, in NS_TABLETS. */
async function tabletsChild(): Promise<void> {
  const { io } = await import('socket.io-client')
  const tablets: { s: ClientSocket; name: string }[] = []
  const got = new Map<string, bigint[]>() // runId → hrtime the question arrived, per tablet

  async function call(s: ClientSocket, ev: string, payload: unknown): Promise<{ ok: boolean; result?: never } | null> {
    // As the tablet page: the same payload (same seq) until the server acks it.
    for (let i = 0; i < MAX_TRIES; i++) {
      try {
        const acked = s.timeout(ACK_TIMEOUT_MS).emitWithAck(ev, payload)
        // As the page does after each answer it sends (student-client.ts): the tail-loss nudge.
        if (ev === 'answer') setTimeout(() => s.volatile.emit(NUDGE_EVENT), NUDGE_AFTER_MS)
        return (await acked) as { ok: boolean }
      } catch {
        // no ack in time: send it again
      }
    }
    return null
  }

  serve(async (m) => {
    if (m.cmd === 'connect') {
      const { url, pin, first, count } = m as unknown as { url: string; pin: string; first: number; count: number }
      let failed = 0
      await Promise.all(
        Array.from({ length: count }, async (_, k) => {
          const idx = tablets.length
          // The page's own options: long-polling first, then the WebSocket upgrade.
          const s = io(`${url}/student`, { auth: { pin }, reconnectionDelayMax: 3000 })
          const name = `平板${first + k + 1}`
          tablets.push({ s, name })
          s.on('question', (q: { runId: string }) => {
            const list = got.get(q.runId) ?? []
            list[idx] ??= process.hrtime.bigint()
            got.set(q.runId, list)
          })
          await new Promise<void>((resolve) => s.once('connect', () => resolve()))
          const j = await call(s, 'join', { name })
          if (!j?.ok) failed++
        })
      )
      return { joined: count - failed }
    }
    if (m.cmd === 'answer') {
      const { runId, t0, seq, windowMs } = m as unknown as { runId: string; t0: string; seq: number; windowMs: number }
      const start = BigInt(t0)
      const deadline = Date.now() + 15_000
      while ((got.get(runId)?.filter(Boolean).length ?? 0) < tablets.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5))
      const arrived = got.get(runId) ?? []
      got.delete(runId)
      const shownMs = tablets.map((_, i) => (arrived[i] ? Number(arrived[i]! - start) / 1e6 : null))
      const sends: { name: string; at: string }[] = []
      let lost = 0
      let resent = 0
      await Promise.all(
        tablets.map(async ({ s, name }, i) => {
          if (!arrived[i]) return void lost++
          await new Promise((r) => setTimeout(r, Math.random() * windowMs))
          const payload = { runId, seq, answer: { kind: 'single', choice: i % 4 } }
          sends.push({ name, at: String(process.hrtime.bigint()) })
          const a = await call(s, 'answer', payload)
          if (!a?.ok) return void lost++
          // A double tap, or an ack that was lost on the air: the same answer again, stored once.
          if (Math.random() < 0.05) {
            resent++
            await call(s, 'answer', payload)
          }
        })
      )
      return { shownMs, sends, lost, resent }
    }
    if (m.cmd === 'exit') {
      for (const t of tablets) t.s.disconnect()
      setTimeout(() => process.exit(0), 10)
      return {}
    }
    throw new Error(`unknown ${m.cmd}`)
  })
}

/** Headless Chromium on a tablet, in NS_TABLETS: the page's first load with an empty cache. */
async function browserChild(): Promise<void> {
  const { chromium } = await import('playwright-core')
  const { CHROMIUM_ARGS } = await import('./bench-kit')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  serve(async (m) => {
    if (m.cmd === 'load') {
      const url = String(m.url)
      // A fresh context each time: nothing cached, a new connection, as a tablet on its first lesson.
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
      const page = await context.newPage()
      const t = performance.now()
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 })
      // Loaded is not shown: the Vue app has put the PIN screen on the page.
      await page.waitForFunction(() => (document.getElementById('app')?.children.length ?? 0) > 0, null, {
        timeout: 20_000,
        polling: 10
      })
      const coldMs = performance.now() - t
      const bytes = await page.evaluate(() => {
        const all = [
          ...performance.getEntriesByType('navigation'),
          ...performance.getEntriesByType('resource')
        ] as PerformanceResourceTiming[]
        return {
          transfer: all.reduce((a, e) => a + e.transferSize, 0),
          decoded: all.reduce((a, e) => a + e.decodedBodySize, 0)
        }
      })
      // The next lesson: the page revalidated (304), the hashed assets straight from the cache.
      const t2 = performance.now()
      await page.reload({ waitUntil: 'load', timeout: 20_000 })
      await page.waitForFunction(() => (document.getElementById('app')?.children.length ?? 0) > 0, null, {
        timeout: 20_000,
        polling: 10
      })
      const warmMs = performance.now() - t2
      const warmTransfer = await page.evaluate(() =>
        (
          [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource')
          ] as PerformanceResourceTiming[]
        ).reduce((a, e) => a + e.transferSize, 0)
      )
      await context.close()
      return { coldMs, warmMs, transfer: bytes.transfer, decoded: bytes.decoded, warmTransfer }
    }
    if (m.cmd === 'exit') {
      await browser.close()
      setTimeout(() => process.exit(0), 10)
      return {}
    }
    throw new Error(`unknown ${m.cmd}`)
  })
}

// ======================================================================================
// Parent: the network, the children, the figures.
// ======================================================================================

class Child {
  readonly proc: ChildProcess
  #seq = 0
  readonly #pending = new Map<number, { resolve: (m: Msg) => void; reject: (e: Error) => void }>()
  readonly ready: Promise<void>

  constructor(ns: string, role: string) {
    const { NODE_HOST_FLAGS } = flags
    this.proc = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        process.execPath,
        ...NODE_HOST_FLAGS,
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        role
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
    )
    children.add(this.proc)
    this.ready = new Promise((resolve, reject) => {
      this.proc.once('exit', (code) => reject(new Error(`${role} exited (${code}) before it was ready`)))
      this.proc.on('message', (m: Msg) => {
        if (m.ready) return resolve()
        const p = m.id !== undefined ? this.#pending.get(m.id) : undefined
        if (!p) return
        this.#pending.delete(m.id!)
        if (m.error) p.reject(new Error(m.error))
        else p.resolve(m)
      })
    })
    this.proc.on('exit', () => {
      children.delete(this.proc)
      for (const p of this.#pending.values()) p.reject(new Error(`${role} exited`))
      this.#pending.clear()
    })
  }

  call(cmd: string, body: Record<string, unknown> = {}): Promise<Msg> {
    const id = ++this.#seq
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.proc.send({ ...body, cmd, id })
    })
  }
}

let flags: { NODE_HOST_FLAGS: readonly string[] } = { NODE_HOST_FLAGS: [] }
const children = new Set<ChildProcess>()
let linkProc: ChildProcess | null = null

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] })
}
function tc(ns: string, ...args: string[]): void {
  execFileSync('ip', ['netns', 'exec', ns, 'tc', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
}
function quiet(f: () => void): void {
  try {
    f()
  } catch {
    // already gone
  }
}

/** Everything this run made: children, the link, the namespaces (and the devices in them). Safe to call twice. */
function teardown(): void {
  for (const p of children) quiet(() => p.kill('SIGKILL'))
  children.clear()
  if (linkProc) quiet(() => linkProc!.kill('SIGKILL'))
  linkProc = null
  for (const ns of [NS_SERVER, NS_TABLETS]) quiet(() => ip('netns', 'del', ns))
  // A TUN device not yet moved into a namespace (a run stopped mid set-up).
  for (const dev of ['cdwifi-s0', 'cdwifi-t0']) quiet(() => ip('link', 'del', dev))
}

/** What this machine allows: 'netem', 'tun' (user-space link), or why neither. */
function preflight(): { link: 'netem' | 'tun' } | { refused: string } {
  try {
    ip('netns', 'add', NS_SERVER)
  } catch (err) {
    return { refused: `network namespaces refused (ip netns add: ${stderrOf(err)})` }
  }
  try {
    quiet(() => ip('-n', NS_SERVER, 'link', 'set', 'lo', 'up'))
    tc(NS_SERVER, 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms')
    return { link: 'netem' }
  } catch (err) {
    const why = stderrOf(err)
    const python = (() => {
      try {
        execFileSync('python3', ['--version'], { stdio: 'ignore' })
        return true
      } catch {
        return false
      }
    })()
    if (existsSync('/dev/net/tun') && python) {
      console.log(`wifi: tc netem refused (${why}); the link is bench/lib/wifi-link.py between two TUN devices`)
      return { link: 'tun' }
    }
    return { refused: `tc netem refused (${why}) and no /dev/net/tun + python3 for the user-space link` }
  } finally {
    quiet(() => ip('netns', 'del', NS_SERVER))
  }
}

function stderrOf(err: unknown): string {
  const e = err as { stderr?: Buffer }
  return (e.stderr?.toString() ?? String(err)).trim()
}

async function makeNetwork(link: 'netem' | 'tun'): Promise<void> {
  ip('netns', 'add', NS_SERVER)
  ip('netns', 'add', NS_TABLETS)
  for (const ns of [NS_SERVER, NS_TABLETS]) ip('-n', ns, 'link', 'set', 'lo', 'up')
  const shape = [
    'delay',
    `${LINK.delayMs}ms`,
    `${LINK.jitterMs}ms`,
    'loss',
    `${LINK.lossPercent}%`,
    'rate',
    `${LINK.rateMbit}mbit`
  ]
  if (link === 'netem') {
    ip('-n', NS_SERVER, 'link', 'add', 'cdwifi-s0', 'type', 'veth', 'peer', 'name', 'cdwifi-t0', 'netns', NS_TABLETS)
    ip('-n', NS_SERVER, 'addr', 'add', `${SERVER_ADDR}/24`, 'dev', 'cdwifi-s0')
    ip('-n', NS_TABLETS, 'addr', 'add', `${TABLET_ADDR}/24`, 'dev', 'cdwifi-t0')
    // Both directions: the server's broadcast down, the answers up.
    tc(NS_SERVER, 'qdisc', 'add', 'dev', 'cdwifi-s0', 'root', 'netem', ...shape)
    tc(NS_TABLETS, 'qdisc', 'add', 'dev', 'cdwifi-t0', 'root', 'netem', ...shape)
  } else {
    const p = spawn(
      'python3',
      [
        join(ROOT, 'bench', 'lib', 'wifi-link.py'),
        'cdwifi-s0',
        'cdwifi-t0',
        String(LINK.delayMs),
        String(LINK.jitterMs),
        String(LINK.lossPercent),
        String(LINK.rateMbit)
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] }
    )
    linkProc = p
    await new Promise<void>((resolve, reject) => {
      p.stdout!.once('data', () => resolve())
      p.once('exit', (code) => reject(new Error(`wifi-link.py exited (${code})`)))
    })
    // The open descriptors follow the devices into the namespaces.
    ip('link', 'set', 'cdwifi-s0', 'netns', NS_SERVER)
    ip('link', 'set', 'cdwifi-t0', 'netns', NS_TABLETS)
    ip('-n', NS_SERVER, 'addr', 'add', SERVER_ADDR, 'peer', TABLET_ADDR, 'dev', 'cdwifi-s0')
    ip('-n', NS_TABLETS, 'addr', 'add', TABLET_ADDR, 'peer', SERVER_ADDR, 'dev', 'cdwifi-t0')
  }
  ip('-n', NS_SERVER, 'link', 'set', 'cdwifi-s0', 'up')
  ip('-n', NS_TABLETS, 'link', 'set', 'cdwifi-t0', 'up')
}

async function main(): Promise<void> {
  flags = (await import('../scripts/node-flags.mjs')) as typeof flags
  const { percentile, median, round, writeResults } = await import('./bench-kit')
  if (!existsSync(join(PAGES, 'student.html'))) {
    console.error('wifi: the tablet page is not built (dist/renderer/student.html); run npm run build:web first')
    process.exit(1)
  }
  teardown() // what a killed earlier run may have left
  const pre = preflight()
  if ('refused' in pre) {
    console.log(`wifi: ${pre.refused}. No figures: this machine cannot shape a network.`)
    process.exit(0)
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => {
      teardown()
      process.exit(130)
    })
  process.on('exit', teardown)
  const budget = setTimeout(() => {
    console.error(`wifi: over the ${BUDGET_MS / 1000} s budget, stopping`)
    teardown()
    process.exit(1)
  }, BUDGET_MS)

  const started = Date.now()
  const figures: { id: string; value: number; unit: string; goal: string }[] = []
  const fig = (id: string, value: number, unit: string, goal = '-'): void => {
    figures.push({ id, value: round(value), unit, goal })
  }
  const loadAtStart = loadavg()
  try {
    await makeNetwork(pre.link)
    const server = new Child(NS_SERVER, '--server')
    await server.ready
    const {
      url: joinUrl,
      pin,
      pagesBuilt
    } = (await server.call('open')) as unknown as {
      url: string
      pin: string
      pagesBuilt: boolean
    }
    if (!pagesBuilt) throw new Error('the server does not see the built pages')
    const url = new URL(joinUrl).origin
    if (new URL(url).hostname !== SERVER_ADDR) throw new Error(`the class opened on ${url}, not on ${SERVER_ADDR}`)
    console.log(`wifi: class open at ${url} (link: ${pre.link})`)

    const browser = new Child(NS_TABLETS, '--browser')
    const kids = Array.from({ length: TABLET_PROCS }, () => new Child(NS_TABLETS, '--tablets'))
    await Promise.all([browser.ready, ...kids.map((k) => k.ready)])

    const per = TABLETS / TABLET_PROCS
    const tJoin = performance.now()
    const joined = await Promise.all(kids.map((k, i) => k.call('connect', { url, pin, first: i * per, count: per })))
    fig(
      'tablets_joined',
      joined.reduce((a, m) => a + Number(m.joined), 0),
      'count',
      `= ${TABLETS}`
    )
    fig('join_all_ms', performance.now() - tJoin, 'ms')

    const shown: number[] = []
    const tally: number[] = []
    let lost = 0
    let duplicated = 0
    let resent = 0
    for (let q = 0; q < QUESTIONS; q++) {
      await new Promise((r) => setTimeout(r, QUIET_BEFORE_LAUNCH_MS))
      const { runId, t0 } = (await server.call('launch', { prompt: `第${q + 1}题` })) as unknown as {
        runId: string
        t0: string
      }
      const replies = await Promise.all(
        kids.map((k) => k.call('answer', { runId, t0, seq: q + 1, windowMs: ANSWER_WINDOW_MS }))
      )
      await new Promise((r) => setTimeout(r, 300)) // the last tally turn reaches the board
      const closed = (await server.call('close', { runId })) as unknown as {
        stored: number
        distinct: number
        tally: Record<string, string>
      }
      const shownNow = replies.flatMap((m) => (m.shownMs as (number | null)[]).filter((x): x is number => x !== null))
      shown.push(...shownNow)
      for (const m of replies) {
        for (const s of m.sends as { name: string; at: string }[]) {
          const at = closed.tally[s.name]
          if (at) tally.push(Number(BigInt(at) - BigInt(s.at)) / 1e6)
        }
        resent += Number(m.resent)
      }
      lost += TABLETS - closed.distinct
      duplicated += closed.stored - closed.distinct
      console.log(
        `  q${q + 1}: shown on ${shownNow.length}, last after ${round(Math.max(...shownNow))} ms; stored ${closed.distinct}/${TABLETS}`
      )
    }
    fig('question_shown.p50', percentile(shown, 50), 'ms')
    fig('question_shown.p99', percentile(shown, 99), 'ms', '< 300')
    fig('question_shown.max', Math.max(...shown), 'ms')
    fig('answer_to_tally.p50', percentile(tally, 50), 'ms')
    fig('answer_to_tally.p99', percentile(tally, 99), 'ms', '< 250')
    fig('answer_to_tally.max', Math.max(...tally), 'ms')
    fig('answers_lost', lost, 'count', '0')
    fig('answers_duplicated', duplicated, 'count', '0')
    fig('answers_resent_on_purpose', resent, 'count')

    // First loads while the class is connected and idle, each in a fresh browser context.
    const loads: Msg[] = []
    for (let i = 0; i < COLD_LOADS; i++) loads.push(await browser.call('load', { url: `${url}/student.html` }))
    const cold = loads.map((m) => Number(m.coldMs) / 1000)
    fig('page_first_load.median', median(cold), 's', '< 1.5')
    fig('page_first_load.max', Math.max(...cold), 's')
    fig('page_repeat_load.median', median(loads.map((m) => Number(m.warmMs) / 1000)), 's')
    fig('page_first_load_transfer', median(loads.map((m) => Number(m.transfer))) / 1024, 'KB')
    fig('page_first_load_decoded', median(loads.map((m) => Number(m.decoded))) / 1024, 'KB')
    fig('page_repeat_load_transfer', median(loads.map((m) => Number(m.warmTransfer))) / 1024, 'KB')

    await Promise.all([...kids.map((k) => k.call('exit')), browser.call('exit'), server.call('exit')]).catch(
      () => undefined
    )
    writeResults('wifi', figures, {
      link:
        pre.link === 'netem'
          ? 'tc netem on a veth pair, both directions'
          : 'bench/lib/wifi-link.py between two TUN devices (this kernel has no netem), both directions',
      shape: LINK,
      tablets: TABLETS,
      tabletProcesses: TABLET_PROCS,
      questions: QUESTIONS,
      answerWindowMs: ANSWER_WINDOW_MS,
      coldLoads: COLD_LOADS,
      seconds: round((Date.now() - started) / 1000, 1),
      cores: cpus().length,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg()
    })
  } finally {
    clearTimeout(budget)
    teardown()
  }
  process.exit(0)
}

const role = process.argv[2]
if (role === '--server') void serverChild()
else if (role === '--tablets') void tabletsChild()
else if (role === '--browser') void browserChild()
else
  main().catch((err) => {
    console.error(err)
    teardown()
    process.exit(1)
  })
