/**
 * The tablet's side of the student protocol (docs/classroom-protocol.md): connect with the
 * class PIN, join (or rejoin with the stored token), follow the current question, and send
 * answers until they are acknowledged (same seq on every retry, so nothing is stored twice).
 * Everything the page shows lives in `view` (reactive).
 */
import { reactive } from 'vue'
import { io, type Socket } from 'socket.io-client'
import {
  HTTP_PATHS,
  LIMITS,
  NUDGE_AFTER_MS,
  NUDGE_EVENT,
  STUDENT_EVENTS as E,
  STUDENT_NAMESPACE,
  reasonOf,
  type Ack
} from '../../src-shared/classroom/wire'
import type {
  AnswerResult,
  ClassInfo,
  JoinDecision,
  JoinInput,
  JoinResult,
  MyAnswer,
  SignedOutEvent,
  StudentState
} from '../../src-shared/classroom/protocol'
import type { Answer, RevealedKey, StudentQuestion } from '../../src-shared/classroom/question'
import type { AppErrorData } from '../../src-shared/errors'

export type Phase = 'pin' | 'connecting' | 'name' | 'ready' | 'closed'

export interface StudentView {
  phase: Phase
  online: boolean
  title: string
  roster: ClassInfo['roster']
  student: { id: string; name: string } | null
  question: StudentQuestion | null
  open: boolean
  myAnswer: MyAnswer | null
  revealed: RevealedKey | null
  sending: boolean
  error: string | null
}

const STORE = 'classdeck-student'
const ACK_TIMEOUT_MS = 4000
const MAX_TRIES = 8

interface Stored {
  pin?: string
  token?: string
  /** The last answer seq this device sent as this student (kept with the token: a new class starts again at 1). */
  seq?: number
}

function load(): Stored {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '{}') as Stored
  } catch {
    return {}
  }
}
function save(s: Stored): void {
  localStorage.setItem(STORE, JSON.stringify(s))
}

export class StudentClient {
  readonly view: StudentView = reactive({
    phase: 'pin',
    online: false,
    title: '',
    roster: null,
    student: null,
    question: null,
    open: false,
    myAnswer: null,
    revealed: null,
    sending: false,
    error: null
  })
  #socket: Socket | null = null
  #stored: Stored = load()

