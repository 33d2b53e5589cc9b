import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { runCliCaptured } from '../support/cli'
import { dumpDb } from '../support/db'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-demo-cli-'))
  dirs.push(dir)
  return { dir, file: join(dir, 'vipdesk.sqlite') }
}

/**
 * The business tables as the seed wrote them, without the moments the CLI's real clock stamped
 * ("now": created_at, at, …) and with each gift photo by its bytes rather than its fresh name.
 */
function business(dir: string, file: string): Record<string, unknown[]> {
  const db = openDatabase(file)
  try {
    const all = dumpDb(db)
    const out: Record<string, unknown[]> = {}
    for (const [table, rows] of Object.entries(all)) {
      out[table] = (rows as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !/(^|_)at$/.test(k))
            .map(([k, v]) =>
              table === 'gifts' && k === 'photo'
                ? [k, readFileSync(join(dir, 'photos', v as string)).toString('base64')]
                : [k, v],
            ),
        ),
      )
    }
    return out
  } finally {
    closeDatabase(db)
  }
}

describe('cli: seed --demo', () => {
  it('fills an empty database with the demo store, the same for the same seed', async () => {
    const [a, b] = [fresh(), fresh()]
    const run = (t: { dir: string; file: string }) =>
      runCliCaptured(['--db', t.file, '--json', 'seed', '--demo', '--members', '80', '--seed', '3'], { cwd: t.dir })
    const ra = await run(a)
    expect(ra).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(ra.stdout)).toMatchObject({ members: 80, purchases: 800, gifts: 21, staff: 10, storeSales: 65 })
    expect(await run(b)).toMatchObject({ code: 0, stderr: '' })
    const [da, db] = [business(a.dir, a.file), business(b.dir, b.file)]
    expect(da.redemptions!.length).toBeGreaterThan(0)
    expect(da).toEqual(db)

    const checks = await runCliCaptured(['--db', a.file, 'points', 'check'], { cwd: a.dir })
    expect(checks.code).toBe(0)
    expect((await runCliCaptured(['--db', a.file, 'stock', 'check'], { cwd: a.dir })).code).toBe(0)
    // Only into an empty database.
    const again = await run(a)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('示例数据只能生成到空数据库')
  }, 120_000)

  it('is in the help and refused on other commands', async () => {
    const t = fresh()
    expect((await runCliCaptured(['help'], { cwd: t.dir })).stdout).toContain('seed --demo [--seed S] [--members N]')
    const r = await runCliCaptured(['--db', t.file, 'gifts', 'list', '--demo'], { cwd: t.dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('不接受选项 --demo')
  })
})
