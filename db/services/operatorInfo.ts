import type { Actor } from '../actor'
import { ROLE_LABELS, type Role } from '../rules/roles'

/** An operator as the app and the services see them: never the password hash. */
export interface OperatorInfo {
  id: number
  name: string
  role: Role
  roleLabel: string
  active: boolean
}

export const toInfo = (o: { id: number; name: string; role: Role; active: boolean }): OperatorInfo => ({
  id: o.id,
  name: o.name,
  role: o.role,
  roleLabel: ROLE_LABELS[o.role],
  active: o.active,
})

export const toActor = (o: OperatorInfo): Actor => ({ id: o.id, name: o.name, role: o.role })
