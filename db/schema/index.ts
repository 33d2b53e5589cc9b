export * from './operators'
export * from './members'
