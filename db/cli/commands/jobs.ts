import { dirname, join } from 'node:path'
import { storeToday } from '../../clock'
import { createJobRunner } from '../../jobs/runner'
import { formatYmd } from '../../rules/dates'
import type { CliContext } from '../context'
import { redact } from '../io'

/** Job failures go to stderr (masked, like every error the command line prints). */
export const jobLog = (ctx: Pick<CliContext, 'io'>) => (message: string) =>
  void ctx.io.stderr.write(`${redact(message)}\n`)

/**
 * `jobs run`: every daily job now, as the app runs them at the store's midnight — the backup into
 * `backups/` beside the database, the expiry, the tier review, card validity and renewals. Each is
 * idempotent, so a scheduled run after the app's own changes nothing. Exit code 1 if any failed.
 */
export async function jobsRunCommand(ctx: CliContext): Promise<number> {
  const runner = createJobRunner({
    db: () => ctx.db,
    backupDir: join(dirname(ctx.dbFile), 'backups'),
    log: jobLog(ctx),
  })
  const outcomes = runner.runNow()
  const day = formatYmd(storeToday(ctx.db))
  await ctx.say(
    [`${day} 的每日任务：`, ...outcomes.map((o) => `  ${o.label}：${o.ok ? o.summary : `失败，${o.error}`}`)].join(
      '\n',
    ),
  )
  await ctx.result({
    day,
    jobs: outcomes.map((o) => ({
      job: o.job,
      label: o.label,
      ok: o.ok,
      summary: o.summary,
      ...(o.ok ? { result: o.result } : { error: o.error }),
    })),
  })
  return outcomes.every((o) => o.ok) ? 0 : 1
}
