import { existsSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { AppError } from './errors'

/**
 * What the operating system said about a file, in words staff can act on. Only the file's base
 * name is shown: a full path can hold a person's name (C:\Users\王芳\…) and says nothing more.
 */
export type FileMode = 'read' | 'write' | 'access'

const READ: Record<string, (n: string) => string> = {
  ENOENT: (n) => `文件不存在：“${n}”。请检查文件名和所在文件夹`,
  EISDIR: (n) => `“${n}”是文件夹，不是文件。请选择文件夹里的文件`,
  EACCES: (n) => `没有权限读取“${n}”。请检查文件权限，或先把文件复制到自己的文件夹`,
  EPERM: (n) => `没有权限读取“${n}”。请检查文件权限，或先把文件复制到自己的文件夹`,
  ENOTDIR: (n) => `文件夹不存在：“${n}”的路径中有一段不是文件夹`,
  EBUSY: (n) => `“${n}”正被其他程序占用，请关闭后重试`,
}

const WRITE: Record<string, (n: string) => string> = {
  ENOENT: (n) => `文件夹不存在，无法保存“${n}”。请先建好文件夹或换个位置`,
  EISDIR: (n) => `“${n}”是文件夹，不能作为文件保存。请换一个文件名`,
  EACCES: (n) => `没有权限写入“${n}”。请换个位置保存，或检查文件夹权限`,
  EPERM: (n) => `没有权限写入“${n}”。请换个位置保存，或检查文件夹权限`,
  ENOTDIR: (n) => `文件夹不存在，无法保存“${n}”：路径中有一段不是文件夹`,
  ENOSPC: (n) => `磁盘已满，无法保存“${n}”。请清理磁盘空间或换个位置`,
  EDQUOT: (n) => `磁盘空间配额已用完，无法保存“${n}”`,
  EROFS: (n) => `该位置只读，无法保存“${n}”。请换个位置`,
  EBUSY: (n) => `“${n}”正被其他程序（例如 Excel）打开，请关闭后重试`,
}

const ACCESS: Record<string, (n: string) => string> = {
  ENOENT: (n) => `文件或文件夹不存在：“${n}”`,
  EISDIR: (n) => `“${n}”是文件夹，不是文件`,
  EACCES: (n) => `没有权限读写“${n}”`,
  EPERM: (n) => `没有权限读写“${n}”`,
  ENOTDIR: (n) => `文件夹不存在：“${n}”的路径中有一段不是文件夹`,
  ENOSPC: (n) => `磁盘已满，无法保存“${n}”`,
  EROFS: (n) => `该位置只读，无法保存“${n}”`,
  EBUSY: (n) => `“${n}”正被其他程序占用，请关闭后重试`,
}

const TABLES = { read: READ, write: WRITE, access: ACCESS }

/**
 * The AppError for a file system failure on `file` (or the error's own path), or null when the
 * error is not one of those (the caller rethrows it as it was).
 */
export function fileError(e: unknown, file: string | undefined, mode: FileMode): AppError | null {
  const err = e as NodeJS.ErrnoException | null
  const say = err?.code ? TABLES[mode][err.code] : undefined
  if (!say) return null
  const name = basename(file ?? err?.path ?? '') || '该文件'
  return new AppError(mode === 'read' && err?.code === 'ENOENT' ? 'not_found' : 'conflict', `${say(name)}。`)
}

/** Runs fn (sync or async) and turns its file system errors on `file` into Chinese AppErrors. */
export function withFileErrors<T>(file: string, mode: FileMode, fn: () => T): T {
  const explain = (e: unknown): never => {
    throw fileError(e, file, mode) ?? e
  }
  try {
    const out = fn()
    return (out instanceof Promise ? out.catch(explain) : out) as T
  } catch (e) {
    return explain(e)
  }
}

/** writeFileSync whose failures are said in Chinese. */
export function writeFileExplained(file: string, data: string | Uint8Array): void {
  withFileErrors(file, 'write', () => writeFileSync(file, data))
}

/**
 * Refuses a save target up front, before a slow PDF is rendered for nothing: its folder must
 * exist and be a folder, and the target itself must not be one.
 */
export function checkSaveTarget(file: string): void {
  const folder = withFileErrors(file, 'write', () => statSync(dirname(file)))
  if (!folder.isDirectory()) throw fileError({ code: 'ENOTDIR' }, file, 'write')
  if (existsSync(file) && statSync(file).isDirectory()) throw fileError({ code: 'EISDIR' }, file, 'write')
}
