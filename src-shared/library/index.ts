/** The library's shared model: resources on the catalogue, search text, the question bank and activity rules. */
export * from './resource'
export * from './search-text'
export * from './question-bank'
export * from './paper-text'
export * from './period'
export * from './activity-rules'
export * from './activity-engine'
