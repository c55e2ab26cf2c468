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
  language: { 'zh-CN': '中文', en: 'English' },
  error: { generic: 'Something went wrong: {message}', dismiss: 'OK' }
}
export default en
