import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { TrackedJobs, type JobProgress } from './jobs'
import type { SheetRequest } from './run'
import { fromWire, type WorkerAsk, type WorkerReply, type WorkerSetup } from './wire'

/**
 * The worker's code: the app's build bundles it beside main (sheetWorker.js); from the sources
 * (npm run serve, tests) the TypeScript file is loaded through tsx's require hook.
 */
function spawn(setup: WorkerSetup): Worker {
  const built = join(__dirname, 'sheetWorker.js')
  if (existsSync(built)) return new Worker(built, { workerData: setup })
  const local = createRequire(__filename)
  const code = `require(${JSON.stringify(local.resolve('tsx/cjs'))});require(${JSON.stringify(join(__dirname, 'worker.ts'))})`
  return new Worker(code, { eval: true, workerData: setup })
}

const CLOSE_GRACE_MS = 5000

interface Pending {
  resolve(value: unknown): void
  reject(e: Error): void
  onProgress: JobProgress
}

/** The store server's imports: one worker thread with its own connection, started when first needed. */
export class WorkerJobs extends TrackedJobs {
  readonly background = true
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1

  constructor(
    private readonly setup: WorkerSetup,
    /** The store's time now (the server's clock, which tests move). */
    private readonly nowMs: () => number,
  ) {
    super()
  }

  protected execute(req: SheetRequest, onProgress: JobProgress): Promise<unknown> {
    const worker = this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress })
      worker.postMessage({ id, req, nowMs: this.nowMs() } satisfies WorkerAsk)
    })
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = (this.worker = spawn(this.setup))
    worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id)
      if (!p) return
      if ('progress' in m) return p.onProgress(m.progress)
      this.pending.delete(m.id)
      if ('error' in m) p.reject(fromWire(m.error))
      else p.resolve(m.result)
    })
    // A crashed worker fails what it was doing (its transaction rolled back with its connection); the next step starts another.
    const lost = (e: Error) => {
      if (this.worker === worker) this.worker = null
      for (const p of this.pending.values()) p.reject(e)
      this.pending.clear()
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`import worker exited (${code})`)))
    worker.unref()
    return worker
  }

  async close(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = null
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.postMessage({ close: true } satisfies WorkerAsk)
    // A worker in the middle of a file closes between two batches; one that does not is stopped.
    const slow = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS)
    await exited
    clearTimeout(slow)
  }
}
