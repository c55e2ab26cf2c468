import { afterEach, describe, expect, it } from 'vitest'
import { PresenterLink, boardUrl, type LinkMessage } from './presenter-link'

describe('the link between the board window and the presenter console', () => {
  const open: PresenterLink[] = []
  const channels: BroadcastChannel[] = []
  afterEach(() => {
    open.splice(0).forEach((l) => l.close())
    channels.splice(0).forEach((c) => c.close())
  })

  function link(docId: string): { link: PresenterLink; got: LinkMessage[] } {
    const l = new PresenterLink(docId)
    const got: LinkMessage[] = []
    l.onMessage = (m) => got.push(m)
    open.push(l)
    return { link: l, got }
  }

  it('carries commands for the same document only, and drops messages that do not fit the schema', async () => {
    const board = link('doc-1')
    const console_ = link('doc-1')
    const other = link('doc-2')
    const raw = new BroadcastChannel('classdeck-presenter:doc-1')
    channels.push(raw)
    raw.postMessage({ type: 'command', command: 'self-destruct' })
    console_.link.post({ type: 'command', command: 'next' })
    await expect.poll(() => board.got.length).toBe(1)
    expect(board.got).toEqual([{ type: 'command', command: 'next' }])
    expect(other.got).toEqual([])
  })

  it('puts the document and class in the board window’s address', () => {
    const q = new URLSearchParams(boardUrl('d1', 'local-1', '七年级 1班').split('?')[1])
    expect(Object.fromEntries(q)).toEqual({ view: 'board', doc: 'd1', class: 'local-1', name: '七年级 1班' })
  })
})
