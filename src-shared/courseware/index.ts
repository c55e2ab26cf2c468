/** The deck model: what a lesson's courseware is, shared by editor, presenter, students and files. */
export * from './primitives'
export * from './ink'
export * from './question'
export * from './element'
export * from './deck'
export * from './manifest'
export * from './format'
export * from './factory'
