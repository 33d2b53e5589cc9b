import { basename } from 'node:path'
import { rotateDailyBackup } from '../backup'
import type { Db } from '../handle'
import { refreshAddressFlags } from '../services/birthdays/addressFlags'
import { warmCare } from '../services/care'
import { expireDuePoints } from '../services/points/expiry'
import { getSettings } from '../services/settings'
import { expireDueVouchers } from '../services/vouchers/lifecycle'
import { cardJobsAtStartup, reviewTiersAtStartup } from '../services/tiers'

/** The jobs the runner knows, in the order a day runs them. */
export type JobName = 'backup' | 'expiry' | 'voucherExpiry' | 'tierReview' | 'cards' | 'warmUps'

export const JOB_LABELS: Record<JobName, string> = {
  backup: '每日备份',
  expiry: '积分过期',
  voucherExpiry: '券过期',
  tierReview: '年度等级评级',
  cards: '会员卡有效期与自动续期',
  warmUps: '预先计算（高端会员名单、地址检查）',
}

/** What one job did: a Chinese line for people and the service's own result for scripts. */
export interface JobDone {
  summary: string
  result: unknown
}

export interface JobDef {
  name: JobName
  run(db: Db): JobDone
}

const n = (v: number) => v.toLocaleString('en-US')

/**
 * The daily jobs, in order: the backup first, so that each day's copy holds the state before that
 * day's expiry; then the expiry, before the review (a points threshold counts what is still valid);
 * then card validity and renewals. Each is idempotent: a second run the same day does nothing more.
 * Without a backup folder (a command line that only needs the ledger jobs) the backup is left out.
 */
export function dailyJobs(backupDir: string | undefined): JobDef[] {
  const jobs: JobDef[] = []
  if (backupDir) {
    jobs.push({
      name: 'backup',
      run(db) {
        const file = rotateDailyBackup(db, backupDir, getSettings(db).dailyBackupsKept)
        return {
          summary: file ? `已备份到 ${basename(file)}` : '今天的备份已经存在',
          result: { file: file ? basename(file) : null },
        }
      },
    })
  }
  jobs.push(
    {
      name: 'expiry',
      run(db) {
        const r = expireDuePoints(db)
        return {
          summary: r.members ? `${n(r.members)} 名会员共 ${n(r.points)} 分过期` : '没有到期的积分',
          result: r,
        }
      },
    },
    {
      name: 'voucherExpiry',
      run(db) {
        const r = expireDueVouchers(db)
        return {
          summary: r.vouchers ? `${n(r.vouchers)} 张券过期，共 ${(r.valueFen / 100).toFixed(2)} 元` : '没有到期的券',
          result: r,
        }
      },
    },
    {
      name: 'tierReview',
      run(db) {
        const r = reviewTiersAtStartup(db)
        return {
          summary: r.alreadyRan
            ? `评级日 ${r.reviewDay} 的评级已做过，本次无改动`
            : `已完成 ${r.reviewDay} 的年度评级：${n(r.checked)} 名会员，升级 ${n(r.upgraded)}，降级 ${n(r.downgraded)}`,
          result: r,
        }
      },
    },
    {
      name: 'cards',
      run(db) {
        const r = cardJobsAtStartup(db)
        return {
          summary: `新设有效期 ${n(r.assigned)} 张，检查过期卡 ${n(r.checked)} 张，自动续期 ${n(r.renewed)} 张`,
          result: r,
        }
      },
    },
  )
  return jobs
}

/**
 * The warm-ups: the high-value ranking (a full pass over a year of purchases) and the address
 * flags of members added since, worked out ahead of the planner's first click. Only worth it in a
 * process that stays up, as the ranking is kept in memory.
 */
export const warmUpJob: JobDef = {
  name: 'warmUps',
  run(db) {
    warmCare(db)
    const addresses = refreshAddressFlags(db)
    return { summary: `高端会员名单已更新，地址检查 ${n(addresses)} 名会员`, result: { addresses } }
  },
}
