import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUSY_MESSAGE } from '../../db/errors'
import { BUSY_WAIT_MS } from '../../server/core/busyRetry'
import { makeTestDb, type TestDb } from '../support/db'
import { runCliCaptured } from '../support/cli'
import { dispatcherFor, testShell } from '../support/dispatcher'

const HOLDER = join(__dirname, '../support/lock-holder.mjs')

let t: TestDb
let holder: ChildProcessWithoutNullStreams | null = null
beforeEach(() => {
  t = makeTestDb()
  // As the app host opens it (electron/main/index.ts busyTimeoutMs: 0): SQLite itself never waits.
  t.db.sqlite.pragma('busy_timeout = 0')
})
afterEach(() => {
  if (holder && holder.exitCode === null) holder.kill()
  holder = null
  t.close()
})

/** Starts the other program and resolves once it holds the write lock. */
function holdLock(): Promise<void> {
  const child = spawn(process.execPath, [HOLDER, t.file])
  holder = child
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code}): ${child.stderr.read()}`)))
  })
}

function release(how: 'commit' | 'rollback'): Promise<void> {
  const child = holder!
  return new Promise((resolve) => {
    child.on('exit', () => resolve())
    child.stdin.write(`${how}\n`)
  })
}

/** Watches the event loop: the longest gap between ticks of a 20 ms interval. */
function loopWatch() {
  let last = Date.now()
  let longest = 0
  let ticks = 0
  const timer = setInterval(() => {
    const now = Date.now()
    longest = Math.max(longest, now - last)
    last = now
    ticks++
  }, 20)
  return {
    stop: () => {
      clearInterval(timer)
      return { longest, ticks }
    },
  }
}

const members = () => t.db.sqlite.prepare('SELECT count(*) FROM members').pluck().get()

describe('a write while another program holds the database', () => {
  it('waits a bounded time without freezing, then says in Chinese what is busy; nothing is written', async () => {
    const d = await dispatcherFor(t, testShell(), { 1: 'admin' })
    await holdLock()
    const watch = loopWatch()
    const started = Date.now()
    const r = await d.dispatch('members:create', { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, 1)
    const took = Date.now() - started
    const loop = watch.stop()
    expect(r).toEqual({ ok: false, error: { kind: 'busy', message: BUSY_MESSAGE } })
    expect(took).toBeGreaterThanOrEqual(2500)
    expect(took).toBeLessThan(6000)
    // The interval kept firing all along: the main process was never blocked for long.
    expect(loop.ticks).toBeGreaterThan(20)
    expect(loop.longest).toBeLessThan(1000)
    await release('rollback')
    expect(members()).toBe(0)
  })

  it('succeeds once the other program lets go within the bound', async () => {
    const d = await dispatcherFor(t, testShell(), { 1: 'admin' })
    await holdLock()
    setTimeout(() => void release('commit'), 600)
    const started = Date.now()
    const r = await d.dispatch('members:create', { cardNo: 'V0001', name: '王芳' }, 1)
    expect(r).toMatchObject({ ok: true })
    expect(Date.now() - started).toBeLessThan(BUSY_WAIT_MS)
    expect(members()).toBe(1)
    // The other program's own write is there too: nothing was lost on either side.
    expect(t.db.sqlite.prepare("SELECT value FROM settings WHERE key = 'lockHolderWasHere'").pluck().get()).toBe('1')
  })
})

describe('the command line meeting a held database', () => {
  it('waits its busy_timeout, then fails with the same Chinese message, never a raw one', async () => {
    await holdLock()
    const r = await runCliCaptured(
      ['--db', t.file, 'staff', 'add', '李娜', '--department', '营业一课', '--hire-date', '2024-03-01'],
      { cwd: t.dir },
    )
    expect(r).toMatchObject({ code: 1, stderr: `${BUSY_MESSAGE}\n` })
    expect(r.stderr).not.toMatch(/locked|意外错误/)
    await release('rollback')
  }, 20_000)
})
