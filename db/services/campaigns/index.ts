export * from './calls'
export * from './create'
export * from './report'
