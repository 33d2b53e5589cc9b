import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember, quickSearch } from '../../db/services/members'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

describe('creating a member', () => {
  it('takes a lunar birthday on the 30th of a leap month given by the separate 闰月 flag', () => {
    // 1906 has a 闰四月 of 30 days while its ordinary 四月 has 29: the day is checked against the leap month.
    const input = { cardNo: 'L0430', name: '闰月寿星', birthday: '1906-04-30', birthdayCalendar: 'lunar' as const }
    const { id } = createMember(t.db, { ...input, birthdayLeapMonth: true }, t.admin)
    const row = t.db.sqlite
      .prepare(
        'SELECT birth_year AS y, birth_month AS m, birth_day AS d, birthday_calendar AS c, birthday_leap_month AS leap FROM members WHERE id = ?',
      )
      .get(id)
    expect(row).toEqual({ y: 1906, m: 4, d: 30, c: 'lunar', leap: 1 })
    expect(() => createMember(t.db, { ...input, cardNo: 'L0431' }, t.admin)).toThrow(/农历|日期|不存在|没有/)
  })

  it('finds the new member by the last four digits of the phone', () => {
    createMember(t.db, { cardNo: 'V10001', name: '李小红', phone: '13912345678' }, t.admin)
    const hits = quickSearch(t.db, { query: '5678' })
    expect(hits.map((h) => h.cardNo)).toEqual(['V10001'])
    expect(hits[0]!.phone).toBe('139****5678')
  })

  it('rejects a bad phone with a Chinese message and writes nothing', () => {
    const before = dumpDb(t.db)
    expect(() => createMember(t.db, { cardNo: 'V10002', name: '王五', phone: '12345' }, t.admin)).toThrow(/手机/)
    expect(dumpDb(t.db)).toEqual(before)
  })
})
