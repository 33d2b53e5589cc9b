import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/services/audit'
import { getSettings } from '../../db/services/settings'
import { runCliCaptured } from '../support/cli'
import { makeTestDb, type TestDb } from '../support/db'

// `settings store`: the sender block of the store's printed mail, for runs that never open 设置.
let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const cli = (...args: string[]) => runCliCaptured(['--db', t.file, 'settings', 'store', ...args], { cwd: t.dir })

describe('settings store', () => {
  it('with no option prints the current values and changes nothing', async () => {
    const r = await cli()
    expect(r).toEqual({
      code: 0,
      stdout:
        '门店名称  百货商场\n门店地址  （未设置）\n邮政编码  （未设置）\n门店电话  （未设置）\n' +
        '提示：没有门店地址时，信封、标签和明信片上的寄件人只有门店名称，退信无处可退。\n',
      stderr: '',
    })
    expect(listAudit(t.db, { entity: 'settings' }).rows).toHaveLength(0)
  })

  it('saves --name --address --postcode --phone, audited, and prints them', async () => {
    const r = await cli(
      '--name',
      '和平百货',
      '--address',
      '杭州市上城区延安路 1 号',
      '--postcode',
      '３１０００１',
      '--phone',
      '0571-8765 4321',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      '已保存门店信息：\n门店名称  和平百货\n门店地址  杭州市上城区延安路 1 号\n邮政编码  310001\n门店电话  0571-8765 4321\n',
    )
    const s = getSettings(t.db)
    expect([s.storeName, s.storeAddress, s.storePostalCode, s.storePhone]).toEqual([
      '和平百货',
      '杭州市上城区延安路 1 号',
      '310001',
      '0571-8765 4321',
    ])
    const audit = listAudit(t.db, { entity: 'settings' }).rows
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      operatorName: expect.any(String),
      summary: '修改设置：storeName，storeAddress，storePostalCode，storePhone',
    })
    // --json: exactly the four values
    const j = await runCliCaptured(['--db', t.file, '--json', 'settings', 'store'], { cwd: t.dir })
    expect(JSON.parse(j.stdout)).toEqual({
      name: '和平百货',
      address: '杭州市上城区延安路 1 号',
      postcode: '310001',
      phone: '0571-8765 4321',
    })
  })

  it('changes only the options given; an empty --postcode clears it', async () => {
    await cli('--address', '杭州市上城区延安路 1 号', '--postcode', '310001')
    await cli('--phone', '0571-87654321')
    expect(getSettings(t.db)).toMatchObject({ storeAddress: '杭州市上城区延安路 1 号', storePostalCode: '310001' })
    await cli('--postcode', '')
    expect(getSettings(t.db).storePostalCode).toBe('')
  })

  it('refuses bad values in Chinese, saving none of them', async () => {
    const cases: [string[], string][] = [
      [['--postcode', '12345'], '邮政编码应为 6 位数字，收到"12345"'],
      [['--phone', '请打前台'], '门店电话只能含数字、空格、"-"、"+"和括号（5–20 个字符），收到"请打前台"'],
      [['--name', '  '], '门店名称不能为空'],
      [['--name', '店'.repeat(41)], '门店名称最多 40 个字'],
      [['--address', '路'.repeat(101)], '门店地址最多 100 个字'],
    ]
    for (const [args, message] of cases) {
      const r = await cli('--address', '杭州市延安路 1 号', ...args)
      expect(r.code, args.join(' ')).not.toBe(0)
      expect(r.stderr, args.join(' ')).toContain(message)
    }
    expect(getSettings(t.db).storeAddress).toBe('')
    expect(listAudit(t.db, { entity: 'settings' }).rows).toHaveLength(0)
  })

  it('takes no other option and is for administrators only', async () => {
    const r = await cli('--month', '2026-12')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--month/)
    const clerk = await runCliCaptured(['--db', t.file, '--operator', 'nobody', 'settings', 'store', '--name', 'X'], {
      cwd: t.dir,
    })
    expect(clerk.code).not.toBe(0)
    expect(getSettings(t.db).storeName).toBe('百货商场')
  })
})
