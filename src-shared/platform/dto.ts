/**
 * The data the platform API carries (docs/platform-api.yaml), as zod schemas shared by the
 * client (src-main/services/sync) and the reference server (tools/platform-server).
 */
import { z } from 'zod'

const Id = z.string().min(1).max(64)
const IsoTime = z.string().datetime({ offset: true })

// ---- tokens -------------------------------------------------------------------------------
export const AppTokenRequest = z
  .object({ clientId: z.string().min(1).max(64), secret: z.string().min(1).max(200) })
  .strict()
export const AppToken = z.object({ accessToken: z.string(), expiresIn: z.number().int().positive() })
export type AppToken = z.infer<typeof AppToken>

export const UserTokenRequest = z
  .object({
    clientId: z.string().min(1).max(64),
    code: z.string().min(1).max(200),
    codeVerifier: z.string().min(43).max(128),
    redirectUri: z.string().url()
  })
  .strict()
export const RefreshRequest = z
  .object({ clientId: z.string().min(1).max(64), refreshToken: z.string().min(1).max(200) })
  .strict()

// ---- people and classes -------------------------------------------------------------------
export const Teacher = z.object({
  id: Id,
  name: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  subjects: z.array(z.string())
})
export type Teacher = z.infer<typeof Teacher>

export const UserToken = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().positive(),
  teacher: Teacher
})
export type UserToken = z.infer<typeof UserToken>

export const SchoolClass = z.object({
  id: Id,
  name: z.string(),
  grade: z.string(),
  subject: z.string(),
  term: z.string(),
  studentCount: z.number().int().nonnegative()
})
export type SchoolClass = z.infer<typeof SchoolClass>

export const Student = z.object({
  id: Id,
  name: z.string(),
  studentNo: z.string(),
  gender: z.enum(['男', '女'])
})
export type Student = z.infer<typeof Student>

// ---- catalogue (资源编目) -----------------------------------------------------------------
export const CatalogueLevel = z.enum(['period', 'subject', 'edition', 'volume', 'chapter', 'section'])
export type CatalogueLevel = z.infer<typeof CatalogueLevel>

/** The tree travels flat (parentId), so it is cheap to cache and to walk from any node. */
export const CatalogueNode = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: CatalogueLevel,
  name: z.string(),
  order: z.number().int()
})
export type CatalogueNode = z.infer<typeof CatalogueNode>

export const Catalogue = z.object({ version: z.string(), nodes: z.array(CatalogueNode) })
export type Catalogue = z.infer<typeof Catalogue>

// ---- resources ----------------------------------------------------------------------------
export const ResourceType = z.enum(['教案', '课件', '微课', '素材', '试卷', '习题'])
export type ResourceType = z.infer<typeof ResourceType>

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex')

export const UploadInit = z
  .object({
    fileName: z.string().min(1).max(255),
    size: z
      .number()
      .int()
      .nonnegative()
      .max(4 * 1024 ** 3),
    mimeType: z.string().max(200).optional(),
    /** Requested part size; the server may choose another and says so. */
    partSize: z
      .number()
      .int()
      .min(64 * 1024)
      .max(64 * 1024 ** 2)
      .optional()
  })
  .strict()
export type UploadInit = z.infer<typeof UploadInit>

export const UploadStatus = z.object({
  uploadId: Id,
  size: z.number().int().nonnegative(),
  partSize: z.number().int().positive(),
  partCount: z.number().int().nonnegative(),
  receivedParts: z.array(z.number().int().nonnegative()),
  expiresAt: IsoTime
})
export type UploadStatus = z.infer<typeof UploadStatus>

export const ResourceMeta = z
  .object({
    title: z.string().min(1).max(200),
    type: ResourceType,
    chapterId: Id,
    /** Original work: the platform titles it 【原创】… */
    original: z.boolean().default(false),
    public: z.boolean().default(false)
  })
  .strict()

export const UploadComplete = ResourceMeta.extend({ sha256: Sha256 }).strict()
export type UploadComplete = z.infer<typeof UploadComplete>

export const Resource = z.object({
  id: Id,
  title: z.string(),
  type: ResourceType,
  chapterId: Id,
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
  original: z.boolean(),
  public: z.boolean(),
  ownerId: Id,
  ownerName: z.string(),
  createdAt: IsoTime,
  downloads: z.number().int().nonnegative(),
  collections: z.number().int().nonnegative()
})
export type Resource = z.infer<typeof Resource>

export const ResourceQuery = z.object({
  chapterId: Id.optional(),
  q: z.string().max(100).optional(),
  type: ResourceType.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20)
})
export type ResourceQuery = z.input<typeof ResourceQuery>

export const ResourcePage = z.object({
  items: z.array(Resource),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int()
})
export type ResourcePage = z.infer<typeof ResourcePage>

// ---- lesson records and quiz results (what the outbox carries) ---------------------------
export const LessonRecordInput = z
  .object({
    /** The app's own id for the lesson; the platform keeps one record per id. */
    clientRecordId: Id,
    classId: Id,
    chapterId: Id.optional(),
    title: z.string().min(1).max(200),
    startedAt: IsoTime,
    endedAt: IsoTime,
    /** Seconds of active teaching (idle time excluded). */
    activeSeconds: z
      .number()
      .int()
      .nonnegative()
      .max(24 * 3600),
    /** Whether the lesson was shown on the classroom display (required for 互动授课). */
    usedClassroomDisplay: z.boolean(),
    questionCount: z.number().int().nonnegative().default(0)
  })
  .strict()
export type LessonRecordInput = z.input<typeof LessonRecordInput>

export const LessonRecord = z.object({
  id: Id,
  clientRecordId: Id,
  classId: Id,
  title: z.string(),
  activeSeconds: z.number().int(),
  /** Counted as an interactive lesson (≥ 15 active minutes on the classroom display). */
  counted: z.boolean(),
  receivedAt: IsoTime
})
export type LessonRecord = z.infer<typeof LessonRecord>

export const QuizAnswer = z
  .object({
    studentId: Id.optional(),
    studentName: z.string().min(1).max(50),
    answer: z.string().max(2000),
    correct: z.boolean().optional(),
    answeredAt: IsoTime.optional()
  })
  .strict()

export const QuizResultInput = z
  .object({
    clientResultId: Id,
    classId: Id,
    /** The lesson's clientRecordId, when the question ran inside a recorded lesson. */
    lessonRecordId: Id.optional(),
    chapterId: Id.optional(),
    question: z
      .object({
        stem: z.string().min(1).max(5000),
        kind: z.enum(['single', 'multiple', 'judge', 'fill', 'vote', 'open']),
        correctAnswer: z.string().max(2000).optional()
      })
      .strict(),
    startedAt: IsoTime,
    closedAt: IsoTime,
    answers: z.array(QuizAnswer).max(300)
  })
  .strict()
export type QuizResultInput = z.input<typeof QuizResultInput>

export const QuizResult = z.object({
  id: Id,
  clientResultId: Id,
  classId: Id,
  answeredCount: z.number().int(),
  correctCount: z.number().int(),
  receivedAt: IsoTime
})
export type QuizResult = z.infer<typeof QuizResult>
