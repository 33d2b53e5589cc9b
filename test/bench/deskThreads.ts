import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LoadOptions, LoadResult, PlannedCall } from './deskLoad'
import type { DeskThreadAsk, DeskThreadSetup } from './deskThread'

type Reply = { ready: true } | { result: LoadResult } | { error: string }

/** The store's desks, logged in, in their own thread (see deskThread.ts). */
export class DeskThread {
  private constructor(private readonly worker: Worker) {}

  static async start(setup: DeskThreadSetup): Promise<DeskThread> {
    const local = createRequire(__filename)
    const code = `require(${JSON.stringify(local.resolve('tsx/cjs'))});require(${JSON.stringify(join(__dirname, 'deskThread.ts'))})`
    const thread = new DeskThread(new Worker(code, { eval: true, workerData: setup }))
    await thread.next()
    return thread
  }

  private next(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e)
      this.worker.once('error', onError)
      this.worker.once('message', (m: Reply) => {
        this.worker.off('error', onError)
        if ('error' in m) reject(new Error(m.error))
        else resolve(m)
      })
    })
  }

  private post(ask: DeskThreadAsk): void {
    this.worker.postMessage(ask)
  }

  /** Runs the plans (one per desk) to the end, or until `job` ends when given. */
  async run(plans: PlannedCall[][], options: Omit<LoadOptions, 'until'>, job?: Promise<unknown>): Promise<LoadResult> {
    const answer = this.next()
    this.post({ run: { plans, options } })
    void job?.finally(() => this.post({ stop: true }))
    return ((await answer) as { result: LoadResult }).result
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()))
    this.post({ close: true })
    await exited
  }
}
