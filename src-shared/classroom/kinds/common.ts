/** Fields most kinds' specs and answers share. */
import { z } from 'zod'

export const Prompt = z.string().max(2000).default('')
export const Options = z.array(z.string().min(1).max(200)).min(2).max(10)
/** Seconds until the question closes by itself; absent = the teacher closes it. */
export const TimeLimit = z.number().int().min(5).max(3600).optional()
export const Choice = z.number().int().min(0).max(9)
export const Choices = z.array(Choice).min(1).max(10)
export const ShortText = z.string().max(200)
