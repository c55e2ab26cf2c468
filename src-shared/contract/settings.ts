import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { PLATFORM_URL_RULE, isAllowedPlatformUrl } from '../platform/platform-url'

export const Language = z.enum(['zh-CN', 'en'])
export type Language = z.infer<typeof Language>

/**
 * Settings as stored. Each field has a default and `.catch()` so that a damaged or
 * hand-edited value recovers to a sane one instead of stopping the app.
 */
export const Settings = z.object({
  language: Language.catch('zh-CN').default('zh-CN'),
  /** TCP port of the classroom server students join; a free one is found if taken. */
  classroomPort: z.number().int().min(1024).max(65535).catch(8848).default(8848),
  /** Base URL of the education platform's API (the reference server on localhost by default). */
  platformUrl: z.string().url().catch('http://127.0.0.1:8787').default('http://127.0.0.1:8787'),
  /** Minutes of active time for a lesson to count as 有效授课. */
  effectiveLessonMinutes: z.number().int().min(1).max(240).catch(15).default(15),
  /** Minutes without input after which lesson time stops counting as active. */
  idleMinutes: z.number().int().min(1).max(60).catch(5).default(5),
  /** Which region's activity rules the estimate uses (resources/activity-rules/<id>.json); none = the first. */
  activityRegion: z.string().max(64).nullable().catch(null).default(null),
  /** The activity estimate leaves out lessons shorter than this (a slide shown by mistake is no lesson). */
  activityMinLessonMinutes: z.number().int().min(0).max(60).catch(5).default(5)
})
export type Settings = z.infer<typeof Settings>

/** What a caller may change: every field optional, none defaulted, all strictly checked. */
export const SettingsPatch = z
  .object({
    language: Language,
    classroomPort: z.number().int().min(1024).max(65535),
    platformUrl: z.string().url().refine(isAllowedPlatformUrl, `${PLATFORM_URL_RULE.zh} / ${PLATFORM_URL_RULE.en}`),
    effectiveLessonMinutes: z.number().int().min(1).max(240),
    idleMinutes: z.number().int().min(1).max(60),
    activityRegion: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .nullable(),
    activityMinLessonMinutes: z.number().int().min(0).max(60)
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const SettingsView = Settings.extend({
  /** Where the database and courseware live (read-only here; `--data-dir` chooses it). */
  dataDir: z.string()
})
export type SettingsView = z.infer<typeof SettingsView>

export const settingsCalls = {
  get: defineCall('settings:get', z.object({}).strict(), SettingsView),
  update: defineCall('settings:update', SettingsPatch, SettingsView)
} as const

export const settingsEvents = {
  changed: defineEvent('settings:changed', SettingsView)
} as const
