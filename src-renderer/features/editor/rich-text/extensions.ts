/**
 * The in-place text editor's schema, fitted to the deck's text model (runs-doc.ts maps between
 * them): Tiptap's StarterKit without the blocks a slide's text has no place for (headings, quotes,
 * code, rules, nested lists, web links), the run formats as marks, flat paragraphs carrying their
 * list kind and indent level, and two marks of our own (a link to a slide; the run fields the
 * editor does not edit, kept as they were).
 *
 * Why Tiptap: it is ProseMirror (a document model with a schema, so every edit stays inside what
 * the deck can hold) with maintained Vue 3 bindings and the run formats as ready extensions; the
 * 教案 pane uses it too, so the teacher meets one editor.
 */
import { Extension, Mark, mergeAttributes, type Extensions } from '@tiptap/vue-3'
import StarterKit from '@tiptap/starter-kit'
import { Color, FontFamily, FontSize, TextStyle } from '@tiptap/extension-text-style'
import { Highlight } from '@tiptap/extension-highlight'
import { Subscript } from '@tiptap/extension-subscript'
import { Superscript } from '@tiptap/extension-superscript'
import { TextAlign } from '@tiptap/extension-text-align'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    slideParagraph: {
      /** Bullet or numbered list on the selected paragraphs, or none. */
      setList: (list: 'bullet' | 'number' | null) => ReturnType
      /** Indent level of the selected paragraphs up or down by one (0..8). */
      indent: (delta: 1 | -1) => ReturnType
    }
    slideLink: {
      setSlideLink: (slideId: string) => ReturnType
      unsetSlideLink: () => ReturnType
    }
  }
}

/** list, level and the paragraph fields the editor keeps without editing them. */
const SlideParagraph = Extension.create({
  name: 'slideParagraph',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          list: {
            default: null,
            parseHTML: (el) => el.getAttribute('data-list'),
            renderHTML: (a) => (a['list'] ? { 'data-list': a['list'] } : {})
          },
          level: {
            default: 0,
            parseHTML: (el) => Math.max(0, Math.min(8, Number(el.getAttribute('data-level')) || 0)),
            renderHTML: (a) => ({ 'data-level': String(a['level'] ?? 0) })
          },
          extra: { default: null, rendered: false }
        }
      }
    ]
  },
  addCommands() {
    return {
      setList:
        (list) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (node.type.name === 'paragraph') tr.setNodeMarkup(pos, undefined, { ...node.attrs, list })
          })
          dispatch?.(tr)
          return true
        },
      indent:
        (delta) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (node.type.name !== 'paragraph') return
            const level = Math.max(0, Math.min(8, ((node.attrs['level'] as number) ?? 0) + delta))
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, level })
          })
          dispatch?.(tr)
          return true
        }
    }
  },
  addKeyboardShortcuts() {
    return {
      Tab: () => this.editor.commands.indent(1),
      'Shift-Tab': () => this.editor.commands.indent(-1)
    }
  }
})

const SlideLink = Mark.create({
  name: 'slideLink',
  inclusive: false,
  addAttributes() {
    return { slideId: { default: null, parseHTML: (el) => el.getAttribute('data-slide-link') } }
  },
  parseHTML() {
    return [{ tag: 'a[data-slide-link]' }]
  },
  renderHTML({ HTMLAttributes }) {
    const { slideId, ...rest } = HTMLAttributes as { slideId?: string }
    return ['a', mergeAttributes(rest, { 'data-slide-link': slideId ?? '', class: 'slide-link' }), 0]
  },
  addCommands() {
    return {
      setSlideLink:
        (slideId) =>
        ({ commands }) =>
          commands.setMark(this.name, { slideId }),
      unsetSlideLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name)
    }
  }
})

/** Run fields the editor does not edit (an imported Latin font…), kept on the text they came with. */
const RunExtra = Mark.create({
  name: 'runExtra',
  addAttributes() {
    return { data: { default: null, rendered: false } }
  },
  parseHTML() {
    // Never from pasted HTML: only the deck puts it there.
    return []
  },
  renderHTML() {
    return ['span', {}, 0]
  }
})

export function slideTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      link: false,
      dropcursor: false,
      trailingNode: false
    }),
    TextStyle,
    Color,
    FontSize,
    FontFamily,
    Highlight.configure({ multicolor: true }),
    Subscript,
    Superscript,
    TextAlign.configure({ types: ['paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
    SlideParagraph,
    SlideLink,
    RunExtra
  ]
}
