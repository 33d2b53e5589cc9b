import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../server/core/dispatch'
import { handlers } from '../../server/core/handlers'
import { trustedFrame } from '../../electron/main/ipc'
import { APP_ORIGIN } from '../../electron/main/protocol'
import { CALL_NAMES, contract } from '../../server/contract/contract'
import { createOperator } from '../../db/services/operators'
import { makeTestDb, type TestDb } from '../support/db'
import { testShell, testState } from '../support/dispatcher'

let t: TestDb
let logs: string[]

// Login is the subject here, so each test signs in by hand.
const dispatcher = () => createDispatcher(handlers, testState(t), testShell(), (m) => logs.push(m))

beforeEach(() => {
  t = makeTestDb()
  logs = []
})
afterEach(() => t.close())

describe('the contract', () => {
  it('has a handler for every call and no handler without a call', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort())
  })
  it('names every call as domain:action', () => {
    for (const name of CALL_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })
  it('keeps the public calls to session handling', () => {
    const open = CALL_NAMES.filter((n) => contract[n].access === 'public')
    expect(open.every((n) => n.startsWith('session:'))).toBe(true)
  })
})

describe('dispatching a call', () => {
  it('asks for a login before anything that is not public', async () => {
    const r = await dispatcher().dispatch('members:list', {}, 1)
    expect(r).toEqual({ ok: false, error: { kind: 'unauthenticated', message: '请先登录' } })
  })

  it('enforces roles in the main process', async () => {
    createOperator(t.db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, t.admin)
    const d = dispatcher()
    expect((await d.dispatch('session:login', { name: 'clerk1', password: 'secret123' }, 7)).ok).toBe(true)
    const create = await d.dispatch('members:create', { cardNo: 'V0001', name: '测试' }, 7)
    expect(create).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    const list = await d.dispatch('members:list', {}, 7)
    expect(list).toMatchObject({ ok: true, data: { total: 0 } })
    // Another window is not logged in just because this one is.
    expect((await d.dispatch('members:list', {}, 8)).ok).toBe(false)
  })

  it('returns validation problems as Chinese messages with their fields', async () => {
    const d = dispatcher()
    await d.dispatch('session:login', { name: 'admin', password: 'secret123' }, 1)
    const r = await d.dispatch('members:create', { cardNo: 'V0001', name: '测试', phone: '123' }, 1)
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ field: 'phone' }] } })
  })

  it('hides unexpected errors behind a general message and logs no input', async () => {
    const d = dispatcher()
    await d.dispatch('session:login', { name: 'admin', password: 'secret123' }, 1)
    t.db.sqlite.exec('DROP TABLE member_name_grams')
    const r = await d.dispatch('members:create', { cardNo: 'V0001', name: '测试', phone: '13812345678' }, 1)
    expect(r).toMatchObject({ ok: false, error: { kind: 'database' } })
    expect(logs.join('\n')).toContain('[members:create]')
    expect(logs.join('\n')).not.toContain('13812345678')
  })
})

describe('frames allowed to call', () => {
  const event = (url: string, parent: object | null) => ({ senderFrame: { url, parent } }) as never
  it('accepts only the app page itself', () => {
    const app = `${APP_ORIGIN}/`
    expect(trustedFrame(event('app://vipdesk/index.html#/members', null), app)).toBe(true)
    expect(trustedFrame(event('https://evil.example/', null), app)).toBe(false)
    expect(trustedFrame(event('app://vipdesk.evil/index.html', null), app)).toBe(false)
    // A file:// page (the old way the app was loaded) can no longer call.
    expect(trustedFrame(event('file:///app/out/renderer/index.html', null), app)).toBe(false)
    expect(trustedFrame(event('app://vipdesk/index.html', {}), app)).toBe(false)
  })
})

describe('change events', () => {
  it('tells the other windows what a write changed, not a read, and never fails the write for it', async () => {
    const told: { event: string; payload: unknown; except: number }[] = []
    let broken = false
    const shell = testShell({
      broadcast: (event, payload, except) => {
        if (broken) throw new Error('window gone')
        told.push({ event, payload, except })
      },
    })
    const d = createDispatcher(handlers, testState(t), shell, (m) => logs.push(m))
    await d.dispatch('session:login', { name: 'admin', password: 'secret123' }, 3)
    await d.dispatch('members:search', { query: '王' }, 3)
    expect(told).toEqual([])
    const created = await d.dispatch('members:create', { cardNo: 'V0009', name: '测试' }, 3)
    expect(created.ok).toBe(true)
    expect(told).toEqual([{ event: 'changed', payload: { topics: ['members'], call: 'members:create' }, except: 3 }])
    broken = true
    const again = await d.dispatch('members:create', { cardNo: 'V0010', name: '测试二' }, 3)
    expect(again.ok).toBe(true)
    expect(logs.some((l) => l.includes('change event not sent'))).toBe(true)
  })
})
