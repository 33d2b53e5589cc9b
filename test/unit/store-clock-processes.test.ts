import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { SYSTEM_ACTOR } from '../../db/actor'
import { createMember } from '../../db/services/members'
import { writeCsv } from '../support/sheets'

/**
 * The same database read by processes in different zones (a desk in Shanghai, a CI runner in UTC,
 * a laptop in Los Angeles) gives the same figures: each runs the real command line as a child
 * process with its own TZ.
 */
const run = promisify(execFile)
const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

let dir: string
const file = () => join(dir, 'vipdesk.sqlite')

async function cliIn(tz: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(TSX, [join(ROOT, 'db/cli/main.ts'), '--db', file(), ...args], {
    cwd: dir,
    env: { ...process.env, TZ: tz },
  })
  return stdout
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-zones-'))
  const db = openDatabase(file())
  try {
    for (const cardNo of ['V0001', 'V0002'])
      createMember(db, { cardNo, name: '会员', joinDate: '2026-01-05' }, SYSTEM_ACTOR)
  } finally {
    closeDatabase(db)
  }
  // Both at the edge of a month in Shanghai: the early morning of the 1st is still the evening
  // before in UTC, and the afternoon before in Los Angeles.
  writeCsv(join(dir, 'till.csv'), [
    ['单号', '交易时间', '卡号', '金额'],
    ['S1', '2026-12-01 07:30', 'V0001', '100'],
    ['S2', '2026-11-01 03:00', 'V0002', '200'],
  ])
  await cliIn('UTC', 'import', 'purchases', 'till.csv')
}, 240_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('figures do not depend on the zone of the process', () => {
  it('a purchase imported under TZ=UTC at 2026-12-01 07:30 is in December', () => {
    const db = openDatabase(file())
    try {
      const rows = db.sqlite
        .prepare('SELECT receipt_no, purchased_at, purchase_date FROM purchases ORDER BY receipt_no')
        .raw()
        .all()
      expect(rows).toEqual([
        ['S1', Date.UTC(2026, 10, 30, 23, 30), 20261201],
        ['S2', Date.UTC(2026, 9, 31, 19, 0), 20261101],
      ])
      expect(db.sqlite.prepare('SELECT month, amount_fen FROM sales_monthly ORDER BY 1').raw().all()).toEqual([
        [202611, 20000],
        [202612, 10000],
      ])
    } finally {
      closeDatabase(db)
    }
  })

  it('report kpi gives the same figures under TZ=UTC and TZ=America/Los_Angeles', async () => {
    for (const month of ['2026-10', '2026-11']) {
      const [utc, la] = await Promise.all(
        ['UTC', 'America/Los_Angeles'].map(async (tz) =>
          JSON.parse(await cliIn(tz, '--json', 'report', 'kpi', '--month', month)),
        ),
      )
      expect(la, month).toEqual(utc)
      // S2 (2026-11-01 03:00 in the store) is November's: active then, not at the end of October
      expect(utc).toMatchObject(
        month === '2026-11'
          ? { members: 2, activeCards: 1, vipSales: 20000 }
          : { members: 2, activeCards: 0, vipSales: 0 },
      )
    }
  }, 240_000)
})
