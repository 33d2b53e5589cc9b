import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from '../../db/rules/auditLabels'
import { auditOperatorNames, listAudit, recordAudit } from '../../db/services/audit'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
})
afterEach(() => t.close())

/** One entry at a store wall-clock time (Asia/Shanghai, the default store zone). */
function at(iso: string, name: string, action: string) {
  t.setNow(new Date(`${iso}+08:00`))
  recordAudit(t.db, { ...t.admin, name }, action, 'member', 1, `${name} ${action}`)
}

describe('操作日志: filters', () => {
  beforeEach(() => {
    at('2026-11-20T23:59:00', '王芳', 'update')
    at('2026-11-21T00:00:00', '王芳', 'reveal')
    at('2026-11-21T12:00:00', '李娜', 'update')
    at('2026-11-22T23:59:59', '李娜', 'export')
    at('2026-11-23T00:00:00', '王芳', 'export')
  })
  const summaries = (q: Parameters<typeof listAudit>[1]) =>
    listAudit(t.db, q)
      .rows.map((r) => r.summary)
      .filter((s) => !s.startsWith('admin'))

  it('filters by operator, by action and by store days (both ends inclusive), together', () => {
    expect(summaries({ operatorName: '李娜' })).toEqual(['李娜 export', '李娜 update'])
    expect(summaries({ action: 'export' })).toEqual(['王芳 export', '李娜 export'])
    expect(summaries({ fromDay: '2026-11-21', toDay: '2026-11-22' })).toEqual([
      '李娜 export',
      '李娜 update',
      '王芳 reveal',
    ])
    expect(summaries({ operatorName: '王芳', action: 'update', toDay: '2026-11-21' })).toEqual(['王芳 update'])
    expect(listAudit(t.db, { fromDay: '2026-11-21', toDay: '2026-11-21' }).total).toBe(2)
  })

  it('refuses an unknown action, an impossible day and a range the wrong way round', () => {
    for (const bad of [
      { action: 'frobnicate' },
      { fromDay: '2026-02-30' },
      { toDay: '2026/11/21' },
      { fromDay: '2026-11-22', toDay: '2026-11-21' },
    ]) {
      expect(() => listAudit(t.db, bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ kind: 'validation' }) as Error,
      )
    }
  })

  it('lists the operators that appear in the log, for the filter', () => {
    expect(auditOperatorNames(t.db)).toEqual(expect.arrayContaining(['王芳', '李娜']))
    expect(new Set(auditOperatorNames(t.db)).size).toBe(auditOperatorNames(t.db).length)
  })
})

describe('操作日志: actions in words', () => {
  const root = join(__dirname, '..', '..')
  const files = ['db', 'server']
    .flatMap((d) => readdirSync(join(root, d), { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
  const written = (argument: 3 | 4) => {
    const codes = new Set<string>()
    for (const text of files)
      for (const m of text.matchAll(/recordAudit\(\s*[^,]+,\s*[^,]+,\s*'([a-z_-]+)',\s*'([a-z_-]+)'/g))
        codes.add(m[argument === 3 ? 1 : 2]!)
    return [...codes]
  }

  it('has words for every action and object code the services write', () => {
    expect(written(3).length).toBeGreaterThan(20)
    expect(written(3).filter((c) => !AUDIT_ACTION_LABELS[c])).toEqual([])
    expect(written(4).filter((c) => !AUDIT_ENTITY_LABELS[c])).toEqual([])
    // Codes passed through a variable: the maintainer assignment's mode and the store-sales write.
    for (const c of ['assign', 'move', 'create', 'update']) expect(AUDIT_ACTION_LABELS[c]).toBeTruthy()
  })

  it('shows a code in Chinese, and an unknown one as it is', () => {
    expect(auditActionLabel('replace-card')).toBe('补卡')
    expect(auditActionLabel('login_failed')).toBe('登录失败')
    expect(auditActionLabel('something-new')).toBe('something-new')
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(Object.keys(AUDIT_ACTION_LABELS).length)
  })
})
