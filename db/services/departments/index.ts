export * from './list'
export * from './edit'
export * from './sheet'
