/**
 * Keeps the lesson record in step with playback: starts the session, beats every 5 s, reports
 * window visibility and teacher activity (at most once per few seconds), slides and tools.
 * Calls go through the typed transport; a failed beat is retried by the next one.
 */
import type { GroupScore, LessonStatus, LessonSummary, LessonTool } from '../../../src-shared/contract/lessons'
import type { CallChannel, CallInput, CallOutput } from '../../../src-shared/contract'

export interface LessonRpc {
  invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>
}

export interface RecorderEnv {
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
  now(): number
}

export const HEARTBEAT_MS = 5000
/** Activity is sent at most this often: the idle limit is minutes, so seconds are plenty. */
export const ACTIVITY_THROTTLE_MS = 5000
/** 小组PK scores go to the record at most this often (a run of taps is one event); the last go at 下课. */
export const SCORES_EVERY_MS = 5000

export class LessonRecorder {
  #sessionId: string | null = null
  #beat: unknown = null
  #lastActivity = -Infinity
  #lastSlide: string | null = null
  readonly #tools = new Set<LessonTool>()
  #scores: GroupScore[] | null = null
  #scoresSentAt = -Infinity
  status: LessonStatus | null = null
  onStatus: ((s: LessonStatus) => void) | null = null
  onError: ((err: unknown) => void) | null = null

  constructor(
    private readonly rpc: LessonRpc,
    private readonly env: RecorderEnv
  ) {}

  get sessionId(): string | null {
    return this.#sessionId
  }

  async start(input: CallInput<'lessons:start'>): Promise<LessonStatus> {
    const s = await this.rpc.invoke('lessons:start', input)
    this.#sessionId = s.sessionId
    this.#lastSlide = input.slideId ?? null
    this.#set(s)
    this.#beat = this.env.setInterval(() => {
      if (this.#scores) void this.#flushScores()
      else void this.#call('lessons:heartbeat', {})
    }, HEARTBEAT_MS)
    return s
  }

  visibility(visible: boolean): void {
    void this.#call('lessons:visibility', { visible })
  }

  activity(): void {
    const now = this.env.now()
    if (now - this.#lastActivity < ACTIVITY_THROTTLE_MS) return
    this.#lastActivity = now
    void this.#call('lessons:activity', {})
  }

  slide(slideId: string, slideIndex: number): void {
    if (slideId === this.#lastSlide) return
    this.#lastSlide = slideId
    this.#lastActivity = this.env.now()
    void this.#call('lessons:record-slide', { slideId, slideIndex })
  }

  /** Records a tool the first time it is used in this lesson (the record keeps the set, not every tap). */
  tool(tool: LessonTool): void {
    if (this.#tools.has(tool)) {
      this.activity()
      return
    }
    this.#tools.add(tool)
    this.#lastActivity = this.env.now()
    void this.#call('lessons:record-tool', { tool })
  }

  /**
   * The groups' scores after a change. The first change and one every SCORES_EVERY_MS are sent
   * at once (so a crash loses at most a few seconds of points); the rest wait for the next beat or 下课.
   */
  scores(list: readonly GroupScore[]): void {
    this.#tools.add('scoreboard')
    this.#scores = list.map((g) => ({ name: g.name, score: g.score }))
    this.#lastActivity = this.env.now()
    if (this.env.now() - this.#scoresSentAt >= SCORES_EVERY_MS) void this.#flushScores()
  }

  async #flushScores(): Promise<void> {
    const scores = this.#scores
    if (!scores) return
    this.#scores = null
    this.#scoresSentAt = this.env.now()
    await this.#call('lessons:record-tool', { tool: 'scoreboard', scores })
  }

  /** Records a question run of this lesson (launched from the board or from the phone remote). */
  question(questionRunId: string, questionKind: string): void {
    this.#lastActivity = this.env.now()
    void this.#call('lessons:record-question', { questionRunId, questionKind })
  }

  async end(): Promise<LessonSummary | null> {
    this.#stopBeat()
    const id = this.#sessionId
    if (!id) return null
    await this.#flushScores()
    this.#sessionId = null
    return this.rpc.invoke('lessons:end', { sessionId: id })
  }

  dispose(): void {
    this.#stopBeat()
  }

  #stopBeat(): void {
    if (this.#beat !== null) this.env.clearInterval(this.#beat)
    this.#beat = null
  }

  #set(s: LessonStatus): void {
    this.status = s
    this.onStatus?.(s)
  }

  async #call(
    channel:
      | 'lessons:heartbeat'
      | 'lessons:activity'
      | 'lessons:visibility'
      | 'lessons:record-slide'
      | 'lessons:record-tool'
      | 'lessons:record-question',
    extra: Record<string, unknown>
  ): Promise<void> {
    const sessionId = this.#sessionId
    if (!sessionId) return
    try {
      const s = await this.rpc.invoke(channel, { sessionId, ...extra } as never)
      if (sessionId === this.#sessionId) this.#set(s as LessonStatus)
    } catch (err) {
      this.onError?.(err)
    }
  }
}
