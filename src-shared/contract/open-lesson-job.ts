/**
 * The outbox payload of a 公开课 share: the set's level and chapter and the files on this computer
 * that become its members, each with the resource meta it is uploaded under. One outbox row carries
 * the whole set, so the set is grouped exactly once, after its last file is on the platform.
 */
import { z } from 'zod'
import { ResourceMeta } from '../platform/dto'
import { OpenLessonLevel, OpenLessonRole } from '../platform/open-lesson'

export const OpenLessonMemberJob = ResourceMeta.extend({
  role: OpenLessonRole,
  /** Absolute path of the file on this computer (a staged copy the share owns). */
  filePath: z.string().min(1),
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(200).optional(),
  size: z.number().int().nonnegative()
}).strict()
export type OpenLessonMemberJob = z.infer<typeof OpenLessonMemberJob>

export const OpenLessonJob = z
  .object({
    level: OpenLessonLevel,
    chapterId: z.string().min(1).max(64),
    title: z.string().min(1).max(200),
    members: z.array(OpenLessonMemberJob).min(2).max(8)
  })
  .strict()
export type OpenLessonJob = z.infer<typeof OpenLessonJob>
