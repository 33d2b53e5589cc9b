import type { OperatorInfo } from '../../db/services/operators'

/** Who is calling, as the host knows it. */
export interface Caller {
  /** The host's id for the calling window or browser tab: its dialogs, its progress events. */
  senderId: number
  /** The call comes from the machine that holds the database (the desktop app, or a loopback browser). */
  local: boolean
  /** For the audit log and the login lockout: the client's address, or '本机'. */
  address: string
  /** A browser's call on the store server: the file it uploaded, the files the call made. */
  files?: CallerFiles
}

/** A file a call saved or printed on the store server, handed to the browser afterwards. */
export interface SavedFile {
  path: string
  /** What the browser names it (the handler's default name). */
  name: string
  /** A PDF to view and print in a tab (true), or a file to download. */
  inline: boolean
}

/**
 * Per call, what stands in for the desktop's dialogs: `upload` is the file the desk chose and
 * uploaded (the handler's open dialog answers with it, none = cancelled); `saved` collects what
 * the call's save dialogs and prints produced.
 */
export interface CallerFiles {
  upload?: string
  saved: SavedFile[]
}

/**
 * The caller's login. The host keeps it: a desktop window's in memory, a browser's in the
 * database behind a cookie. The handlers only begin, read and end it.
 */
export interface Session {
  readonly operator: OperatorInfo | null
  begin(operator: OperatorInfo): void
  end(): void
}

/** What handlers do to other callers' sessions. */
export interface SessionRegistry {
  /** An operator's account changed: their sessions follow the change (or end when deactivated). */
  operatorChanged(operator: OperatorInfo): void
  /** A restore replaced the data: everybody logs in again. */
  endAll(): void
}

/** The desktop host's sessions: one login per window, gone when the app closes. */
export class WindowSessions implements SessionRegistry {
  private readonly byWindow = new Map<number, OperatorInfo>()

  of(senderId: number): Session {
    const windows = this.byWindow
    return {
      get operator() {
        return windows.get(senderId) ?? null
      },
      begin: (operator) => void windows.set(senderId, operator),
      end: () => void windows.delete(senderId),
    }
  }

  operatorChanged(operator: OperatorInfo): void {
    for (const [window, o] of this.byWindow) {
      if (o.id !== operator.id) continue
      if (operator.active) this.byWindow.set(window, operator)
      else this.byWindow.delete(window)
    }
  }

  endAll(): void {
    this.byWindow.clear()
  }
}
