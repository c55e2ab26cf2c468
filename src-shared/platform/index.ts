export * from './envelope'
export * from './dto'
