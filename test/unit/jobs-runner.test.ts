import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createJobRunner, type JobRunner } from '../../db/jobs/runner'
import { zonedToMs } from '../../db/rules/storeClock'
import { createMember } from '../../db/services/members'
import { postPoints } from '../../db/services/points/ledger'
import { updateSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'

// The store's midnight is Asia/Shanghai's: at 00:00:30 there the machine's day (UTC, Los Angeles)
// is still 31 December, so a runner on the machine's calendar would not run at all.
const storeTime = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(zonedToMs({ y, m, d, h, mi, s }, 'Asia/Shanghai'))

let t: TestDb
let runner: JobRunner | undefined
const logged: string[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
  logged.length = 0
  t = makeTestDb(storeTime(2026, 12, 31, 23, 59))
  const memberId = createMember(t.db, { cardNo: 'V2026', name: '跨年' }, t.admin).id
  const earned = storeTime(2026, 6, 15, 12).getTime()
  t.db.sqlite.transaction(() => postPoints(t.db, { memberId, kind: 'earn', points: 2400, at: earned }, t.admin))()
})
afterEach(() => {
  runner?.stop()
  runner = undefined
  vi.useRealTimers()
  t.close()
})

const make = (over: Partial<Parameters<typeof createJobRunner>[0]> = {}) =>
  (runner = createJobRunner({ db: () => t.db, backupDir: join(t.dir, 'backups'), log: (m) => logged.push(m), ...over }))
const ran = (r: JobRunner) => r.history().map((o) => `${o.day} ${o.trigger} ${o.job}`)

describe('the job runner', () => {
  it('runs the daily jobs at start-up, once per store day, and again at the first call after the store midnight', () => {
    const r = make()
    expect(r.start().map((o) => o.job)).toEqual(['backup', 'expiry', 'voucherExpiry', 'tierReview', 'cards'])
    expect(r.ensureToday()).toEqual([])
    expect(r.ensureToday()).toEqual([])
    expect(r.lastRuns().expiry).toMatchObject({ day: 20261231, ok: true, result: { members: 0, points: 0 } })

    t.setNow(storeTime(2027, 1, 1, 0, 0, 30))
    const after = r.ensureToday()
    expect(after.map((o) => `${o.trigger} ${o.job}`)).toEqual([
      'call backup',
      'call expiry',
      'call voucherExpiry',
      'call tierReview',
      'call cards',
    ])
    expect(r.lastRuns().expiry).toMatchObject({ day: 20270101, result: { members: 1, points: 2400 } })
    expect(r.ensureToday()).toEqual([])
    t.setNow(storeTime(2027, 1, 1, 23, 59))
    expect(r.ensureToday()).toEqual([])
    expect(r.history()).toHaveLength(10)
    expect(existsSync(join(t.dir, 'backups'))).toBe(true)
    expect(logged).toEqual([])
  })

  it('runs them from its timer within a minute of the store midnight, with no call at all', () => {
    const r = make()
    r.start()
    vi.advanceTimersByTime(60_000)
    expect(r.history()).toHaveLength(5)
    t.setNow(storeTime(2027, 1, 1, 0, 0, 30))
    vi.advanceTimersByTime(60_000)
    expect(ran(r).slice(5)).toEqual([
      '20270101 timer backup',
      '20270101 timer expiry',
      '20270101 timer voucherExpiry',
      '20270101 timer tierReview',
      '20270101 timer cards',
    ])
    vi.advanceTimersByTime(10 * 60_000)
    expect(r.history()).toHaveLength(10)
    expect(r.ensureToday()).toEqual([])
  })

  it('warms up after start and hourly, and its timers stop', () => {
    const r = make({ warmUps: true })
    r.start()
    vi.advanceTimersByTime(3000)
    expect(ran(r).filter((x) => x.endsWith('warmUps'))).toEqual(['20261231 start warmUps'])
    vi.advanceTimersByTime(3_600_000)
    expect(ran(r).filter((x) => x.endsWith('warmUps'))).toHaveLength(2)
    r.stop()
    t.setNow(storeTime(2027, 1, 1, 1))
    vi.advanceTimersByTime(3 * 3_600_000)
    expect(r.history()).toHaveLength(7)
  })

  it('logs a failed job without stopping the others, and tries it again within the hour', () => {
    const blocked = join(t.dir, 'not-a-folder')
    writeFileSync(blocked, '')
    const r = make({ backupDir: blocked })
    const first = r.start()
    expect(first.map((o) => [o.job, o.ok])).toEqual([
      ['backup', false],
      ['expiry', true],
      ['voucherExpiry', true],
      ['tierReview', true],
      ['cards', true],
    ])
    expect(first[0]!.summary).toMatch(/^每日备份失败：/)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^job backup failed for 20261231: /)
    expect(logged[0]).not.toContain('跨年')
    vi.advanceTimersByTime(3_600_000)
    expect(ran(r).slice(5)).toEqual(['20261231 timer backup'])
  })

  it('runs again for a reopened database (a restore), and waits while an import holds a transaction', () => {
    let db = t.db
    const r = make({ db: () => db })
    r.start()
    db = { ...t.db }
    t.db.sqlite.exec('BEGIN')
    expect(r.ensureToday()).toEqual([])
    t.db.sqlite.exec('COMMIT')
    expect(r.ensureToday().map((o) => o.job)).toEqual(['backup', 'expiry', 'voucherExpiry', 'tierReview', 'cards'])
  })

  it('is the same wherever the machine is: the day is the store zone setting', () => {
    updateSettings(t.db, { timeZone: 'America/Los_Angeles' }, t.admin)
    const r = make()
    r.start()
    expect(r.lastRuns().expiry).toMatchObject({ day: 20261231 })
    t.setNow(storeTime(2027, 1, 1, 0, 0, 30))
    expect(r.ensureToday()).toEqual([]) // still 31 December in Los Angeles
  })
})
