/**
 * The whole contract: every call and event the renderer may use, keyed by channel.
 * Hosts build their allow-lists from here; nothing else may name a channel.
 */
import type { z } from 'zod'
import type { CallDef, EventDef } from './define'
import { settingsCalls, settingsEvents } from './settings'
import { systemCalls, systemEvents } from './system'
import { lessonsCalls, lessonsEvents } from './lessons'
import { classroomCalls, classroomEvents } from './classroom'
import { syncCalls, syncEvents } from './sync'
import { lessonPlanCalls } from './lesson-plans'
import { openLessonCalls } from './open-lessons'
import { coursewareCalls, coursewareEvents } from './courseware'
import { libraryCalls, libraryEvents, questionBankCalls, questionBankEvents } from './library'
import { statsCalls, statsEvents } from './stats'
import { rostersCalls, rostersEvents } from './rosters'
import { recordingsCalls, recordingsEvents } from './recordings'

function byChannel<T extends Record<string, { channel: string }>>(
  defs: T
): { [K in keyof T as T[K]['channel']]: T[K] } {
  return Object.fromEntries(Object.values(defs).map((d) => [d.channel, d])) as never
}

export const calls = {
  ...byChannel(systemCalls),
  ...byChannel(settingsCalls),
  ...byChannel(lessonsCalls),
  ...byChannel(classroomCalls),
  ...byChannel(syncCalls),
  ...byChannel(lessonPlanCalls),
  ...byChannel(openLessonCalls),
  ...byChannel(coursewareCalls),
  ...byChannel(libraryCalls),
  ...byChannel(questionBankCalls),
  ...byChannel(statsCalls),
  ...byChannel(rostersCalls),
  ...byChannel(recordingsCalls)
} as const satisfies Record<string, CallDef>

export const events = {
  ...byChannel(systemEvents),
  ...byChannel(settingsEvents),
  ...byChannel(lessonsEvents),
  ...byChannel(classroomEvents),
  ...byChannel(syncEvents),
  ...byChannel(coursewareEvents),
  ...byChannel(libraryEvents),
  ...byChannel(questionBankEvents),
  ...byChannel(statsEvents),
  ...byChannel(rostersEvents),
  ...byChannel(recordingsEvents)
} as const satisfies Record<string, EventDef>

export type Calls = typeof calls
export type Events = typeof events
export type CallChannel = keyof Calls & string
export type EventChannel = keyof Events & string
export type CallInput<C extends CallChannel> = z.input<Calls[C]['input']>
export type CallOutput<C extends CallChannel> = z.output<Calls[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<Events[E]['payload']>

export const CALL_CHANNELS: readonly string[] = Object.keys(calls)
export const EVENT_CHANNELS: readonly string[] = Object.keys(events)

export function isCallChannel(channel: unknown): channel is CallChannel {
  return typeof channel === 'string' && Object.hasOwn(calls, channel)
}
export function isEventChannel(channel: unknown): channel is EventChannel {
  return typeof channel === 'string' && Object.hasOwn(events, channel)
}

export { defineCall, defineEvent } from './define'
export type { CallDef, EventDef, CallResult } from './define'
