import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../support/cli'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-help-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))
const cli = (...args: string[]) => runCliCaptured(args, { cwd: dir })

describe('cli: help for one command', () => {
  it('birthdays --help prints the birthdays command, not the whole list', async () => {
    for (const args of [
      ['birthdays', '--help'],
      ['birthdays', '-h'],
      ['help', 'birthdays'],
    ]) {
      const r = await cli(...args)
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout).toContain('birthdays --month YYYY-MM --pdf FILE')
      expect(r.stdout).toContain('--reprint 连同已打印过的一起重印')
      expect(r.stdout).toContain('--db FILE')
      expect(r.stdout).not.toContain('gifts list')
      expect(r.stdout).not.toContain('seed --members N')
    }
  })

  it('gifts alone lists its subcommands and nothing else, without a database', async () => {
    const r = await cli('gifts')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('命令 gifts 的子命令')
    for (const sub of [
      'gifts list',
      'gifts receive CODE QTY',
      'gifts redeem --card',
      'gifts report',
      'gifts catalogue',
    ])
      expect(r.stdout).toContain(sub)
    expect(r.stdout).not.toContain('birthdays')
    expect(r.stdout).not.toContain('stock check')
  })

  it('a subcommand asks for its own help; unknown words stay a usage error', async () => {
    const receive = await cli('gifts', 'receive', '--help')
    expect(receive.code).toBe(0)
    expect(receive.stdout).toContain('gifts receive CODE QTY')
    expect(receive.stdout).not.toContain('gifts redeem')

    for (const args of [
      ['frobnicate', '--help'],
      ['help', 'frobnicate'],
      ['members', 'delete'],
    ]) {
      const r = await cli(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toContain('未知命令')
    }
  })
})
