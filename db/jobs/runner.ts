import { storeDayInt } from '../clock'
import { isInLongTransaction, type Db } from '../handle'
import { dailyJobs, JOB_LABELS, warmUpJob, type JobDef, type JobName } from './daily'

/** What started a run: the host's start-up, a call after midnight, the timer, or someone asking. */
export type JobTrigger = 'start' | 'call' | 'timer' | 'manual'

export interface JobOutcome {
  job: JobName
  label: string
  /** The store day (yyyymmdd) it ran for */
  day: number
  /** When it ran, by the database's clock (ms) */
  at: number
  trigger: JobTrigger
  ok: boolean
  /** Chinese, for people; no personal data */
  summary: string
  result?: unknown
  /** The failure's message, when ok is false */
  error?: string
}

export interface JobRunnerOptions {
  /** The open database; a getter, as a host may reopen it (a restore swaps the file). */
  db: () => Db
  /** Where the daily backup goes; without it the backup is not one of the daily jobs. */
  backupDir?: string
  /** Run the warm-ups (a long-running host only). */
  warmUps?: boolean
  /** Failures only, and never personal data. */
  log?: (message: string) => void
  /** How often the timer looks for a new store day (default a minute). */
  checkEveryMs?: number
  /** How often the warm-ups run and failed daily jobs are tried again (default an hour). */
  warmEveryMs?: number
  /** The first warm-up after start, once the window is up (default 3 s). */
  warmDelayMs?: number
}

/**
 * The one job runner for every host (the desktop app, the command line, a store server): the
 * daily jobs run once per STORE day (db/clock.ts, whatever the machine's zone) — at start-up, at
 * the first call after the store's midnight (`ensureToday`, which the dispatcher calls before each
 * call and which costs one settings read when nothing is due), and from a timer that checks each
 * minute, so an app left open over New Year lapses last year's points at midnight. Each job's
 * failure is logged and leaves the others to run; a failed job is tried again hourly.
 */
export function createJobRunner(o: JobRunnerOptions) {
  const daily = dailyJobs(o.backupDir)
  const log = o.log ?? (() => undefined)
  const last = new Map<JobName, JobOutcome>()
  const history: JobOutcome[] = []
  // The database object too: after a restore the reopened file has not had today's jobs.
  let done: { db: Db; day: number } | null = null
  const timers: ReturnType<typeof setInterval>[] = []

  function runJob(job: JobDef, db: Db, day: number, trigger: JobTrigger): JobOutcome {
    const base = { job: job.name, label: JOB_LABELS[job.name], day, trigger }
    let out: JobOutcome
    try {
      const r = job.run(db)
      out = { ...base, at: db.now().getTime(), ok: true, summary: r.summary, result: r.result }
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e)
      out = { ...base, at: db.now().getTime(), ok: false, summary: `${JOB_LABELS[job.name]}失败：${error}`, error }
      log(`job ${job.name} failed for ${day}: ${error}`)
    }
    last.set(job.name, out)
    history.push(out)
    return out
  }

  // An import holding its transaction open between progress pauses would take the jobs' writes
  // into its own transaction (and lose them if it rolls back): wait for the next check instead.
  const busy = (db: Db) => db.sqlite.inTransaction || isInLongTransaction(db)

  function runDaily(trigger: JobTrigger, jobs: JobDef[] = daily): JobOutcome[] {
    const db = o.db()
    const day = storeDayInt(db)
    const outcomes = jobs.map((j) => runJob(j, db, day, trigger))
    done = { db, day }
    return outcomes
  }

  /** Runs the daily jobs when the store day (or the database) changed since they last ran. */
  function ensureToday(trigger: JobTrigger = 'call'): JobOutcome[] {
    try {
      const db = o.db()
      if (busy(db)) return []
      if (done && done.db === db && done.day === storeDayInt(db)) return []
      return runDaily(trigger)
    } catch (e) {
      // A closed or unreadable database: the call itself will say so.
      log(`job check failed: ${e instanceof Error ? e.message : String(e)}`)
      return []
    }
  }

  function hourly(): void {
    const db = o.db()
    if (busy(db)) return
    const day = storeDayInt(db)
    const failed = daily.filter((j) => {
      const l = last.get(j.name)
      return l && l.day === day && !l.ok
    })
    if (failed.length) runDaily('timer', failed)
    if (o.warmUps) runJob(warmUpJob, db, day, 'timer')
  }

  function warmAfterStart(): void {
    const db = o.db()
    if (!busy(db)) runJob(warmUpJob, db, storeDayInt(db), 'start')
  }

  const safely = (fn: () => void) => () => {
    try {
      fn()
    } catch (e) {
      log(`scheduled jobs failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  function schedule(t: ReturnType<typeof setInterval>): void {
    // The timers never keep a host's process alive on their own.
    ;(t as { unref?: () => void }).unref?.()
    timers.push(t)
  }

  return {
    ensureToday,
    /** Runs every daily job now, due or not (each is idempotent): `jobs run`. */
    runNow: (): JobOutcome[] => runDaily('manual'),
    /** Start-up: today's jobs now, then the minute check and the hourly warm-ups. */
    start(): JobOutcome[] {
      const outcomes = ensureToday('start')
      schedule(
        setInterval(
          safely(() => void ensureToday('timer')),
          o.checkEveryMs ?? 60_000,
        ),
      )
      schedule(setInterval(safely(hourly), o.warmEveryMs ?? 3_600_000))
      if (o.warmUps) schedule(setTimeout(safely(warmAfterStart), o.warmDelayMs ?? 3000))
      return outcomes
    },
    stop(): void {
      for (const t of timers.splice(0)) clearInterval(t)
    },
    /** The latest outcome of each job (for tests and a status screen). */
    lastRuns: (): Partial<Record<JobName, JobOutcome>> => Object.fromEntries(last),
    /** Every outcome since the runner was made, oldest first. */
    history: (): readonly JobOutcome[] => history,
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
