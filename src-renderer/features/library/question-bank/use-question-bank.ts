/**
 * The 题库 view's state: the questions filtered by chapter, kind, difficulty and words; Word
 * import (the file streams to the host, then the services read it by path); and, while a class
 * is open, launching a question straight to the students' tablets.
 */
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import type { BankImportResult } from '../../../../src-shared/contract/library'
import type { ClassroomStatus } from '../../../../src-shared/contract/classroom'
import type { BankQuestion } from '../../../../src-shared/library/question-bank'
import type { ChapterPath } from '../../../../src-shared/library/resource'
import { AppError } from '../../../../src-shared/errors'
import { useTransport } from '../../../transport'
import { uploadFile } from '../../../transport/media'
import { chapterFilterOf, launchSpec } from './bank-rules'
import { COURSEWARE_KINDS, type QuestionKind } from '../../../../src-shared/courseware/question'

export type BankKind = QuestionKind
export const BANK_KINDS: readonly BankKind[] = COURSEWARE_KINDS
const PAGE = 30

export function useQuestionBank() {
  const t = useTransport()
  const items = shallowRef<BankQuestion[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = shallowRef<AppError | null>(null)
  const chapter = ref<ChapterPath>({})
  const kinds = ref<BankKind[]>([])
  const difficulty = ref<number[]>([])
  const words = ref('')
  const importing = ref<string | null>(null)
  const importResult = shallowRef<BankImportResult | null>(null)
  const importDifficulty = ref(3)
  const classStatus = shallowRef<ClassroomStatus | null>(null)
  const launched = ref<string | null>(null)
  let loadSeq = 0

  async function load(more = false): Promise<void> {
    const seq = ++loadSeq
    loading.value = true
    try {
      const chapterFilter = chapterFilterOf(chapter.value)
      const page = await t.invoke('question-bank:list', {
        ...(chapterFilter ? { chapter: chapterFilter } : {}),
        ...(kinds.value.length ? { kinds: kinds.value } : {}),
        ...(difficulty.value.length ? { difficulty: difficulty.value } : {}),
        ...(words.value.trim() ? { q: words.value.trim() } : {}),
        limit: PAGE,
        offset: more ? items.value.length : 0
      })
      if (seq !== loadSeq) return // a newer filter's answer wins
      items.value = more ? [...items.value, ...page.items] : page.items
      total.value = page.total
      error.value = null
    } catch (err) {
      if (seq === loadSeq) error.value = AppError.from(err)
    } finally {
      if (seq === loadSeq) loading.value = false
    }
  }

  const toggle = <T>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  function toggleKind(k: BankKind): void {
    kinds.value = toggle(kinds.value, k)
    void load()
  }
  function toggleDifficulty(d: number): void {
    difficulty.value = toggle(difficulty.value, d)
    void load()
  }
  function setChapter(c: ChapterPath): void {
    chapter.value = c
    void load()
  }

  /** A Word file: streamed to the host, read there by path, filed on the chapter picked. */
  async function importFile(file: File): Promise<void> {
    importing.value = file.name
    importResult.value = null
    error.value = null
    try {
      const path = await uploadFile(file, 'library')
      importResult.value = await t.invoke('question-bank:import-word', {
        path,
        chapter: chapter.value,
        difficulty: importDifficulty.value
      })
      await load()
    } catch (err) {
      error.value = AppError.from(err)
    } finally {
      importing.value = null
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      await t.invoke('question-bank:remove', { id })
      await load()
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  async function launch(item: BankQuestion): Promise<void> {
    const r = launchSpec(item.question)
    if ('error' in r) {
      error.value = r.error
      return
    }
    try {
      await t.invoke('classroom:launch', { spec: r.spec })
      launched.value = item.id
      error.value = null
    } catch (err) {
      error.value = AppError.from(err)
    }
  }

  const offs = [
    t.on('question-bank:changed', () => void load()),
    t.on('classroom:status-changed', (s) => {
      classStatus.value = s
      if (!s.open) launched.value = null
    })
  ]
  onBeforeUnmount(() => offs.forEach((off) => off()))

  async function start(): Promise<void> {
    await load()
    try {
      classStatus.value = await t.invoke('classroom:status', {})
    } catch {
      classStatus.value = null // without the classroom service the bank still works; launching is hidden
    }
  }

  return {
    items,
    total,
    loading,
    error,
    chapter,
    kinds,
    difficulty,
    words,
    importing,
    importResult,
    importDifficulty,
    classStatus,
    launched,
    start,
    load,
    toggleKind,
    toggleDifficulty,
    setChapter,
    importFile,
    remove,
    launch
  }
}
