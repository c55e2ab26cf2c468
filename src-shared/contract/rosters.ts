/**
 * Class rosters the teacher keeps on this computer (班级名单), as opposed to the platform's rosters
 * that sync:classes brings down. They live in the database in the teacher's data folder, so
 * every window, host and port sees the same classes and backups include them.
 *
 * rosters:save's input is `RosterSave`: the draft's shape (`RosterDraft`), then trimming and the
 * teacher-facing rules with messages in Chinese and English; `rosterRefusal` words a refusal from
 * them ("班级名单没有保存：…"), because a generic zod message would tell a teacher nothing.
 */
import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { AppError } from '../errors'

export const ROSTER_LIMITS = {
  classNameMax: 40,
  studentNameMax: 20,
  studentsMin: 1,
  studentsMax: 100,
  /** 分组: as many as 小组PK can show (2–8), names as long as a group's label there. */
  groupsMin: 2,
  groupsMax: 8,
  groupNameMax: 12
} as const

/** Ids travel in URLs and test ids; ClassDeck makes them as `local-<uuid>` (older pickers: `r<time>`). */
export const RosterId = z.string().regex(/^[A-Za-z0-9_.:-]{1,120}$/)

/** Length as a teacher counts it: an emoji or a rare 汉字 outside the BMP is one character. */
const chars = (s: string): number => [...s].length
/** The start of a long text for a message, cut between characters, not inside one. */
const head = (s: string): string => [...s].slice(0, 12).join('')

/** A class as stored and as every call returns it. */
export const Roster = z.object({
  id: RosterId,
  name: z
    .string()
    .min(1)
    .refine((s) => chars(s) <= ROSTER_LIMITS.classNameMax, 'class name too long'),
  students: z
    .array(
      z
        .string()
        .min(1)
        .refine((s) => chars(s) <= ROSTER_LIMITS.studentNameMax, 'student name too long')
    )
    .min(ROSTER_LIMITS.studentsMin)
    .max(ROSTER_LIMITS.studentsMax)
    .refine((s) => new Set(s).size === s.length, 'duplicate student name'),
  locked: z.boolean(),
  /** 分组 (for 小组PK and team points): each student in at most one group, in the teacher's order. */
  groups: z.array(z.object({ name: z.string().min(1), members: z.array(z.string()) })).default([]),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Roster = z.infer<typeof Roster>
export type RosterGroup = Roster['groups'][number]

/** What rosters:save accepts on the wire: shape only, with bounds that keep a frame small. */
export const RosterDraft = z
  .object({
    /** Absent: a new class with a new id. Present: that class is created or replaced. */
    id: RosterId.optional(),
    name: z.string().max(1000),
    students: z.array(z.string().max(1000)).max(2000),
    /** 分组; absent or empty: the class has none. Members are names of `students`. */
    groups: z
      .array(z.object({ name: z.string().max(1000), members: z.array(z.string().max(1000)).max(2000) }).strict())
      .max(100)
      .optional(),
    /** Absent: keep the stored lock (false for a new class). */
    locked: z.boolean().optional()
  })
  .strict()
export type RosterDraft = z.infer<typeof RosterDraft>

/** One broken rule, in both languages. */
export interface RosterProblem {
  readonly path: string
  readonly zh: string
  readonly en: string
}

/** Trims every name, drops blank lines and repeats (first one wins), keeping the order. */
export function normaliseStudents(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of names) {
    const s = raw.trim()
    if (s && !seen.has(s)) {
      seen.add(s)
      out.push(s)
    }
  }
  return out
}

/**
 * The draft after trimming and de-duplication, with a bilingual problem for each rule it breaks.
 */
export const RosterSave = RosterDraft.transform((d) => ({
  ...d,
  name: d.name.trim(),
  students: normaliseStudents(d.students),
  // A group is its trimmed name and its members as the student list spells them; empty ones go.
  groups: (d.groups ?? [])
    .map((g) => ({ name: g.name.trim(), members: normaliseStudents(g.members) }))
    .filter((g) => g.members.length > 0)
})).superRefine((d, ctx) => {
  const L = ROSTER_LIMITS
  const problem = (path: (string | number)[], zh: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, message: zh, params: { en } })
  }
  if (!d.name)
    problem(
      ['name'],
      '班级名称不能为空，请输入班级名称（例如“七年级1班”）。',
      'The class name is empty; enter one (for example "Class 7-1").'
    )
  else if (chars(d.name) > L.classNameMax)
    problem(
      ['name'],
      `班级名称“${head(d.name)}…”超过 ${L.classNameMax} 个字，请缩短后再保存。`,
      `The class name "${head(d.name)}…" is longer than ${L.classNameMax} characters; shorten it and save again.`
    )
  if (d.students.length < L.studentsMin)
    problem(
      ['students'],
      '名单里还没有学生。请每行输入一个学生姓名后再保存。',
      'The roster has no students yet. Enter one name a line, then save.'
    )
  if (d.students.length > L.studentsMax)
    problem(
      ['students'],
      `名单有 ${d.students.length} 名学生，一个班最多 ${L.studentsMax} 名。请分成两个班级保存。`,
      `The roster has ${d.students.length} students; a class holds at most ${L.studentsMax}. Split it into two classes.`
    )
  d.students.forEach((s, i) => {
    if (chars(s) > L.studentNameMax)
      problem(
        ['students', i],
        `第 ${i + 1} 个名字“${head(s)}…”超过 ${L.studentNameMax} 个字，请缩短（每行只写一个姓名）。`,
        `Name ${i + 1} ("${head(s)}…") is longer than ${L.studentNameMax} characters; shorten it (one name a line).`
      )
  })
  if (d.groups.length === 0) return
  if (d.groups.length < L.groupsMin || d.groups.length > L.groupsMax)
    problem(
      ['groups'],
      `名单分成了 ${d.groups.length} 组；小组PK 需要 ${L.groupsMin}–${L.groupsMax} 组。请调整分组（或去掉分组行）。`,
      `The roster has ${d.groups.length} groups; 小组PK takes ${L.groupsMin}–${L.groupsMax}. Change the groups (or remove the group lines).`
    )
  const inClass = new Set(d.students)
  const groupOf = new Map<string, string>()
  const names = new Set<string>()
  d.groups.forEach((g, i) => {
    if (!g.name) problem(['groups', i, 'name'], `第 ${i + 1} 组没有名称。`, `Group ${i + 1} has no name.`)
    else if (chars(g.name) > L.groupNameMax)
      problem(
        ['groups', i, 'name'],
        `组名“${head(g.name)}…”超过 ${L.groupNameMax} 个字，请缩短。`,
        `The group name "${head(g.name)}…" is longer than ${L.groupNameMax} characters; shorten it.`
      )
    else if (names.has(g.name))
      problem(['groups', i, 'name'], `组名“${g.name}”重复了。`, `The group name "${g.name}" is used twice.`)
    names.add(g.name)
    for (const m of g.members) {
      if (!inClass.has(m))
        problem(
          ['groups', i, 'members'],
          `“${head(m)}”在“${head(g.name)}”里，却不在这个班的名单上。`,
          `"${head(m)}" is in "${head(g.name)}" but not on this class's list.`
        )
      else if (groupOf.has(m))
        problem(
          ['groups', i, 'members'],
          `“${m}”同时在“${groupOf.get(m)}”和“${g.name}”里；每名学生只能在一个组。`,
          `"${m}" is in both "${groupOf.get(m)}" and "${g.name}"; a student belongs to one group.`
        )
      else groupOf.set(m, g.name)
    }
  })
})

