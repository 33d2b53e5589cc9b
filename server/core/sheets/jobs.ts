import { AppError } from '../../../db/errors'
import type { Db } from '../../../db/handle'
import type { ImportProgress, SheetData } from '../../../db/services/members/import'
import { firstTask, runSheetRequest, type SheetRequest } from './run'

/** A step's progress, as the desk that started it sees it. */
export type JobProgress = (p: ImportProgress & { task: string }) => void

/**
 * Where imports run. On the desktop: in the main process, over the app's connection, one call at
 * a time like every other. On the store server: in a worker thread with its own connection, so
 * the other desks' reads go on while a long file is checked or written.
 */
export interface SheetJobs {
  /** True when a step runs beside other calls (the dispatcher then does not queue them behind it). */
  readonly background: boolean
  run(req: SheetRequest, operator: string, onProgress: JobProgress): Promise<unknown>
  /** What is running now, for another desk's refused write: 正在导入小票（王芳，45%）; null when idle. */
  running(): string | null
  /** The same, only while the step holds the database's write lock. */
  writing(): string | null
  /** Ends the worker (before a restore, at shutdown); the next step starts a new one. */
  close(): Promise<void>
}

/** Keeps what runs and how far it is; a second step while one runs is refused with it. */
export abstract class TrackedJobs implements SheetJobs {
  abstract readonly background: boolean
  private now: { task: string; operator: string; done: number; total: number } | null = null

  protected abstract execute(req: SheetRequest, onProgress: JobProgress): Promise<unknown>
  abstract close(): Promise<void>

  async run(req: SheetRequest, operator: string, onProgress: JobProgress): Promise<unknown> {
    if (req.op === 'drop') return this.execute(req, () => undefined)
    const busy = this.running()
    if (busy) throw new AppError('busy', `${busy}，请等它完成后再导入`)
    const job = (this.now = { task: firstTask(req), operator, done: 0, total: 0 })
    try {
      return await this.execute(req, (p) => {
        Object.assign(job, { task: p.task, done: p.done, total: p.total })
        onProgress(p)
      })
    } finally {
      this.now = null
    }
  }

  /** The running step when it holds the write lock (reading the file does not). */
  writing(): string | null {
    return this.now && this.now.task !== '读取文件' ? this.running() : null
  }

  running(): string | null {
    const job = this.now
    if (!job) return null
    const percent = job.total > 0 ? `，${Math.floor((job.done / job.total) * 100)}%` : ''
    return `正在${job.task}（${job.operator}${percent}）`
  }
}

/** The desktop's imports: over the app's own connection, in the dispatcher's queue. */
export class InProcessJobs extends TrackedJobs {
  readonly background = false
  private readonly sheets = new Map<string, SheetData>()

  constructor(private readonly db: () => Db) {
    super()
  }

  protected execute(req: SheetRequest, onProgress: JobProgress): Promise<unknown> {
    return runSheetRequest(this.db(), this.sheets, req, (task) => (p) => onProgress({ task, ...p }))
  }

  close(): Promise<void> {
    this.sheets.clear()
    return Promise.resolve()
  }
}
