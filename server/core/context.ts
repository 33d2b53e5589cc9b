import type { Actor } from '../../db/actor'
import type { Db } from '../../db/handle'
import type { JobRunner } from '../../db/jobs/runner'
import type { OpenOptions } from '../../db/open'
import type { Events } from '../contract/contract'
import type { Caller, Session, SessionRegistry } from './sessions'
import type { SheetKind } from './sheets/kinds'
import type { SheetJobs } from './sheets/jobs'

export interface FileFilter {
  name: string
  extensions: string[]
}

/** What handlers need from the desktop shell; Electron provides it, tests provide their own. */
export interface Shell {
  /**
   * `caller`: whose dialog it is (bound by the dispatcher): the desktop makes it modal to the
   * caller's window, the store server answers with the file the caller's browser uploaded.
   */
  pickOpenFile(options: { title: string; filters: FileFilter[] }, caller?: Caller): Promise<string | null>
  pickSaveFile(
    options: { title: string; defaultName: string; filters: FileFilter[] },
    caller?: Caller,
  ): Promise<string | null>
  emit<E extends keyof Events>(senderId: number, event: E, payload: Events[E]): void
  /** Tells every other window or desk (the one that made the change already knows). */
  broadcast?<E extends keyof Events>(event: E, payload: Events[E], exceptSenderId: number): void
  /** Printed documents: self-contained HTML whose CSS `@page` sets paper size and margins. */
  printer: Printer
}

export interface Printer {
  /** Renders the document to PDF bytes. */
  pdf(html: string): Promise<Buffer>
  /**
   * Prints the document for `caller`: the desktop through the system print dialog over its
   * window (false when cancelled), the store server as a PDF for the browser to open and print.
   */
  print(html: string, caller?: Caller): Promise<boolean>
}

/** The shell as one caller's handlers see it: its dialogs belong to that caller. */
export function shellFor(shell: Shell, caller: Caller): Shell {
  return {
    ...shell,
    pickOpenFile: (options) => shell.pickOpenFile(options, caller),
    pickSaveFile: (options) => shell.pickSaveFile(options, caller),
    printer: { pdf: (html) => shell.printer.pdf(html), print: (html) => shell.printer.print(html, caller) },
  }
}

/** The main process's mutable state: the open database and who is logged in where. */
export interface AppState {
  db: Db
  readonly dbFile: string
  readonly backupDir: string
  /** How the file is opened (Electron's better-sqlite3 build, migrations): a restore opens backups the same way. */
  readonly openOptions: OpenOptions
  /** Closes and reopens the database file (after a restore). */
  reopen(): void
  /** Everybody's logins, as the host keeps them (windows in memory, browsers in the database). */
  readonly sessions: SessionRegistry
  /** Import files waiting for the user's confirmation, by token: whose they are (the file is kept by `sheets`). */
  readonly imports: Map<string, { senderId: number; kind: SheetKind }>
  /** Where imports are read, checked and written: in process, or in the server's worker thread. */
  readonly sheets: SheetJobs
  /** The daily jobs (db/jobs); the dispatcher asks it before each call whether a new store day began. */
  readonly jobs?: JobRunner
}

export interface HandlerContext {
  state: AppState
  shell: Shell
  senderId: number
  /** Who calls: local or over the LAN, and from which address. */
  caller: Caller
  /** The caller's own login. */
  session: Session
  /** The logged-in operator; null only for public calls. */
  actor: Actor | null
}

/** Narrows the actor for calls the dispatcher has already checked to be non-public. */
export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new Error('handler for a non-public call ran without an operator')
  return ctx.actor
}
