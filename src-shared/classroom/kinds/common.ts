/** Fields most kinds' specs and answers share. */
import { z } from 'zod'

export const Prompt = z.string().max(2000).default('')
export const Options = z.array(z.string().min(1).max(200)).min(2).max(10)
/** Seconds until the question closes by itself; absent = the teacher closes it. */
export const TimeLimit = z.number().int().min(5).max(3600).optional()
export const Choice = z.number().int().min(0).max(9)
export const Choices = z.array(Choice).min(1).max(10)
export const ShortText = z.string().max(200)

/**
 * Pictures the tablet shows under the stem (a slide question's pictures): media file names of the
 * teacher's content-addressed store, `<sha256>.<ext>`, in formats every tablet browser draws. The
 * classroom server hands a file only to joined students, and only while it belongs to the question.
 */
export const PICTURE_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp)$/
export const Pictures = z.array(z.string().regex(PICTURE_NAME)).max(4).default([])
