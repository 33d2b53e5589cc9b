/**
 * Typed errors thrown by services. Their messages are Chinese and shown to the user as they are,
 * so they must never contain a phone or ID number.
 */
export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'database'

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
