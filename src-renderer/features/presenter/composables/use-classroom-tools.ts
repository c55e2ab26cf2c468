/**
 * The floating classroom tools open on the board (name picker, timer, ruler …); opening one is
 * recorded as the lesson tool it is.
 */
import { ref } from 'vue'
import type { LessonTool } from '../../../../src-shared/contract/lessons'
import type { Dock, FloatingTool } from '../../tools/components/ToolsToolbar.vue'
import type { LessonRecorder } from '../lesson-recorder'

/** Toolbar names that the lesson record knows by another name. */
const RECORDED_AS: Partial<Record<FloatingTool, LessonTool>> = { picker: 'name-picker', timer: 'countdown' }

export function useClassroomTools(recorder: LessonRecorder) {
  const dock = ref<Dock>('right')
  const open = ref<Set<FloatingTool>>(new Set())

  function toggle(tool: FloatingTool): void {
    const next = new Set(open.value)
    if (next.has(tool)) next.delete(tool)
    else {
      next.add(tool)
      recorder.tool(RECORDED_AS[tool] ?? (tool as LessonTool))
    }
    open.value = next
  }

  function close(tool: FloatingTool): void {
    const next = new Set(open.value)
    next.delete(tool)
    open.value = next
  }

  return { dock, open, toggle, close }
}
