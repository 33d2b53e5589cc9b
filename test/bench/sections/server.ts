import { copyFileSync, mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { SYSTEM_ACTOR } from '../../../db/actor'
import type { Db } from '../../../db/handle'
import { closeDatabase, openDatabase } from '../../../db/open'
import type { Role } from '../../../db/rules/roles'
import type { Random } from '../../../db/seed/random'
import { createGift, receiveStock } from '../../../db/services/gifts'
import { createOperator, findOperatorByName, toActor } from '../../../db/services/operators'
import { postPoints } from '../../../db/services/points/ledger'
import type { Envelope } from '../../../server/contract/contract'
import type { AppState } from '../../../server/core/context'
import { createDispatcher } from '../../../server/core/dispatch'
import { handlers } from '../../../server/core/handlers'
import { WindowSessions } from '../../../server/core/sessions'
import { InProcessJobs } from '../../../server/core/sheets/jobs'
import { startServer } from '../../../server/http/main'
import { testShell } from '../../support/dispatcher'
import type { BenchContext } from '../context'
import { failureNote, maxOf, runDesks, statOrNone, type LoadDesk, type LoadResult, type PlannedCall } from '../deskLoad'
import { DeskThread } from '../deskThreads'
import type { CallOutcome } from '../httpsDesk'
import type { BenchRow, BenchSection } from '../report'
import { writeTillCsv } from './purchaseImport'

/** The six desks of a store: the VIP room's service desk, a planner, the administrator, a clerk. */
const DESKS: readonly { name: string; role: Role; writes: boolean }[] = [
  { name: 'bench-vip1', role: 'viproom', writes: true },
  { name: 'bench-vip2', role: 'viproom', writes: true },
  { name: 'bench-vip3', role: 'viproom', writes: true },
  { name: 'bench-planner', role: 'planner', writes: true },
  { name: 'bench-admin', role: 'admin', writes: true },
  // A clerk may not record purchases or redeem: their desk only looks members up.
  { name: 'bench-clerk', role: 'clerk', writes: false },
]
const PASSWORD = 'bench12345'
const GIFT = 'SRV01'
/** Recorded calls per desk, after WARMUP unrecorded ones; PHASE_MS bounds a phase whatever the count. */
const CALLS = 300
const WARMUP = 20
const PHASE_MS = 60_000
const AMOUNTS = [12800, 3900, 56000, 899900, 45000]
/** The till import of phase 2: a million lines at the full bench's 100,000 members, fewer on a smaller one. */
const tillLines = (members: number) => Math.min(1_000_000, members * 10)

interface Pools {
  memberIds: number[]
  redeemers: number[]
  queries: string[]
}

/**
 * The store's database: a copy of the seeded bench file (the other sections keep theirs), with
 * the six desks' operators, a redemption gift with stock and points for the members who redeem.
 */
function prepareStore(ctx: BenchContext, file: string): { db: Db; pools: Pools } {
  ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  copyFileSync(ctx.file, file)
  // The server opens its connection this way: never wait on SQLite's lock on the main thread.
  const db = openDatabase(file, { busyTimeoutMs: 0 })
  for (const d of DESKS) createOperator(db, { name: d.name, password: PASSWORD, role: d.role }, SYSTEM_ACTOR)
  createGift(
    db,
    { code: GIFT, name: '服务器测试礼品', category: 'redemption', unitCostFen: 1000, pointsPrice: 100 },
    SYSTEM_ACTOR,
  )
  receiveStock(db, { code: GIFT, quantity: 1_000_000 }, SYSTEM_ACTOR)
  const rows = db.sqlite
    .prepare("SELECT id, phone, name FROM members WHERE status = 'active' ORDER BY random() LIMIT 2000")
    .all() as { id: number; phone: string | null; name: string }[]
  const redeemers = rows.slice(0, 300).map((r) => r.id)
  db.sqlite.transaction(() => {
    for (const memberId of redeemers)
      postPoints(db, { memberId, kind: 'adjust', points: 50_000, reason: 'bench: server desks' }, SYSTEM_ACTOR)
  })()
  // What staff type: a phone's last four digits, or the first one or two characters of a name.
  const queries = rows.map((r, i) =>
    r.phone && i % 2 === 0 ? r.phone.slice(-4) : [...r.name].slice(0, 1 + (i % 3 === 0 ? 1 : 0)).join(''),
  )
  return { db, pools: { memberIds: rows.map((r) => r.id), redeemers, queries } }
}

/** One desk's next call: reads most of the time; a desk that may write records purchases and redeems. */
function nextCall(rnd: Random, p: Pools, writes: boolean): PlannedCall {
  const r = rnd.next()
  if (!writes || r < 0.7) {
    return (writes ? r < 0.4 : r < 0.55)
      ? { name: 'members:search', input: { query: rnd.pick(p.queries), limit: 12 }, kind: 'read' }
      : { name: 'members:get', input: { id: rnd.pick(p.memberIds) }, kind: 'read' }
  }
  return r < 0.9
    ? {
        name: 'purchases:record',
        input: { memberId: rnd.pick(p.memberIds), amountFen: rnd.pick(AMOUNTS) },
        kind: 'write',
      }
    : {
        name: 'gifts:redeem',
        input: { memberId: rnd.pick(p.redeemers), lines: [{ code: GIFT, qty: 1 }] },
        kind: 'write',
      }
}

const outcome = (e: Envelope<unknown>): CallOutcome =>
  e.ok ? { ok: true } : { ok: false, kind: e.error.kind, message: e.error.message }

/** The same plans through the dispatcher in this process, as the desktop app's windows reach it: no HTTP. */
async function inProcess(db: Db, file: string, plans: PlannedCall[][], log: (text: string) => void) {
  const state: AppState = {
    db,
    dbFile: file,
    backupDir: join(file, '..', 'backups'),
    openOptions: { busyTimeoutMs: 0 },
    reopen: () => undefined,
    sessions: new WindowSessions(),
    imports: new Map(),
    sheets: new InProcessJobs(() => state.db),
  }
  const d = createDispatcher(handlers, state, testShell(), log)
  for (const [i, desk] of DESKS.entries()) {
    const r = await d.dispatch('session:login', { name: desk.name, password: PASSWORD }, i + 1)
    if (!r.ok) throw new Error(`login of ${desk.name} failed: ${r.error.message}`)
  }
  const desks: LoadDesk[] = plans.map((plan, i) => ({
    plan,
    call: async (name, input) => outcome(await d.dispatch(name, input, i + 1)),
  }))
  return runDesks(desks, { skip: WARMUP, maxMs: PHASE_MS })
}

/** Runs the desks for as long as `job` (an import started now) runs. */
async function whileRunning<T>(desks: DeskThread, plans: PlannedCall[][], job: () => Promise<T>) {
  const t = performance.now()
  const running = job()
  const load = await desks.run(plans, { cycle: true, maxMs: 60 * 60_000 }, running)
  const value = await running
  return { load, value, ms: performance.now() - t }
}

/** The machine's 1-minute load average, beside figures a busy machine would inflate. */
const load = () => loadavg()[0]!.toFixed(1)
const perSecond = (r: LoadResult) => `${r.calls} calls, ${((r.calls / r.ms) * 1000).toFixed(0)}/s`

/** Phase 1's rows: reads and writes over HTTPS, the dispatcher alone as "bare", then each call. */
function steadyRows(http: LoadResult, bare: LoadResult, loadAfter: string): BenchRow[] {
  const row = (label: string, name: PlannedCall['name']): BenchRow => ({
    label,
    unit: 'ms',
    service: statOrNone(http.byCall.get(name)),
    bare: statOrNone(bare.byCall.get(name)),
  })
  const failures = http.failures.length || bare.failures.length || http.refused.length || bare.refused.length
  return [
    {
      label: 'store server, 6 desks over HTTPS: reads',
      unit: 'ms',
      service: statOrNone(http.byKind.read),
      bare: statOrNone(bare.byKind.read),
      target: 20,
      note: `members:search + members:get; ${perSecond(http)} (bare: ${perSecond(bare)}); load ${loadAfter}`,
    },
    row('  members:search (phone last 4 or a name, limit 12)', 'members:search'),
    row('  members:get', 'members:get'),
    {
      label: 'store server, 6 desks over HTTPS: writes',
      unit: 'ms',
      service: statOrNone(http.byKind.write),
      bare: statOrNone(bare.byKind.write),
      target: 30,
      note: failures
        ? `HTTPS: ${failureNote(http)}, ${http.refused.length} busy; bare: ${failureNote(bare)}, ${bare.refused.length} busy`
        : 'purchases:record + gifts:redeem; no failures',
    },
    row('  purchases:record (desk purchase, numbered by the desk)', 'purchases:record'),
    row('  gifts:redeem (one gift)', 'gifts:redeem'),
    {
      label: '  (bare here = the same calls through the dispatcher',
      unit: 'ms',
      note: 'in-process, 6 desks as windows: no TLS, JSON, cookie session)',
    },
  ]
}

/**
 * Phase 2's rows: a till import runs in the server's import worker (its own thread and
 * connection), started as the import calls start it; the desks keep reading, and their writes
 * meet its lock and are told at once what runs (正在导入小票（…，45%），请稍候再保存).
 */
function importRows(
  lines: number,
  readsOnly: { load: LoadResult; ms: number; loadAfter: string },
  mixed: { load: LoadResult; ms: number; inserted: number; loadAfter: string },
): BenchRow[] {
  const n = lines.toLocaleString('en-US')
  const r = mixed.load
  const refused = statOrNone(r.refused)
  return [
    {
      label: `during a ${n}-line till import: reads, desks only reading`,
      unit: 'ms',
      service: statOrNone(readsOnly.load.byKind.read),
      target: 50,
      note: `${readsOnly.load.byKind.read.length} reads, max ${maxOf(readsOnly.load.byKind.read).toFixed(0)} ms; read + dry run ${(readsOnly.ms / 1000).toFixed(1)} s; load ${readsOnly.loadAfter}; ${failureNote(readsOnly.load)}`,
    },
    {
      label: `during a ${n}-line till import: reads, usual mix`,
      unit: 'ms',
      service: statOrNone(r.byKind.read),
      target: 50,
      note: `${r.byKind.read.length} reads, max ${maxOf(r.byKind.read).toFixed(0)} ms; import ${(mixed.ms / 1000).toFixed(1)} s, ${mixed.inserted} lines in; load ${mixed.loadAfter}; ${failureNote(r)}`,
    },
    {
      label: '  writes refused (import running): time to the answer',
      unit: 'ms',
      service: refused,
      note: `${r.refused.length} refused 'busy' at once, e.g. “${r.refusedSaying ?? ''}”; ${r.byKind.write.length} writes went through (before it took the lock or after it ended), max ${maxOf(r.byKind.write).toFixed(0)} ms`,
    },
  ]
}

/**
 * The store server with six desks: phase 1, a steady mix of look-ups, desk purchases and gift
 * redemptions over HTTPS (keep-alive, cookie session, CSRF header), next to the same calls through
 * the dispatcher in-process; phase 2, the same desks while a till import holds the write lock.
 * The desks run in a thread of their own (as other PCs would: their TLS and JSON work is not the
 * server's), on the same two cores as the server and its import worker.
 */
export const serverSection: BenchSection = {
  name: 'server',
  async run(ctx) {
    const dir = join(ctx.dir, 'store-server')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'vipdesk.sqlite')
    ctx.log('copying the bench database for the store server…')
    const { db, pools } = prepareStore(ctx, file)
    const plans = DESKS.map((d) => Array.from({ length: WARMUP + CALLS }, () => nextCall(ctx.rnd, pools, d.writes)))
    const logged: string[] = []
    ctx.log('six desks through the dispatcher, in-process…')
    let bare: LoadResult
    try {
      bare = await inProcess(db, file, plans, (m) => logged.push(m))
    } finally {
      closeDatabase(db)
    }

    const server = await startServer(
      { db: file, port: 0, host: '127.0.0.1', rendererRoot: join(dir, 'no-renderer'), jobs: false },
      () => undefined,
    )
    // The desks are other PCs: their TLS and JSON work runs in a thread of its own, not on the server's loop.
    const desks = await DeskThread.start({
      port: server.port,
      ca: server.certs.caCert,
      logins: DESKS.map((d) => ({ name: d.name, password: PASSWORD })),
    })
    try {
      ctx.log(`six desks over HTTPS to the store server on port ${server.port}…`)
      const http = await desks.run(plans, { skip: WARMUP, maxMs: PHASE_MS })
      const rows = steadyRows(http, bare, load())

      const lines = tillLines(ctx.members)
      const till = join(dir, 'till.csv')
      ctx.log(`writing and reading a ${lines.toLocaleString('en-US')}-line till CSV…`)
      // Receipts S…: new lines even when the purchase import section ran on this database first.
      await writeTillCsv(ctx, till, lines, 'S')
      // The planner's desk starts it (purchases:importCommit is theirs and the admin's), through the
      // server's import jobs as the import calls do: read and checked, then written, in the worker.
      const planner = toActor(findOperatorByName(server.state.db, DESKS.find((d) => d.role === 'planner')!.name))
      const jobs = server.state.sheets
      const token = 'bench-till'
      ctx.log('desks reading while the worker reads the file and runs the dry run (rolled back)…')
      const readPlans = plans.map((p) => p.filter((c) => c.kind === 'read'))
      const readsOnly = await whileRunning(desks, readPlans, () =>
        jobs.run({ op: 'open', kind: 'till', token, file: till }, planner.name, () => undefined),
      )
      const { mapping } = readsOnly.value as { mapping: unknown }
      const readsLoad = load()
      ctx.log('desks at their usual mix while the worker writes the import…')
      const mixed = await whileRunning(desks, plans, async () => {
        const r = await jobs.run(
          { op: 'commit', kind: 'till', token, mapping, actor: planner },
          planner.name,
          () => undefined,
        )
        return r as { inserted: number }
      })
      rows.push(
        ...importRows(
          lines,
          { ...readsOnly, loadAfter: readsLoad },
          { ...mixed, inserted: mixed.value.inserted, loadAfter: load() },
        ),
      )
      if (logged.length) ctx.log(`dispatcher logged ${logged.length} unexpected error(s); first: ${logged[0]}`)
      return rows
    } finally {
      await desks.close()
      await server.close()
    }
  },
}
