/** The administrators' calls: operators, the audit log, the settings, the store logo, backups and sample data. */
import type { DemoResult } from '../../db/seed/demo'
import type { AuditEntry, AuditQuery } from '../../db/services/audit'
import type { OperatorInfo } from '../../db/services/operators'
import type { Settings } from '../../db/services/settings'
import { ADMIN_ONLY, ALL_ROLES, AUDIT_READERS, type Role } from '../../db/rules/roles'
import { call, DB_FILES, PICTURE_FILES } from './call'

export interface DataInfo {
  file: string
  backupDir: string
  backups: { name: string; size: number; at: number }[]
}

export const settingsCalls = {
  'operators:list': call<void, OperatorInfo[]>(ADMIN_ONLY),
  'operators:create': call<{ name: string; password: string; role: Role }, OperatorInfo>(ADMIN_ONLY),
  'operators:update': call<{ id: number; role?: Role; active?: boolean; password?: string }, OperatorInfo>(ADMIN_ONLY),

  'audit:list': call<AuditQuery, { rows: AuditEntry[]; total: number }>(AUDIT_READERS),
  'audit:operators': call<void, string[]>(AUDIT_READERS),

  'settings:get': call<void, Settings>(ALL_ROLES),
  'settings:update': call<Partial<Settings>, Settings>(ADMIN_ONLY),

  'data:info': call<void, DataInfo>(ADMIN_ONLY),
  'data:backup': call<void, { file: string } | null>(ADMIN_ONLY),
  'data:restore': call<void, { restored: boolean }>(ADMIN_ONLY, { opens: DB_FILES }),
  /** The demo store; `membersOnly`: sample members and purchases alone (empty gift room and maintainers). */
  'data:seedSample': call<{ members?: number; purchases?: number; membersOnly?: boolean }, DemoResult>(ADMIN_ONLY),
  /** The store logo printed on the cards: a picture chosen in main, copied beside the database. */
  'settings:pickLogo': call<void, { logo: string; dataUrl: string } | null>(ADMIN_ONLY, { opens: PICTURE_FILES }),
  'settings:logo': call<void, string | null>(ALL_ROLES),
} as const
