import type { Role } from '../../db/rules/roles'

/** 'public' calls work before login; all others need a logged-in operator with one of the roles. */
export type Access = 'public' | readonly Role[]

export interface CallSpec<I, O> {
  readonly access: Access
  /**
   * The file types (extensions without the dot) the call's handler asks the user to open. A desk
   * in a browser has no dialog on the server: it chooses the file itself and uploads it first.
   */
  readonly opens?: readonly string[]
  /** Phantom field carrying the input and output types; never set at runtime. */
  readonly io?: { input: I; output: O }
}

export const call = <I, O>(access: Access, more: { opens?: readonly string[] } = {}): CallSpec<I, O> =>
  more.opens ? { access, opens: more.opens } : { access }

/** What an import reads: the Excel and CSV sheets (server/core/sheetImport.ts). */
export const SHEET_FILES = ['xlsx', 'csv'] as const
/** A vipdesk database (a backup to restore). */
export const DB_FILES = ['sqlite', 'db'] as const
/** Gift photos and the store logo (db/services/gifts/photos.ts PHOTO_TYPES; a test keeps them equal). */
export const PICTURE_FILES = ['jpg', 'jpeg', 'png', 'webp', 'gif'] as const
