import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { setupAdmin, toActor } from '../../db/services/operators'
import { postPoints } from '../../db/services/points/ledger'
import { runCliCaptured } from '../support/cli'
import { addStaffRow, buy, holdRow, member } from '../support/care'
import { storeDate } from '../support/storeTime'

let dir: string
let dbFile: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-league-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile, { now: () => storeDate(2026, 10, 5, 10) })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  const zhang = addStaffRow(db, '张三')
  const li = addStaffRow(db, '李四')
  const wang = addStaffRow(db, '王五', false)
  const births = ['1980-11-02', '农历1975-10-05', '1990-03-03', '1985-11-20', '1970-07-07']
  const m = Array.from({ length: 8 }, (_, i) => member(db, admin, `V00${i + 1}`, births[i % births.length]))
  m.forEach((id, i) =>
    db.sqlite.transaction(() => postPoints(db, { memberId: id, kind: 'opening', points: 1000 * (i + 1) }, admin))(),
  )
  // 张三: 5 VIPs, 15 purchases → 3.0; 李四: 2 VIPs, 3 purchases → 1.5; 王五 (left): 1 VIP, none → 0.0
  for (let i = 0; i < 5; i++) holdRow(db, zhang, m[i]!, 20260101)
  for (let i = 0; i < 15; i++) buy(db, admin, m[i % 5]!, 20261002 + i, 12000, { noPoints: true })
  holdRow(db, li, m[5]!, 20260101)
  holdRow(db, li, m[6]!, 20260101)
  for (const d of [20261003, 20261011, 20261021]) buy(db, admin, m[5]!, d, 50000, { noPoints: true })
  const r = buy(db, admin, m[6]!, 20261012, 8000, { noPoints: true })
  buy(db, admin, m[6]!, 20261013, -8000, { original: r }) // a return: the sale stays one purchase, the return none
  holdRow(db, wang, m[7]!, 20260101, 20261101)
  const contact = db.sqlite.prepare(
    'INSERT INTO vip_contacts (member_id, staff_id, kind, day, note, created_at) VALUES (?, ?, ?, ?, ?, 0)',
  )
  contact.run(m[0], zhang, 'phone', 20261008, '提醒周年庆活动')
  contact.run(m[1], zhang, 'visit', 20261015, '到店试穿秋装')
  contact.run(m[5], li, 'birthday', 20261020, '送生日蛋糕')
  closeDatabase(db)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('league', () => {
  it('--json gives exactly staff, vips, purchases, average and rank, ordered by rank', async () => {
    const r = await cli('--json', 'league', '--month', '2026-10')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      { staff: '张三', vips: 5, purchases: 15, average: 3, rank: 1 },
      { staff: '李四', vips: 2, purchases: 4, average: 2, rank: 2 },
      { staff: '王五', vips: 1, purchases: 0, average: 0, rank: 3 },
    ])
  })

  it('prints a readable table with one decimal and marks the winner and who left', async () => {
    const r = await cli('league', '--month', '2026-10')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1\s+张三\s+5\s+15\s+3\.0\s+1,?800\.00\s+★ 冠军/)
    expect(r.stdout).toContain('王五（已离职）')
    expect(r.stdout).toMatch(/2\s+李四\s+2\s+4\s+2\.0/)
  })

  it('needs --month as YYYY-MM (usage error, exit 2)', async () => {
    expect(await cli('league')).toMatchObject({ code: 2, stderr: expect.stringContaining('--month') })
    expect(await cli('league', '--month', '2026/10')).toMatchObject({ code: 2 })
  })

  it('--pdf writes the meeting report: names, figures, contacts and next month birthdays', async () => {
    const r = await cli('league', '--month', '2026-10', '--pdf', 'league.pdf')
    expect(r.code).toBe(0)
    const file = join(dir, 'league.pdf')
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('2026年10月 VIP维护人月度评比')
    for (const name of ['张三', '李四', '王五']) expect(text).toContain(name)
    expect(text).toMatch(/张三.*5\s+15\s+3\.0/)
    expect(text).toMatch(/李四.*2\s+4\s+2\.0/)
    expect(text).toContain('提醒周年庆活动')
    expect(text).toContain('送生日蛋糕')
    expect(text).toContain('下月VIP生日（2026年11月）')
    // V001 (solar 11-02) and V002 (lunar 10/05, which falls on 11-13 in 2026) are VIPs born in November
    expect(text).toMatch(/2026-11-02\s+会员V001/)
    expect(text).toMatch(/2026-11-13\s+会员V002\s+V002\s+农历/)
    // The first page as a picture, kept with the README's screenshots when VIPDESK_SCREENSHOTS=1.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')])
    expect(readFileSync(join(dir, 'page.png')).subarray(1, 4).toString()).toBe('PNG')
    if (process.env.VIPDESK_SCREENSHOTS) {
      const shots = join(__dirname, '..', 'e2e', 'screenshots')
      mkdirSync(shots, { recursive: true })
      copyFileSync(join(dir, 'page.png'), join(shots, 'league-report.png'))
    }
  }, 60_000)
})

describe('cake-list', () => {
  it('--json gives the documented fields, most points first, with the maintainer or null', async () => {
    const r = await cli('--json', 'cake-list', '--month', '2026-11')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      { cardNo: 'V007', name: '会员V007', points: 7000, birthdayThisYear: '2026-11-13', maintainer: '李四' },
      { cardNo: 'V006', name: '会员V006', points: 6000, birthdayThisYear: '2026-11-02', maintainer: '李四' },
      { cardNo: 'V004', name: '会员V004', points: 4000, birthdayThisYear: '2026-11-20', maintainer: '张三' },
      { cardNo: 'V002', name: '会员V002', points: 2000, birthdayThisYear: '2026-11-13', maintainer: '张三' },
      { cardNo: 'V001', name: '会员V001', points: 1000, birthdayThisYear: '2026-11-02', maintainer: '张三' },
    ])
  })
})
