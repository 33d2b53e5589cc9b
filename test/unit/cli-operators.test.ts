import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliInput, CliStream } from '../../db/cli/io'
import { runCli } from '../../db/cli/run'
import { closeDatabase, openDatabase } from '../../db/open'
import { listAudit } from '../../db/services/audit'
import { createOperator, login, updateOperator } from '../../db/services/operators'
import { beginSession, sessionOperator } from '../../db/services/sessions'
import { runCliCaptured, type CliRun } from '../support/cli'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

class Collector implements CliStream {
  text = ''
  readonly isTTY = false
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

/** A pipe on stdin (`printf 'pw\n' | npm run cli -- …`): its whole text, then end of input. */
function pipe(text: string): CliInput {
  const s = new PassThrough()
  s.end(text)
  return s
}

/** A terminal on stdin: the keystrokes arrive as typed; raw mode is recorded. */
function terminal(keys: string): CliInput & { modes: boolean[] } {
  const s = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] })
  Object.assign(s, { setRawMode: (on: boolean) => s.modes.push(on) })
  s.write(keys)
  return s
}

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

/** The CLI as a script runs it, with something on stdin (runCliCaptured gives it none). */
async function cli(args: string[], stdin?: CliInput, db = t.file): Promise<CliRun> {
  const stdout = new Collector()
  const stderr = new Collector()
  const code = await runCli(['--db', db, ...args], { stdout, stderr, stdin, env: {}, cwd: t.dir })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

describe('operators add', () => {
  it('gives a fresh store server its first administrator, creating the database file', async () => {
    const fresh = join(t.dir, 'server', 'vipdesk.sqlite')
    const r = await cli(
      ['operators', 'add', '王店长', '--role', 'admin', '--password-stdin'],
      pipe('店长密码2026\n'),
      fresh,
    )
    expect(r).toEqual({ code: 0, stdout: '已新建操作员 王店长（管理员），编号 1。\n', stderr: '' })
    const db = openDatabase(fresh)
    try {
      expect(login(db, { name: '王店长', password: '店长密码2026' })).toMatchObject({ id: 1, role: 'admin' })
      expect(listAudit(db, {}).rows).toEqual([
        expect.objectContaining({ action: 'create', operatorName: '系统', summary: '新建操作员 王店长（管理员）' }),
      ])
    } finally {
      closeDatabase(db)
    }
  })

  it('adds an operator with the role given, printing the operator with --json', async () => {
    const r = await cli(
      ['--json', 'operators', 'add', '文员小李', '--role', 'clerk', '--password-stdin'],
      pipe('pass1234\r\n'),
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ id: 2, name: '文员小李', role: 'clerk', roleLabel: '文员', active: true })
    expect(login(t.db, { name: '文员小李', password: 'pass1234' }).role).toBe('clerk')
  })

  it('prompts twice without echo on a terminal', async () => {
    const tty = terminal('newpass1\rnewpassX\x7f1\r')
    const r = await cli(['operators', 'add', '企划小王', '--role', 'planner'], tty)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('新密码（输入时不显示）：\n再输入一次：\n')
    expect(r.stdout).not.toContain('newpass')
    expect(tty.modes).toEqual([true, false])
    expect(login(t.db, { name: '企划小王', password: 'newpass1' }).role).toBe('planner')
  })

  it('refuses two different passwords typed at the terminal, changing nothing', async () => {
    const before = dumpDb(t.db)
    const r = await cli(['operators', 'add', '企划小王', '--role', 'planner'], terminal('newpass1\rnewpass2\r'))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('两次输入的密码不一致，未做任何修改')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('refuses to prompt when stdin is not a terminal: exit 2 naming --password-stdin, no database created', async () => {
    const before = dumpDb(t.db)
    for (const stdin of [undefined, pipe('pass1234\n')]) {
      const r = await cli(['operators', 'add', '文员小李', '--role', 'clerk'], stdin)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('标准输入不是终端')
      expect(r.stderr).toContain('请加 --password-stdin')
    }
    expect(dumpDb(t.db)).toEqual(before)
    const fresh = join(t.dir, 'none.sqlite')
    expect((await cli(['operators', 'add', '王店长', '--role', 'admin'], undefined, fresh)).code).toBe(2)
    expect(existsSync(fresh)).toBe(false)
  })

  it('refuses a bad or missing role, a taken name, a short or missing password, and changes nothing', async () => {
    const before = dumpDb(t.db)
    const add = (extra: string[], stdin = 'pass1234\n') =>
      cli(['operators', 'add', ...extra, '--password-stdin'], pipe(stdin))
    const noRole = await add(['文员小李'])
    expect(noRole).toMatchObject({ code: 2, stderr: expect.stringContaining('需要 --role') })
    const badRole = await add(['文员小李', '--role', 'boss'])
    expect(badRole).toMatchObject({ code: 2, stderr: expect.stringContaining('选项 --role 应为 admin（管理员）') })
    const taken = await add(['admin', '--role', 'clerk'])
    expect(taken).toMatchObject({ code: 1, stderr: '用户名"admin"已存在\n' })
    const short = await add(['文员小李', '--role', 'clerk'], 'abc\n')
    expect(short).toMatchObject({ code: 1, stderr: '密码：密码至少6位\n' })
    const empty = await add(['文员小李', '--role', 'clerk'], '')
    expect(empty).toMatchObject({ code: 1, stderr: expect.stringContaining('标准输入中没有读到密码') })
    const twoLines = await add(['文员小李', '--role', 'clerk'], 'pass1234\npass5678\n')
    expect(twoLines).toMatchObject({ code: 1, stderr: expect.stringContaining('只能有一行密码') })
    const noName = await cli(['operators', 'add', '--role', 'clerk', '--password-stdin'], pipe('pass1234\n'))
    expect(noName.code).toBe(2)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('with --operator, only an administrator may add', async () => {
    createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
    const before = dumpDb(t.db)
    const r = await cli(
      ['--operator', '文员小李', 'operators', 'add', '新人', '--role', 'admin', '--password-stdin'],
      pipe('pass1234\n'),
    )
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('无权执行此命令') })
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('operators list', () => {
  beforeEach(() => {
    createOperator(t.db, { name: '企划小王', password: 'pass1234', role: 'planner' }, t.admin)
    const clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
    updateOperator(t.db, { id: clerk.id, active: false }, t.admin)
  })

  it('--json prints exactly the promised array', async () => {
    const r = await runCliCaptured(['--db', t.file, '--json', 'operators', 'list'], { cwd: t.dir })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const list = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(list).toEqual([
      { id: 1, name: 'admin', role: 'admin', roleLabel: '管理员', active: true },
      { id: 2, name: '企划小王', role: 'planner', roleLabel: '企划', active: true },
      { id: 3, name: '文员小李', role: 'clerk', roleLabel: '文员', active: false },
    ])
    for (const o of list) expect(Object.keys(o)).toEqual(['id', 'name', 'role', 'roleLabel', 'active'])
  })

  it('prints a table in Chinese without --json, and no password hash either way', async () => {
    const r = await runCliCaptured(['--db', t.file, 'operators', 'list'], { cwd: t.dir })
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\s+编号\s+用户名\s+角色\s+状态$/)
    expect(lines[2]).toMatch(/^\s+2\s+企划小王\s+企划\s+启用$/)
    expect(lines[3]).toMatch(/^\s+3\s+文员小李\s+文员\s+停用$/)
    expect(lines[4]).toBe('共 3 名操作员。')
    expect(r.stdout).not.toContain('scrypt')
  })

  it('takes no arguments and no --role or --password-stdin', async () => {
    for (const extra of [['x'], ['--role', 'admin'], ['--password-stdin']]) {
      expect((await runCliCaptured(['--db', t.file, 'operators', 'list', ...extra], { cwd: t.dir })).code).toBe(2)
    }
  })
})

describe('operators reset-password', () => {
  it('sets the new password, ends that operator’s sessions and audits it', async () => {
    const clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
    const theirs = beginSession(t.db, clerk, { address: '192.168.1.23' })
    const mine = beginSession(t.db, { ...clerk, id: t.admin.id!, name: 'admin' }, { address: '192.168.1.2' })
    const r = await cli(['operators', 'reset-password', '文员小李', '--password-stdin'], pipe('new-pass-9\n'))
    expect(r).toEqual({
      code: 0,
      stdout: '已重设 文员小李 的密码；其已登录的设备须用新密码重新登录。\n',
      stderr: '',
    })
    expect(sessionOperator(t.db, theirs.token)).toBeNull()
    expect(sessionOperator(t.db, mine.token)?.operator.name).toBe('admin')
    expect(() => login(t.db, { name: '文员小李', password: 'pass1234' })).toThrow('用户名或密码不正确')
    expect(login(t.db, { name: '文员小李', password: 'new-pass-9' }).id).toBe(clerk.id)
    expect(listAudit(t.db, {}).rows[0]).toMatchObject({
      action: 'update',
      entity: 'operator',
      entityId: String(clerk.id),
      operatorName: '系统',
      summary: '文员小李：重设密码，结束其 1 个登录',
    })
  })

  it('resets a deactivated operator’s password too (they stay deactivated)', async () => {
    const clerk = createOperator(t.db, { name: '文员小李', password: 'pass1234', role: 'clerk' }, t.admin)
    updateOperator(t.db, { id: clerk.id, active: false }, t.admin)
    const r = await cli(['--json', 'operators', 'reset-password', '文员小李', '--password-stdin'], pipe('new-pass-9\n'))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      id: clerk.id,
      name: '文员小李',
      role: 'clerk',
      roleLabel: '文员',
      active: false,
    })
  })

  it('refuses an unknown name before asking for the password, and a short password; changes nothing', async () => {
    const before = dumpDb(t.db)
    const tty = terminal('')
    const unknown = await cli(['operators', 'reset-password', '没有这人'], tty)
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: '找不到操作员"没有这人"\n' })
    expect(tty.modes).toEqual([])
    const short = await cli(['operators', 'reset-password', 'admin', '--password-stdin'], pipe('12345\n'))
    expect(short).toMatchObject({ code: 1, stderr: '密码：密码至少6位\n' })
    const noFlag = await cli(['operators', 'reset-password', 'admin'], pipe('new-pass-9\n'))
    expect(noFlag.code).toBe(2)
    expect(dumpDb(t.db)).toEqual(before)
  })
})
