/** Logging in, and the first administrator of a new store: the calls that work before login. */
import type { OperatorInfo } from '../../db/services/operators'
import { call } from './call'

export interface SessionState {
  /** true until the first administrator has been created */
  needsSetup: boolean
  operator: OperatorInfo | null
  storeName: string
  /** true when the database has no members yet (offer sample data) */
  empty: boolean
  /** The store's time zone (IANA): the screens show days, months and times in it */
  timeZone: string
}

export const sessionCalls = {
  'session:state': call<void, SessionState>('public'),
  'session:setupAdmin': call<{ name: string; password: string }, OperatorInfo>('public'),
  'session:login': call<{ name: string; password: string }, OperatorInfo>('public'),
  'session:logout': call<void, null>('public'),
} as const
