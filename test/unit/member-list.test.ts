import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedMembers } from '../../db/seed'
import { Random } from '../../db/seed/random'
import {
  createMember,
  listMembers,
  memberFilterSql,
  memberOrderSql,
  type MemberListQuery,
} from '../../db/services/members'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeAll(() => {
  t = makeTestDb()
  seedMembers(t.db, { members: 3000, seed: 11 }, t.admin)
})
afterAll(() => t.close())

/** The plain answer: SQLite's own plan for the same WHERE and ORDER BY. */
function naive(q: MemberListQuery) {
  const { where, params } = memberFilterSql(t.db, q)
  const size = q.pageSize ?? 50
  const offset = ((q.page ?? 1) - 1) * size
  const cards = t.db.sqlite
    .prepare(`SELECT card_no FROM members ${where} ${memberOrderSql(q)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, size, offset)
  const total = t.db.sqlite
    .prepare(`SELECT count(*) FROM members ${where}`)
    .pluck()
    .get(...params)
  return { cards, total }
}

const SORTS = ['cardNo', 'name', 'joinDate', 'points', 'tier', 'status', 'birthday'] as const
const FILTERS: MemberListQuery[] = [
  {},
  { status: 'active' },
  { gender: '女' },
  { status: 'active', smsConsent: true },
  { province: '浙江省', city: '杭州市' },
  { gender: '男', province: '浙江省' },
  { tier: '普卡', mailConsent: false },
  { tier: '金卡' },
  { birthMonth: 3 },
  { hasPhone: true, status: 'active' },
  { hasPhone: false },
  { joinFrom: '2024-01-01', joinTo: '2024-12-31' },
  // Broad, but the newest cards (read first in descending card order) are all outside it.
  { joinFrom: '2021-01-01', joinTo: '2025-12-31', status: 'active' },
  { source: '推荐', status: 'active' },
  { keyword: '王' },
  { status: 'closed' },
  { ageFrom: 30, ageTo: 45, status: 'active' },
  { ageTo: 40, smsConsent: true },
  { spendMaxFen: 0, gender: '女' },
]

describe('the member list', () => {
  it('returns exactly what the plain query returns, for any filter, sort, direction and page', () => {
    const rnd = new Random(5)
    for (const filter of FILTERS) {
      for (const sort of SORTS) {
        const q: MemberListQuery = {
          ...filter,
          sort,
          order: rnd.chance(0.5) ? 'asc' : 'desc',
          page: rnd.pick([1, 1, 2, 7, 30]),
          pageSize: rnd.pick([20, 50]),
        }
        const got = listMembers(t.db, q)
        const want = naive(q)
        expect({ cards: got.rows.map((r) => r.cardNo), total: got.total }, JSON.stringify(q)).toEqual(want)
      }
    }
  })

  it('counts again after a change on this connection or by another program', () => {
    const before = listMembers(t.db, { status: 'active', smsConsent: true }).total
    createMember(t.db, { cardNo: 'T90001', name: '新会员', phone: '13900001111', smsConsent: true }, t.admin)
    expect(listMembers(t.db, { status: 'active', smsConsent: true }).total).toBe(before + 1)

    const other = new Database(t.file)
    other.prepare("UPDATE members SET sms_consent = 0 WHERE card_no = 'T90001'").run()
    other.close()
    expect(listMembers(t.db, { status: 'active', smsConsent: true }).total).toBe(before)
  })

  it('pages past the end to an empty page with the right total', () => {
    const r = listMembers(t.db, { tier: '钻石卡', page: 1000 })
    expect(r.rows).toEqual([])
    expect(r.total).toBe(naive({ tier: '钻石卡' }).total)
  })
})
