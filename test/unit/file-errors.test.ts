import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileError } from '../../db/fileErrors'
import { closeDatabase, openDatabase } from '../../db/open'
import { setupAdmin } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'

// A folder named like a person, as C:\Users\王芳\ would be: it must never reach a message.
let dir: string
let dbFile: string
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'vipdesk-files-')), '王芳的文件')
  mkdirSync(dir)
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  setupAdmin(db, { name: 'admin', password: 'secret123' })
  closeDatabase(db)
})
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const isRoot = process.getuid?.() === 0

describe('file errors in Chinese, naming only the file', () => {
  const err = (code: string) =>
    Object.assign(new Error(`${code}: raw text, open '${dir}/x'`), { code, path: `${dir}/x` })

  it('says what went wrong reading', () => {
    expect(fileError(err('ENOENT'), `${dir}/会员.csv`, 'read')?.message).toMatch(/^文件不存在：“会员\.csv”/)
    expect(fileError(err('EISDIR'), `${dir}/会员.csv`, 'read')?.message).toContain('“会员.csv”是文件夹')
    expect(fileError(err('EACCES'), `${dir}/会员.csv`, 'read')?.message).toContain('没有权限读取“会员.csv”')
  })

  it('says what went wrong writing', () => {
    expect(fileError(err('ENOENT'), `${dir}/册.pdf`, 'write')?.message).toContain('文件夹不存在')
    expect(fileError(err('EACCES'), `${dir}/册.pdf`, 'write')?.message).toContain('没有权限写入“册.pdf”')
    expect(fileError(err('ENOSPC'), `${dir}/册.pdf`, 'write')?.message).toContain('磁盘已满')
  })

  it('uses the error’s own path when the caller has none, and leaves other errors alone', () => {
    const m = fileError(err('EACCES'), undefined, 'access')?.message ?? ''
    expect(m).toContain('“x”')
    expect(m).not.toContain('王芳')
    expect(fileError(new Error('boom'), 'a', 'read')).toBeNull()
  })
})

describe('the command line meeting a file problem', () => {
  const expectClear = (r: { code: number; stderr: string }, words: string) => {
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(words)
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR|EACCES|意外错误|王芳/)
  }

  it('imports a missing file', async () => {
    expectClear(await cli('import', 'members', '没有这个.csv'), '文件不存在：“没有这个.csv”')
  })

  it('imports a folder', async () => {
    mkdirSync(join(dir, '会员.csv'))
    expectClear(await cli('import', 'members', '会员.csv'), '“会员.csv”是文件夹')
  })

  it.skipIf(isRoot)('imports a file it may not read', async () => {
    writeFileSync(join(dir, '会员.csv'), '卡号,姓名\nV1,张三\n')
    chmodSync(join(dir, '会员.csv'), 0)
    expectClear(await cli('import', 'members', '会员.csv'), '没有权限读取“会员.csv”')
  })

  it('writes a PDF into a folder that does not exist, before rendering anything', async () => {
    const started = Date.now()
    expectClear(await cli('gifts', 'catalogue', '--pdf', join('没有的文件夹', '礼品册.pdf')), '文件夹不存在')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('exports into a folder that does not exist', async () => {
    expectClear(await cli('export', 'members', join('没有的文件夹', '会员.csv')), '文件夹不存在，无法保存“会员.csv”')
  })

  it('backs up onto a folder', async () => {
    mkdirSync(join(dir, '备份.sqlite'))
    expectClear(await cli('backup', '备份.sqlite'), '“备份.sqlite”是文件夹')
  })
})
