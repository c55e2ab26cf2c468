/**
 * Classroom Wi-Fi loses frames: a question that is the only segment in flight is resent only
 * after the sender's tail loss probe (~300 ms on a 60 ms link, bench/wifi.ts). The server follows
 * each class broadcast with a tiny volatile frame, so that a lost question is resent one round
 * trip later instead. This checks the frame goes out, once per burst, to joined tablets only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { classroomKit, connected, nextEvent, ok, type Kit } from './classroom-test-kit'
import { STUDENT_EVENTS } from '../../../src-shared/classroom/protocol'
import { NUDGE_EVENT } from '../../../src-shared/classroom/wire'

describe('classroom server: the tail-loss nudge', () => {
  let kit: Kit
  afterEach(async () => {
    await kit.cleanup()
  })

  it('follows a question with one small frame to the joined tablets, and none to a tablet that only knows the PIN', async () => {
    kit = await classroomKit()
    const tablet = kit.student()
    await connected(tablet)
    await ok(tablet, STUDENT_EVENTS.join, { name: '小明' })
    const outsider = kit.student()
    await connected(outsider)
    const heard: string[] = []
    const outsiderHeard: string[] = []
    tablet.onAny((ev: string) => heard.push(ev))
    outsider.onAny((ev: string) => outsiderHeard.push(ev))
    const question = nextEvent(tablet, STUDENT_EVENTS.question)
    const run = kit.launch({ kind: 'single', prompt: '选 A', options: ['A', 'B'] })
    await question
    await nextEvent(tablet, NUDGE_EVENT, 1000)
    // A question closed in the same turn as the next is launched: one burst, one nudge after it.
    kit.service.closeQuestion(run.runId)
    kit.launch({ kind: 'single', prompt: '选 B', options: ['A', 'B'] })
    await nextEvent(tablet, NUDGE_EVENT, 1000)
    await new Promise((r) => setTimeout(r, 100))
    expect(heard).toEqual([
      STUDENT_EVENTS.question,
      NUDGE_EVENT,
      STUDENT_EVENTS.questionClosed,
      STUDENT_EVENTS.question,
      NUDGE_EVENT
    ])
    expect(outsiderHeard).toEqual([])
  })

  it('takes a tablet’s nudge after its answer without a reply or a refusal, and goes on answering', async () => {
    kit = await classroomKit()
    const tablet = kit.student()
    await connected(tablet)
    await ok(tablet, STUDENT_EVENTS.join, { name: '小红' })
    const run = kit.launch({ kind: 'single', prompt: '选 A', options: ['A', 'B'] })
    await ok(tablet, STUDENT_EVENTS.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 0 } })
    tablet.volatile.emit(NUDGE_EVENT)
    // Asked with an ack, an unknown event is refused at once; the nudge is read and dropped, unanswered.
    await expect(tablet.timeout(300).emitWithAck(NUDGE_EVENT)).rejects.toThrow()
    expect(tablet.connected).toBe(true)
    await ok(tablet, STUDENT_EVENTS.answer, { runId: run.runId, seq: 2, answer: { kind: 'single', choice: 1 } })
    expect(kit.service.results(run.runId).answered).toBe(1)
  })
})
