/**
 * The deck being edited: its versions (undo/redo), the current slide, the selection and the
 * clipboard. The deck lives in a shallowRef and is replaced whole on each edit (with unchanged
 * slides shared), so Vue re-renders only what changed and no deep reactivity walks the deck.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import { z } from 'zod'
import { Slide, type Deck } from '../../src-shared/courseware/deck'
import { Element } from '../../src-shared/courseware/element'
import { DeckHistory } from '../features/editor/deck-history'
import * as ops from '../features/editor/deck-ops'

type Clip = { kind: 'elements'; items: Element[] } | { kind: 'slides'; items: Slide[] }

export const useEditorStore = defineStore('editor', () => {
  const history = shallowRef<DeckHistory | null>(null)
  const deck = shallowRef<Deck | null>(null)
  const currentSlideId = ref<string | null>(null)
  const selectedSlideIds = ref<string[]>([])
  const selectedElementIds = ref<string[]>([])
  /** The text box being typed in on the slide (one at a time), or null. */
  const editingElementId = ref<string | null>(null)
  const clipboard = shallowRef<Clip | null>(null)
  /** Bumped on every edit (the courseware store pushes the deck when it moves). */
  const version = ref(0)
  /**
   * The deck as last saved (or as opened). Unsaved means the deck is another version than that
   * one: selecting, a drag that ends where it began or undoing back to it leave the mark off.
   * Null when what is loaded is unsaved from the start (a recovered or imported deck).
   */
  const savedDeck = shallowRef<Deck | null>(null)

  const currentSlide = computed<Slide | null>(
    () => deck.value?.slides.find((s) => s.id === currentSlideId.value) ?? deck.value?.slides[0] ?? null
  )
  const currentIndex = computed(() =>
    deck.value && currentSlide.value ? deck.value.slides.indexOf(currentSlide.value) : -1
  )
  const selectedElements = computed(
    () => currentSlide.value?.elements.filter((e) => selectedElementIds.value.includes(e.id)) ?? []
  )
  const dirty = computed(() => deck.value !== savedDeck.value)
  const canUndo = computed(() => (version.value, history.value?.canUndo ?? false))
  const canRedo = computed(() => (version.value, history.value?.canRedo ?? false))

  /** `unsaved`: the deck as loaded is not in any file yet (recovered after a crash, imported). */
  function load(d: Deck, opts: { unsaved?: boolean } = {}): void {
    history.value = new DeckHistory(d)
    deck.value = d
    currentSlideId.value = d.slides[0]?.id ?? null
    selectedSlideIds.value = currentSlideId.value ? [currentSlideId.value] : []
    selectedElementIds.value = []
    version.value = 0
    savedDeck.value = opts.unsaved ? null : d
  }

  function set(d: Deck): void {
    deck.value = d
    version.value++
    // Keep the current slide and selection pointing at things that still exist.
    if (!d.slides.some((s) => s.id === currentSlideId.value))
      currentSlideId.value = d.slides[Math.max(0, Math.min(currentIndex.value, d.slides.length - 1))]?.id ?? null
    selectedSlideIds.value = selectedSlideIds.value.filter((id) => d.slides.some((s) => s.id === id))
    const slide = d.slides.find((s) => s.id === currentSlideId.value)
    selectedElementIds.value = selectedElementIds.value.filter((id) => slide?.elements.some((e) => e.id === id))
    if (editingElementId.value && !slide?.elements.some((e) => e.id === editingElementId.value))
      editingElementId.value = null
  }

  /** Every edit goes through here: one undo step labelled for the teacher. */
  function apply(fn: (d: Deck) => Deck, label: string): void {
    if (!deck.value || !history.value) return
    const next = fn(deck.value)
    if (next === deck.value) return
    history.value.push(next, label)
    set(next)
  }

  let gestureFrom: Deck | null = null
  function beginGesture(label: string): void {
    gestureFrom ??= deck.value
    history.value?.begin(label)
  }
  function endGesture(): void {
    history.value?.end()
    triggerRef(history)
    // A press that moved nothing (a tap to select, focus in and out of the notes) is no edit.
    if (deck.value !== gestureFrom) version.value++
    gestureFrom = null
  }

  function undo(): void {
    const d = history.value?.undo()
    if (d) set(d)
  }
  function redo(): void {
    const d = history.value?.redo()
    if (d) set(d)
  }

  function goTo(slideId: string, mode: 'only' | 'toggle' | 'range' = 'only'): void {
    const d = deck.value
    if (!d) return
    if (mode === 'toggle') {
      selectedSlideIds.value = selectedSlideIds.value.includes(slideId)
        ? selectedSlideIds.value.filter((id) => id !== slideId)
        : [...selectedSlideIds.value, slideId]
      if (!selectedSlideIds.value.length) selectedSlideIds.value = [slideId]
    } else if (mode === 'range' && currentSlideId.value) {
      const a = ops.slideIndex(d, currentSlideId.value)
      const b = ops.slideIndex(d, slideId)
      selectedSlideIds.value = d.slides.slice(Math.min(a, b), Math.max(a, b) + 1).map((s) => s.id)
    } else selectedSlideIds.value = [slideId]
    currentSlideId.value = slideId
    selectedElementIds.value = []
    editingElementId.value = null
  }

  function selectElement(id: string | null, additive = false): void {
    if (id === null) selectedElementIds.value = []
    else if (additive)
      selectedElementIds.value = selectedElementIds.value.includes(id)
        ? selectedElementIds.value.filter((x) => x !== id)
        : [...selectedElementIds.value, id]
    else selectedElementIds.value = [id]
  }

  function copy(): void {
    if (selectedElements.value.length)
      clipboard.value = { kind: 'elements', items: selectedElements.value.map((e) => structuredClone(e)) }
    else if (deck.value)
      clipboard.value = {
        kind: 'slides',
        items: deck.value.slides.filter((s) => selectedSlideIds.value.includes(s.id)).map((s) => structuredClone(s))
      }
    writeSystemClipboard(clipboard.value)
  }

  function cut(): void {
    copy()
    deleteSelection()
  }

  /** Pastes what was copied here or in another deck (the system clipboard carries it across windows). */
  function paste(fromSystem?: Clip | null): void {
    const clip = fromSystem ?? clipboard.value
    const slide = currentSlide.value
    if (!clip || !slide) return
    if (clip.kind === 'elements') {
      const fresh = clip.items.map((e) => ({ ...ops.cloneElement(e), x: e.x + 20, y: e.y + 20 }))
      apply((d) => fresh.reduce((acc, e) => ops.addElement(acc, slide.id, e), d), '粘贴')
      selectedElementIds.value = fresh.map((e) => e.id)
    } else {
      const fresh = clip.items.map(ops.cloneSlide)
      const at = currentIndex.value
      apply((d) => fresh.reduceRight((acc, s) => ops.addSlide(acc, at, s), d), '粘贴幻灯片')
      goTo(fresh[0].id)
    }
  }

  function deleteSelection(): void {
    const slide = currentSlide.value
    if (!slide) return
    if (selectedElementIds.value.length) {
      const ids = selectedElementIds.value.slice()
      apply((d) => ops.deleteElements(d, slide.id, ids), '删除元素')
    } else if (selectedSlideIds.value.length) {
      const ids = selectedSlideIds.value.slice()
      apply((d) => ops.deleteSlides(d, ids), '删除幻灯片')
    }
  }

  /** The deck that was sent to be saved (edits made while the save ran stay unsaved). */
  function markSaved(saved: Deck | null = deck.value): void {
    savedDeck.value = saved
  }

  /** Type in a text box (or a shape's text) on the slide; null ends it. */
  // One typing session is one undo step (Tiptap undoes keys within it while it lasts).
  let typing = false
  function editText(id: string | null): void {
    const el = id ? currentSlide.value?.elements.find((e) => e.id === id) : null
    const next = el && (el.type === 'text' || el.type === 'shape') && !el.locked ? el.id : null
    if (next !== null && next === editingElementId.value && typing) return
    if (typing) {
      typing = false
      endGesture()
    }
    editingElementId.value = next
    if (next) {
      selectedElementIds.value = [next]
      beginGesture('编辑文字')
      typing = true
    }
  }

  function reset(): void {
    editingElementId.value = null
    history.value = null
    deck.value = null
    currentSlideId.value = null
    selectedSlideIds.value = []
    selectedElementIds.value = []
  }

  return {
    deck,
    currentSlideId,
    currentSlide,
    currentIndex,
    selectedSlideIds,
    selectedElementIds,
    selectedElements,
    editingElementId,
    clipboard,
    version,
    dirty,
    canUndo,
    canRedo,
    load,
    apply,
    beginGesture,
    endGesture,
    undo,
    redo,
    goTo,
    selectElement,
    editText,
    copy,
    cut,
    paste,
    deleteSelection,
    markSaved,
    reset
  }
})

const CLIP_MIME = 'classdeck/clip+json'
const ClipSchema = z.union([
  z.object({ kind: z.literal('elements'), items: z.array(Element).max(2000) }),
  z.object({ kind: z.literal('slides'), items: z.array(Slide).max(500) })
])
function writeSystemClipboard(clip: Clip | null): void {
  if (!clip) return
  try {
    localStorage.setItem(CLIP_MIME, JSON.stringify(clip))
  } catch {
    // Quota or privacy mode: the in-memory clipboard still works within this window.
  }
}

/** What another ClassDeck window (or this one before a reload) copied. */
export function readSystemClipboard(): Clip | null {
  try {
    const raw = localStorage.getItem(CLIP_MIME)
    if (!raw) return null
    // Another window wrote it, possibly another version: check it like any input.
    const parsed = ClipSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
