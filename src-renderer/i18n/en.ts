import type zh from './zh-CN'

const en: typeof zh = {
  app: { name: 'ClassDeck', fullName: 'ClassDeck Teaching Assistant', home: 'Home', back: 'Back to home' },
  nav: {
    prepare: 'Prepare',
    teach: 'Teach',
    interact: 'Interact',
    sync: 'Sync',
    library: 'Library',
    stats: 'Statistics',
    settings: 'Settings'
  },
  home: {
    greeting: 'What are you teaching today?',
    prepare: 'Build and import courseware and lesson plans',
    teach: 'Teach full-screen on the board, with ink',
    interact: 'Live questions on students’ tablets',
    sync: 'Send lesson records to the platform',
    library: 'Resources by textbook chapter',
    stats: 'Lessons, interaction and quiz statistics',
    settings: 'Language, ports and platform address'
  },
  notBuilt: {
    title: 'Not built yet',
    body: 'The “{name}” page is still being built; there is nothing to use here yet.',
    back: 'Back to home'
  },
  connection: {
    connecting: 'Connecting to the service…',
    closed: 'Lost the connection to the service; reconnecting…'
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    classroomPort: 'Classroom port',
    platformUrl: 'Education platform URL',
    effectiveLessonMinutes: 'Effective lesson (minutes)',
    idleMinutes: 'Pause timing after idle (minutes)',
    dataDir: 'Data folder',
    save: 'Save',
    saved: 'Saved',
    saving: 'Saving…'
  },
  prepare: {
    untitled: 'Untitled deck', new: 'New deck', titlePlaceholder: 'Title, e.g. Introducing fractions', blank: 'Blank deck', create: 'Create',
    import: 'Import PPT / Word / PDF', importHint: 'A PowerPoint deck, Word lesson plan or PDF, ready to edit.', splitAt: 'Split a Word plan into slides:',
    noSplit: 'Do not split (keep as lesson plan)', heading: 'At heading level {n}', chooseFile: 'Choose a file…', recent: 'Recent decks',
    noRecent: 'No decks yet. Create one, or import a PowerPoint.', slides: '{n} slides', missing: 'File moved or deleted',
    recoveryFound: 'Unsaved deck “{title}” found (autosaved {at}).', recover: 'Recover', discard: 'Discard',
    reportTitle: 'Imported: {file}', reportSummary: '{slides} slides, {media} media files, {ms} ms.', reportClean: 'Everything came across as it was.',
    slideN: 'Slide {n}:', ok: 'OK', unsaved: 'This deck has unsaved changes', saveClose: 'Save and close', closeNoSave: 'Don’t save',
    cancel: 'Cancel', download: 'Download PPTX'
  },
  print: {
    back: 'Back', print: 'Print / save as PDF', withNotes: 'With notes', withoutNotes: 'Without notes', loading: 'Preparing pages…',
    hint: '{n} pages. Choose “Save as PDF” in the print dialog to export.', slideN: 'Slide {n} of {total}', noNotes: '(no notes)'
  },
  editor: {
    font: 'Font', fontDefault: 'Default font', backgroundImage: 'Background picture', chooseImage: 'Choose a picture…', clear: 'Clear',
    addSlide: 'New slide', duplicate: 'Duplicate slide', moveUp: 'Move up', moveDown: 'Move down', moveSlides: 'Move slides',
    newText: 'Type your text on the right', addText: 'Add text', addImage: 'Add picture', addMedia: 'Add media', addShape: 'Add shape',
    addTable: 'Add table', addFormula: 'Add formula', addQuestion: 'Add question', addLink: 'Add slide link', linkDefault: 'Next →',
    editText: 'Edit text', format: 'Format', position: 'Position', crop: 'Crop', editQuestion: 'Edit question', editFormula: 'Edit formula',
    table: 'Table', row: 'row', col: 'column', color: 'Colour', fontSize: 'Font size', fill: 'Fill', stroke: 'Outline', alt: 'Alt text',
    math: 'Maths', chem: 'Chemistry', linkLabel: 'Button text', linkTarget: 'Go to slide', toFront: 'Bring to front', toBack: 'Send to back',
    lock: 'Lock', delete: 'Delete', slide: 'Slide', background: 'Background', notes: 'Notes (only the teacher sees them)',
    selectHint: 'Tap an element on the canvas to edit it; press ? for shortcuts.', uploading: 'Uploading…', zoom: 'Zoom',
    save: 'Save', saving: 'Saving…', saved: 'Saved', exportPptx: 'Export PPTX', exportPdf: 'Export PDF', exportPdfNotes: 'Export PDF with notes', close: 'Close',
    types: { text: 'Text', image: 'Picture', shape: 'Shape', table: 'Table', formula: 'Formula', audio: 'Audio', video: 'Video', 'slide-link': 'Link', question: 'Question', placeholder: 'Placeholder' },
    shapes: { rectangle: 'Rectangle', rounded: 'Rounded', ellipse: 'Ellipse', line: 'Line', arrow: 'Arrow', triangle: 'Triangle', star: 'Star' },
    align: { left: 'Left', center: 'Centre', right: 'Right' },
    list: { none: 'No list', bullet: 'Bullets', number: 'Numbers' },
    cropSides: { left: 'Crop left', top: 'Crop top', right: 'Crop right', bottom: 'Crop bottom' },
    frame: { x: 'X', y: 'Y', w: 'Width', h: 'Height', rotation: 'Rotate°' },
    question: {
      kind: 'Type', prompt: 'Question', markCorrect: 'Mark as correct', removeOption: 'Remove option', addOption: 'Add option',
      true: 'True', false: 'False', accepted: 'Accepted answers (separate with ;)', explanation: 'Explanation',
      kinds: { single: 'Single choice', multiple: 'Multiple choice', 'true-false': 'True/false', 'fill-in': 'Fill in', poll: 'Poll' }
    },
    shortcuts: {
      title: 'Shortcuts', undo: 'Undo', redo: 'Redo', copy: 'Copy', cut: 'Cut', paste: 'Paste', delete: 'Delete selection', save: 'Save',
      duplicate: 'Duplicate slide', prevNext: 'Previous / next slide', nudge: 'Nudge selection', nudgeMore: 'Nudge by 10', noSnap: 'Hold while dragging: no snapping',
      multi: 'Multi-select', help: 'Show/hide this panel', close: 'Close'
    }
  },
  catalogue: {
    loading: 'Loading the textbook catalogue…', unavailable: 'The textbook catalogue is not available ({reason}). Connect to the platform, then file it on a chapter.', cached: 'Offline catalogue (last downloaded from the platform)',
    stage: 'Stage', subject: 'Subject', edition: 'Edition', volume: 'Volume', chapter: 'Chapter'
  },
  libraryEdit: {
    title: 'Resource details', name: 'Name', type: 'Type', tags: 'Tags', tagsHint: 'Separate with commas, e.g. fractions, grade 3', original: 'Original work (shared title starts with 【原创】)',
    openLesson: 'Open lesson level', shownAs: 'Shown on the platform as:', save: 'Save', share: 'Save and share to the platform', cancel: 'Cancel', needChapter: 'File it on a chapter before sharing', edit: 'Edit'
  },
  deckInfo: { title: 'Deck details', name: 'Title', author: 'Author', original: 'Original work (shared title starts with 【原创】)', save: 'Save', cancel: 'Cancel', needTitle: 'Please give the deck a title' },
  language: { 'zh-CN': '中文', en: 'English' },
  error: { generic: 'Something went wrong: {message}', dismiss: 'OK' }
}
export default en
