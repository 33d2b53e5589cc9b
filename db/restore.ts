import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { reserveBackupFile, zoneOf } from './backup'
import { checkBackupFile } from './backupCheck'
import { AppError, databaseError, validationError } from './errors'
import { lockExclusively } from './exclusiveLock'
import { wrap } from './handle'
import { defaultMigrationsFolder } from './open'
import { DEFAULT_TIME_ZONE } from './rules/storeClock'

export interface RestoreOptions<T> {
  migrationsFolder?: string
  /** The better-sqlite3 addon the app's own connection uses (Electron's build inside the app). */
  nativeBinding?: string
  /** Where the safety copy goes; defaults to `backups` beside the database (same disk: it is moved, not copied). */
  backupDir?: string
  now?: () => Date
  /** Opens (and if older, migrates) the restored file; if it throws, the original is put back. */
  open: (file: string) => T
}

export interface Restored<T> {
  /** The database as it was before the restore: the original file itself, moved aside. */
  safetyCopy?: string
  opened: T
}

const SIDE_FILES = ['-wal', '-shm']
const removeWithSideFiles = (file: string) => {
  for (const ext of ['', ...SIDE_FILES]) rmSync(file + ext, { force: true })
}
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Runs `fn` while this process alone holds `file`. Elsewhere the lock is held across the renames,
 * so nobody can open the file in between; Windows cannot rename a file that is open, so there the
 * lock only proves nobody else has it before it is let go.
 */
function whileLocked<R>(file: string, nativeBinding: string | undefined, fn: (zone: string) => R): R {
  const lock = lockExclusively(file, nativeBinding)
  const zone = lock ? zoneOf(wrap(lock, file)) : DEFAULT_TIME_ZONE
  if (process.platform === 'win32') lock?.close()
  try {
    return fn(zone)
  } finally {
    // Closing deletes the connection's (empty, checkpointed) WAL by the file's name: never let
    // anything open the new file before this.
    if (lock?.open) lock.close()
  }
}

/** A private copy of the backup beside the database (same disk, so it can be renamed into place). */
function stage(source: string, dbFile: string): string {
  const staged = `${dbFile}.restoring-${Date.now()}-${process.pid}`
  copyFileSync(source, staged, constants.COPYFILE_EXCL)
  // A copy of a database still in WAL mode keeps its last commits in the -wal file.
  const wal = `${source}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) copyFileSync(wal, `${staged}-wal`, constants.COPYFILE_EXCL)
  return staged
}

/** Moves the live file aside as the safety copy and the staged one into its place. */
function swapIn<T>(dbFile: string, staged: string, options: RestoreOptions<T>): string | undefined {
  if (!existsSync(dbFile)) {
    renameSync(staged, dbFile)
    return undefined
  }
  return whileLocked(dbFile, options.nativeBinding, (zone) => {
    const dir = options.backupDir ?? join(dirname(dbFile), 'backups')
    const safety = reserveBackupFile(dir, 'before-restore', (options.now?.() ?? new Date()).getTime(), zone)
    try {
      renameSync(dbFile, safety)
    } catch (e) {
      rmSync(safety, { force: true })
      throw databaseError(`无法把当前数据库移到备份文件夹（${reason(e)}），未做任何修改。`)
    }
    try {
      renameSync(staged, dbFile)
    } catch (e) {
      renameSync(safety, dbFile)
      throw databaseError(`无法放入备份文件（${reason(e)}），原来的数据库已放回，未做任何修改。`)
    }
    return safety
  })
}

/** The restored file could not be opened: it goes, and the original comes back as it was. */
function putBack(dbFile: string, safetyCopy: string | undefined, nativeBinding: string | undefined): void {
  whileLocked(dbFile, nativeBinding, () => {
    const rejected = `${dbFile}.rejected-${Date.now()}-${process.pid}`
    renameSync(dbFile, rejected)
    for (const ext of SIDE_FILES) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, rejected + ext)
    if (safetyCopy) renameSync(safetyCopy, dbFile)
    removeWithSideFiles(rejected)
  })
}

/**
 * Replaces the database at `dbFile` with the backup `source`. The caller must have closed its own
 * connection. Nothing is touched until the backup has passed every check and no other connection
 * holds the database; the original file itself is kept as the safety copy, and put back byte for
 * byte when the restored file cannot be opened.
 */
export function restoreDatabase<T>(dbFile: string, source: string, options: RestoreOptions<T>): Restored<T> {
  if (!existsSync(source)) throw databaseError(`找不到备份文件：${source}，未做任何修改。`)
  if (resolve(source) === resolve(dbFile)) throw validationError('备份文件与当前数据库是同一个文件')
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder()
  const staged = stage(source, dbFile)
  let safetyCopy: string | undefined
  try {
    checkBackupFile(staged, { migrationsFolder, nativeBinding: options.nativeBinding })
    safetyCopy = swapIn(dbFile, staged, options)
  } catch (e) {
    removeWithSideFiles(staged)
    throw e
  }
  try {
    return { safetyCopy, opened: options.open(dbFile) }
  } catch (e) {
    try {
      putBack(dbFile, safetyCopy, options.nativeBinding)
    } catch (again) {
      throw databaseError(
        `恢复后无法打开数据库（${reason(e)}），放回原来的数据库时也出错（${reason(again)}）。` +
          (safetyCopy ? `原来的数据库在：${safetyCopy}，请关闭所有 vipdesk 程序后把它复制回 ${dbFile}。` : ''),
      )
    }
    const why = e instanceof AppError ? e.message : reason(e)
    throw databaseError(`恢复后无法打开数据库（${why}），已放回恢复前的数据库，未做任何修改。`)
  }
}