  /** Reconnects by itself when the page knows a PIN (from the QR code's ?pin= or a past visit). */
  start(): void {
    const fromUrl = new URLSearchParams(location.search).get('pin')
    if (fromUrl && /^\d{6}$/.test(fromUrl) && fromUrl !== this.#stored.pin) this.#stored = { pin: fromUrl }
    if (this.#stored.pin) this.connect(this.#stored.pin)
  }

  get savedPin(): string {
    return this.#stored.pin ?? ''
  }

  connect(pin: string): void {
    this.#socket?.close()
    this.view.error = null
    this.view.phase = 'connecting'
    if (pin !== this.#stored.pin) this.#stored = { pin }
    save(this.#stored)
    const s = io(STUDENT_NAMESPACE, { auth: { pin }, reconnectionDelayMax: 3000 })
    this.#socket = s
    s.on('connect', () => void this.#onConnect(s))
    s.on('disconnect', () => {
      this.view.online = false
    })
    s.on('connect_error', (err: Error & { data?: AppErrorData }) => {
      // Refusals come from our middleware: the client will not retry those by itself.
      if (!err.data) return // a network error: socket.io keeps retrying
      const reason = reasonOf(err.data)
      this.view.error = err.data.message
      if (reason === 'pin') this.#stored = {}
      save(this.#stored)
      this.view.phase = 'pin'
    })
    s.on(E.question, (q: StudentQuestion) => {
      this.view.question = q
      this.view.open = true
      this.view.myAnswer = null
      this.view.revealed = null
      this.view.error = null
    })
    s.on(E.questionClosed, (p: { runId: string }) => {
      if (this.view.question?.runId === p.runId) this.view.open = false
    })
    s.on(E.reveal, (key: RevealedKey) => {
      if (this.view.question?.runId === key.runId) {
        this.view.revealed = key
        this.view.open = false
        // The server marks answers (one rule per kind, kinds/); after the reveal its state carries
        // this student's mark, so the tablet never marks an answer itself.
        if (this.view.myAnswer) void this.#refresh()
      }
    })
    s.on(E.joinDecision, (d: JoinDecision) => {
      if (d.approved) this.#joined(d.result)
      else this.view.error = d.error.message
    })
    s.on(E.signedOut, (e: SignedOutEvent) => {
      // Another device speaks for this student now; the server disconnects this one.
      delete this.#stored.token
      save(this.#stored)
      this.view.student = null
      this.view.error = e.error.message
      this.view.phase = 'pin'
    })
    s.on(E.classClosed, () => {
      this.view.phase = 'closed'
      this.#stored = {}
      save(this.#stored)
      s.close()
    })
  }

  async #onConnect(s: Socket): Promise<void> {
    this.view.online = true
    if (s.recovered && this.view.student) {
      // Missed broadcasts were replayed; ask for the state anyway in case we slept long.
      const st = await this.#call<StudentState>(E.sync, {})
      if (st.ok) return this.#apply(st.result)
      // Recovered as nobody: the teacher let another device in meanwhile. The token says so next.
      if (reasonOf(st.error) !== 'not-joined') return
    }
    if (this.#stored.token) {
      const again = await this.#call<JoinResult>(E.join, { token: this.#stored.token })
      if (again.ok) return this.#joined(again.result)
      delete this.#stored.token
      save(this.#stored)
    }
    const info = await this.#call<ClassInfo>(E.classInfo, {})
    if (info.ok) {
      this.view.title = info.result.title
      this.view.roster = info.result.roster
    }
    this.view.phase = 'name'
  }

  async join(input: JoinInput): Promise<void> {
    this.view.error = null
    const r = await this.#call<JoinResult>(E.join, input)
    if (r.ok) this.#joined(r.result)
    else this.view.error = r.error.message
  }

  #joined(j: JoinResult): void {
    if (j.token !== this.#stored.token) this.#stored.seq = 0
    this.#stored.token = j.token
    save(this.#stored)
    this.view.error = null
    this.view.student = j.student
    this.view.title = j.title
    this.#apply(j)
    this.view.phase = 'ready'
  }

  #apply(st: StudentState): void {
    this.view.question = st.question
    this.view.open = st.open
    this.view.myAnswer = st.myAnswer
    this.view.revealed = st.revealed
  }

  /**
   * The next answer seq: above what this device sent and above the answer the server holds for
   * this student (which may come from an earlier device), and never past the protocol's bound.
   */
  #nextSeq(): number {
    const seq = Math.min(LIMITS.maxSeq, Math.max(this.#stored.seq ?? 0, this.view.myAnswer?.seq ?? 0) + 1)
    this.#stored.seq = seq
    save(this.#stored)
    return seq
  }

  /** Sends until acknowledged or refused; a retry reuses the seq, so it can never count twice. */
  async answer(answer: Answer): Promise<void> {
    const q = this.view.question
    if (!q || !this.view.open) return
    const payload = { runId: q.runId, seq: this.#nextSeq(), answer }
    this.view.sending = true
    this.view.error = null
    try {
      for (let i = 0; i < MAX_TRIES; i++) {
        const r = await this.#call<AnswerResult>(E.answer, payload)
        if (r.ok) {
          this.view.myAnswer = {
            runId: r.result.runId,
            seq: r.result.seq,
            answer,
            receivedAt: r.result.receivedAt,
            ...(r.result.rank ? { rank: r.result.rank } : {})
          }
          if (r.result.duplicate) await this.#refresh()
          return
        }
        if (reasonOf(r.error) !== 'internal' || i === MAX_TRIES - 1) {
          this.view.error = r.error.message
          if (reasonOf(r.error) === 'closed') this.view.open = false
          return
        }
      }
    } finally {
      this.view.sending = false
    }
  }

  async #refresh(): Promise<void> {
    const st = await this.#call<StudentState>(E.sync, {})
    if (st.ok) this.#apply(st.result)
  }

  /** A picture of the current question (served to joined students only, so fetched with the token). */
  async picture(name: string): Promise<Blob | null> {
    if (!this.#stored.token) return null
    const res = await fetch(HTTP_PATHS.studentPicture + encodeURIComponent(name), {
      headers: { Authorization: `Bearer ${this.#stored.token}` }
    })
    return res.ok ? await res.blob() : null
  }

  /** Photo answer over HTTP: downscaled on the device first, then sent with the same seq on retries. */
  uploadPhoto(file: File): Promise<void> {
    return this.#uploadPicture(() => downscale(file), '照片没有发出去，请检查网络后重试')
  }

  /** A 小黑板 drawing (a PNG the tablet drew): the same upload as a photo, so the same limits and 413. */
  uploadDrawing(png: Blob): Promise<void> {
    return this.#uploadPicture(async () => png, '画好的答案没有发出去，请检查网络后重试')
  }

  async #uploadPicture(picture: () => Promise<Blob>, failed: string): Promise<void> {
    const q = this.view.question
    if (!q || !this.view.open || !this.#stored.token) return
    this.view.sending = true
    this.view.error = null
    try {
      const body = await picture()
      const url = `${HTTP_PATHS.studentPhoto}?runId=${encodeURIComponent(q.runId)}&seq=${this.#nextSeq()}`
      for (let i = 0; i < 3; i++) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { Authorization: `Bearer ${this.#stored.token}`, 'Content-Type': body.type },
            body
          })
          const r = (await res.json()) as Ack<AnswerResult>
          if (r.ok) await this.#refresh()
          else this.view.error = r.error.message
          return
        } catch {
          await new Promise((res) => setTimeout(res, 1000))
        }
      }
      this.view.error = failed
    } finally {
      this.view.sending = false
    }
  }

  /** A call with an ack; waits for the connection, and reports a timeout as an internal refusal (retryable). */
  async #call<T>(event: string, payload: unknown): Promise<Ack<T>> {
    const s = this.#socket
    if (!s)
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: '还没有连接到老师的电脑', messageEn: 'Not connected' }
      }
    if (!s.connected) await new Promise<void>((r) => s.once('connect', () => r()))
    try {
      const acked = s.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)
      // An answer is often the only segment this tablet has in flight: if Wi-Fi loses it, the
      // kernel resends it only after its tail loss probe (~300 ms). A tiny frame right after lets
      // the server's acknowledgement show the hole, so the answer is resent one round trip later.
      if (event === E.answer) setTimeout(() => s.volatile.emit(NUDGE_EVENT), NUDGE_AFTER_MS)
      return (await acked) as Ack<T>
    } catch {
      return {
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: '网络不稳定，正在重试…',
          messageEn: 'Network unstable, retrying',
          details: { reason: 'internal' }
        }
      }
    }
  }
}

/** Longest side 1600 px, JPEG 0.8: a phone photo becomes a few hundred KB. */
async function downscale(file: File): Promise<Blob> {
  try {
    const bmp = await createImageBitmap(file)
    const scale = Math.min(1, 1600 / Math.max(bmp.width, bmp.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bmp.width * scale)
    canvas.height = Math.round(bmp.height * scale)
    canvas.getContext('2d')?.drawImage(bmp, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.8))
    return blob ?? file
  } catch {
    return file
  }
}
