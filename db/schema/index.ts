export * from './operators'
export * from './members'
export * from './points'
export * from './tiers'
