import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember, quickSearch } from '../../db/services/members'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

describe('creating a member', () => {
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
