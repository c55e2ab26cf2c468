// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useEditorStore } from './editor'
import { createDeck } from '../../src-shared/courseware'
import { addElement, moveElements, updateSlide } from '../features/editor/deck-ops'
import { newText } from '../features/editor/new-elements'

beforeEach(() => setActivePinia(createPinia()))

function loaded(opts?: { unsaved?: boolean }) {
  const editor = useEditorStore()
  const deck = createDeck('分数')
  const text = newText('标题')
  editor.load(addElement(deck, deck.slides[0]!.id, text), opts)
  return { editor, slideId: deck.slides[0]!.id, textId: text.id }
}

describe('the unsaved mark', () => {
  it('stays off when an element is only selected, or pressed without moving', () => {
    const { editor, slideId, textId } = loaded()
    editor.selectElement(textId)
    // The canvas starts a move gesture on every press; a tap moves by 0.
    editor.beginGesture('移动')
    editor.apply((d) => moveElements(d, slideId, [textId], 0, 0), '移动')
    editor.endGesture()
    editor.goTo(slideId)
    expect(editor.dirty).toBe(false)
    expect(editor.canUndo).toBe(false)
    expect(editor.version).toBe(0) // nothing to send to the service either
  })

  it('comes on with a real change and goes off when undone back to what was saved', () => {
    const { editor, slideId, textId } = loaded()
    editor.apply((d) => moveElements(d, slideId, [textId], 5, 0), '移动')
    expect(editor.dirty).toBe(true)
    editor.undo()
    expect(editor.dirty).toBe(false)
  })

  it('is on from the start for a recovered or imported deck', () => {
    const { editor } = loaded({ unsaved: true })
    expect(editor.dirty).toBe(true)
  })

  it('keeps an edit made while the save ran as unsaved', () => {
    const { editor, slideId } = loaded()
    editor.apply((d) => updateSlide(d, slideId, (s) => ({ ...s, notes: '一' })), '备注')
    const sent = editor.deck
    editor.apply((d) => updateSlide(d, slideId, (s) => ({ ...s, notes: '一二' })), '备注')
    editor.markSaved(sent)
    expect(editor.dirty).toBe(true)
    editor.markSaved()
    expect(editor.dirty).toBe(false)
  })
})
