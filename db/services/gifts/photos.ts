import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { fileError, withFileErrors } from '../../fileErrors'
import { validationError } from '../../errors'

/**
 * Gift photos live as files beside the database (photos/ next to vipdesk.db), so a backup folder
 * copy keeps them and the database row holds only the file's name. A chosen picture is copied in
 * under a fresh name: the user's original may move or be edited later.
 */
export const PHOTO_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
}
export const PHOTO_EXTENSIONS = Object.keys(PHOTO_TYPES).map((e) => e.slice(1))
const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** The photos folder of a database file. */
export const photosDirOf = (dbFile: string) => join(dirname(dbFile), 'photos')

/** Copies a picture into the photos folder; returns the name to store in gifts.photo. */
export function storePhoto(photosDir: string, source: string): string {
  const ext = extname(source).toLowerCase()
  if (!PHOTO_TYPES[ext]) throw validationError(`照片须为图片文件（${PHOTO_EXTENSIONS.join('、')}）`)
  if (!existsSync(source)) throw validationError('找不到所选的照片文件')
  const picked = withFileErrors(source, 'read', () => statSync(source))
  if (picked.isDirectory()) throw fileError({ code: 'EISDIR' }, source, 'read')
  if (picked.size > MAX_PHOTO_BYTES) throw validationError('照片不能超过 5 MB，请先缩小后再选')
  mkdirSync(photosDir, { recursive: true })
  const name = `${randomUUID()}${ext}`
  // Reading the picked file is what fails in practice (permissions); say that, naming it.
  withFileErrors(source, 'read', () => copyFileSync(source, join(photosDir, name)))
  return name
}

/** The stored photo's path, or null when the name is empty or the file is gone. */
export function photoPath(photosDir: string, name: string | null | undefined): string | null {
  if (!name) return null
  // Only a bare file name is ever stored; anything else is not ours to read.
  if (basename(name) !== name) return null
  const file = join(photosDir, name)
  return existsSync(file) ? file : null
}

/** The photo as a data: URL for the renderer and printed pages, or null when there is none. */
export function photoDataUrl(photosDir: string, name: string | null | undefined): string | null {
  const file = photoPath(photosDir, name)
  if (!file) return null
  const type = PHOTO_TYPES[extname(file).toLowerCase()]
  if (!type) return null
  return `data:${type};base64,${readFileSync(file).toString('base64')}`
}
