import { AppError, type ErrorKind } from '../../../db/errors'
import type { OpenOptions } from '../../../db/open'
import type { ImportProgress } from '../../../db/services/members/import'
import type { SheetRequest } from './run'

/** What the worker needs to open the database as the server does (no functions cross threads). */
export interface WorkerSetup {
  dbFile: string
  openOptions: Omit<OpenOptions, 'now'>
}

export type WorkerAsk = { id: number; req: SheetRequest; nowMs: number; close?: undefined } | { close: true }

export interface WireError {
  message: string
  stack?: string
  code?: string
  app?: { kind: ErrorKind; issues: AppError['issues'] }
}

export type WorkerReply =
  | { id: number; progress: ImportProgress & { task: string } }
  | { id: number; result: unknown }
  | { id: number; error: WireError }

/** An error as data: an AppError keeps its kind and issues, a system error its code (ENOENT, SQLITE_BUSY). */
export function toWire(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e))
  const code = (err as { code?: unknown }).code
  return {
    message: err.message,
    stack: err.stack,
    code: typeof code === 'string' ? code : undefined,
    app: e instanceof AppError ? { kind: e.kind, issues: e.issues } : undefined,
  }
}

/** The error again on the server's side, so the dispatcher maps it as if it was thrown there. */
export function fromWire(w: WireError): Error {
  if (w.app) return new AppError(w.app.kind, w.message, w.app.issues)
  const e = new Error(w.message) as Error & { code?: string }
  if (w.code) e.code = w.code
  if (w.stack) e.stack = w.stack
  return e
}
