import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UPLOAD_TYPES, type Download } from '../contract/contract'
import type { CallerFiles, SavedFile } from '../core/sessions'

/** How long an upload waits for its call, and a download for its browser. */
export const FILE_TTL_MS = 30 * 60 * 1000
/** The largest upload: a big till export or a backup of a large store. */
export const UPLOAD_LIMIT = 300 * 1024 * 1024

/** A refused upload: the HTTP status and the Chinese message for the envelope. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

interface Kept {
  path: string
  /** The session the file belongs to (the SHA-256 of its cookie token). */
  owner: string
  expires: number
}

/** A file name for the disk and the browser: no folders, no characters Windows refuses. */
export function safeName(name: string): string {
  const clean = basename(name.replace(/\\/g, '/'))
    .replace(/[\x00-\x1f<>:"/\\|?*]/g, '_')
    .trim()
  const short = clean.length > 120 ? clean.slice(0, 100) + extname(clean).slice(0, 20) : clean
  return short.replace(/^\.+/, '') || 'file'
}

const ext = (name: string) => extname(name).slice(1).toLowerCase()

const MAGIC: Record<string, (head: Buffer) => boolean> = {
  xlsx: (h) => h.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
  sqlite: (h) => h.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1')),
  png: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  gif: (h) => h.subarray(0, 4).toString('latin1') === 'GIF8',
  webp: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
}
MAGIC.db = MAGIC.sqlite!
MAGIC.jpeg = MAGIC.jpg!

/** What a browser is told a downloaded file is. */
export function contentTypeOf(name: string): string {
  switch (ext(name)) {
    case 'pdf':
      return 'application/pdf'
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    case 'csv':
      return 'text/csv; charset=utf-8'
    default:
      return 'application/octet-stream'
  }
}

/** RFC 6266: an ASCII name for old clients, the real (Chinese) name as UTF-8 for every browser. */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}

export const ownerOf = (token: string) => createHash('sha256').update(token).digest('hex')
const newId = () => randomBytes(18).toString('base64url')

/**
 * The files a browser desk exchanges with the store server, in `uploads/` and `downloads/` beside
 * the database: what a desk uploaded for its next call (one use, 30 minutes), and what a call saved
 * or printed for that desk to fetch (30 minutes). Each belongs to the session that made it; both
 * folders are emptied when the server starts. Names and contents are never logged.
 */
export class FileStore {
  readonly uploadsDir: string
  readonly downloadsDir: string
  private readonly uploads = new Map<string, Kept>()
  private readonly downloads = new Map<string, Kept & { name: string; inline: boolean }>()
  private readonly timer = setInterval(() => this.sweep(), 60_000)

  constructor(
    dbFile: string,
    private readonly o: { limit?: number; now?: () => number } = {},
  ) {
    this.uploadsDir = join(dirname(dbFile), 'uploads')
    this.downloadsDir = join(dirname(dbFile), 'downloads')
    this.timer.unref()
    for (const dir of [this.uploadsDir, this.downloadsDir]) {
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true, mode: 0o700 })
    }
  }

  private now(): number {
    return this.o.now?.() ?? Date.now()
  }

  get limit(): number {
    return this.o.limit ?? UPLOAD_LIMIT
  }

  /** Streams an upload to disk, checking size and type as it comes; the id the call will name. */
  async receive(body: Readable, fileName: string, owner: string): Promise<string> {
    const name = safeName(fileName)
    const type = ext(name)
    if (!UPLOAD_TYPES.has(type)) {
      throw new UploadRefused(
        415,
        `不支持的文件类型（.${type || '无扩展名'}）：请选择 ${[...UPLOAD_TYPES].map((t) => '.' + t).join(' ')} 文件`,
      )
    }
    const id = newId()
    const dir = join(this.uploadsDir, id)
    mkdirSync(dir, { mode: 0o700 })
    const path = join(dir, name)
    let size = 0
    let head = Buffer.alloc(0)
    const limit = this.limit
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length
        if (size > limit) return done(new UploadRefused(413, `文件太大：最大 ${Math.round(limit / 1024 / 1024)} MB`))
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)])
        if (type === 'csv' && chunk.includes(0)) return done(new UploadRefused(415, '该文件不是 CSV 文本文件'))
        done(null, chunk)
      },
    })
    try {
      await pipeline(body, check, createWriteStream(path, { mode: 0o600 }))
      const magic = MAGIC[type]
      if (size === 0) throw new UploadRefused(400, '上传的文件是空的')
      if (magic && !magic(head)) throw new UploadRefused(415, `该文件不是有效的 .${type} 文件`)
    } catch (e) {
      rmSync(dir, { recursive: true, force: true })
      throw e
    }
    this.uploads.set(id, { path, owner, expires: this.now() + FILE_TTL_MS })
    return id
  }

  /** Whether `id` is a live upload of this session (checked before its call runs). */
  owns(id: string, owner: string): boolean {
    const u = this.uploads.get(id)
    return !!u && u.owner === owner && u.expires > this.now()
  }

  /** The upload's file on disk (for the server shell's open "dialog"). */
  uploadPath(id: string): string | null {
    return this.uploads.get(id)?.path ?? null
  }

  /** A fresh folder for one saved or printed file, so the handler's own name can be kept. */
  async newSaveDir(): Promise<string> {
    return mkdtemp(join(this.downloadsDir, 'f-'))
  }

  /**
   * After a call: its upload is used up; what it saved becomes the session's downloads (every
   * file in the folders it wrote to, e.g. the labels PDF written beside the cards), or is deleted
   * when the call failed. Returns the downloads and a map from server path to file name.
   */
  finishCall(files: CallerFiles, owner: string, ok: boolean): { downloads: Download[]; names: Map<string, string> } {
    if (files.upload) this.dropUpload(files.upload)
    const downloads: Download[] = []
    const names = new Map<string, string>()
    const dirs = [...new Set(files.saved.map((s: SavedFile) => dirname(s.path)))]
    for (const dir of dirs) {
      if (!ok) {
        rmSync(dir, { recursive: true, force: true })
        continue
      }
      const present = existsSync(dir) ? readdirSync(dir) : []
      if (!present.length) rmSync(dir, { recursive: true, force: true })
      for (const name of present) {
        const path = join(dir, name)
        if (!statSync(path).isFile()) continue
        const id = newId()
        const inline = ext(name) === 'pdf'
        this.downloads.set(id, { path, name, inline, owner, expires: this.now() + FILE_TTL_MS })
        downloads.push({ id, name, inline })
        names.set(path, name)
      }
    }
    return { downloads, names }
  }

  /** A download of this session, or null (unknown, expired, someone else's). */
  download(id: string, owner: string): { path: string; name: string; inline: boolean } | null {
    const d = this.downloads.get(id)
    if (!d || d.owner !== owner || d.expires <= this.now() || !existsSync(d.path)) return null
    return d
  }

  /** Deletes what has expired (every minute, and in tests on demand). */
  sweep(): void {
    const now = this.now()
    for (const [id, u] of this.uploads) if (u.expires <= now) this.dropUpload(id)
    for (const [id, d] of this.downloads) {
      if (d.expires > now) continue
      this.downloads.delete(id)
      rmSync(d.path, { force: true })
      if (existsSync(dirname(d.path)) && !readdirSync(dirname(d.path)).length)
        rmSync(dirname(d.path), { recursive: true })
    }
  }

  close(): void {
    clearInterval(this.timer)
  }

  private dropUpload(id: string): void {
    const u = this.uploads.get(id)
    this.uploads.delete(id)
    if (u) rmSync(dirname(u.path), { recursive: true, force: true })
  }
}
