import type { Handlers } from '../dispatch'
import { adminHandlers } from './admin'
import { dataHandlers } from './data'
import { memberHandlers } from './members'
import { sessionHandlers } from './session'

/** Every contract call's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...memberHandlers,
  ...adminHandlers,
  ...dataHandlers,
}