/** The bilingual problems of a failed RosterSave parse. */
export function rosterProblems(issues: readonly z.core.$ZodIssue[]): RosterProblem[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.') || '(root)'
    const en =
      i.code === 'custom' && typeof i.params?.['en'] === 'string' ? (i.params['en'] as string) : `${path}: ${i.message}`
    const zh = i.code === 'custom' ? i.message : `${path}：${i.message}。`
    return { path, zh, en }
  })
}

/** A refusal lists at most this many problems; a pasted list with 80 long lines needs no 80 sentences. */
const MAX_PROBLEMS_SHOWN = 5

/** Why rosters:save refused a draft, every problem named in both languages (details.problems). */
export function rosterRefusal(issues: readonly z.core.$ZodIssue[]): AppError {
  const problems = rosterProblems(issues)
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN)
  const more = problems.length - shown.length
  const zh = shown.map((p) => p.zh).join('') + (more > 0 ? `另有 ${more} 处问题。` : '')
  const en = shown.map((p) => p.en).join(' ') + (more > 0 ? ` ${more} more problems.` : '')
  return new AppError('VALIDATION', `班级名单没有保存：${zh}`, `The class was not saved: ${en}`, { problems })
}

export const RosterList = z.object({ classes: z.array(Roster) })
export type RosterList = z.infer<typeof RosterList>

export const RosterChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), roster: Roster }),
  z.object({ kind: z.literal('removed'), id: RosterId })
])
export type RosterChange = z.infer<typeof RosterChange>

export const rostersCalls = {
  list: defineCall('rosters:list', z.object({}).strict(), RosterList),
  save: defineCall('rosters:save', RosterSave, Roster, { refusal: rosterRefusal }),
  remove: defineCall('rosters:remove', z.object({ id: RosterId }).strict(), z.object({ id: RosterId }))
} as const

export const rostersEvents = {
  changed: defineEvent('rosters:changed', RosterChange)
} as const
