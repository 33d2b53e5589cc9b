/**
 * Typed errors thrown by services. Their messages are Chinese and shown to the user as they are,
 * so they must never contain a phone or ID number.
 */
export type ErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'database'
  /** another program holds the database's write lock (SQLITE_BUSY / SQLITE_LOCKED) */
  | 'busy'
  /** too many failed logins for one name or from one address: wait before trying again (HTTP 429) */
  | 'locked'

export interface FieldIssue {
  field: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const validationError = (message: string, issues: FieldIssue[] = []) =>
  new AppError('validation', message, issues)
export const notFound = (message: string) => new AppError('not_found', message)
export const conflict = (message: string) => new AppError('conflict', message)
export const forbidden = (message = '您的角色无权执行此操作') => new AppError('forbidden', message)
export const databaseError = (message: string) => new AppError('database', message)

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

/** SQLite's "database is locked" family, from better-sqlite3's error code (SQLITE_BUSY_SNAPSHOT etc. too). */
export const isSqliteBusy = (e: unknown): boolean =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown } | null)?.code ?? ''))

export const BUSY_MESSAGE = '数据库正被另一个程序占用（例如命令行导入），请稍后重试。本次操作未保存。'
/** When something may have been written before the lock was met, "未保存" would not be true. */
export const BUSY_PARTIAL_MESSAGE = '数据库正被另一个程序占用（例如命令行导入），操作未能全部完成。请核对结果后重试。'

export const busyError = (nothingSaved = true) =>
  new AppError('busy', nothingSaved ? BUSY_MESSAGE : BUSY_PARTIAL_MESSAGE)
