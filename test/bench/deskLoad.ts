import type { CallName } from '../../server/contract/contract'
import type { CallOutcome } from './httpsDesk'
import { statOf, type Stat } from './stats'

export type CallKind = 'read' | 'write'

export interface PlannedCall {
  name: CallName
  input: unknown
  kind: CallKind
}

/** One simulated desk: how it reaches the store (HTTPS or the dispatcher) and what it will do. */
export interface LoadDesk {
  call(name: CallName, input: unknown): Promise<CallOutcome>
  plan: readonly PlannedCall[]
}

export interface LoadOptions {
  /** Calls of each desk not recorded (connections, JIT, page cache) */
  skip?: number
  /** Start the plan again when it ends (while `until` says go on) */
  cycle?: boolean
  /** Stops every desk before its next call */
  until?: () => boolean
  /** Wall-clock bound for the whole run */
  maxMs: number
}

export interface LoadResult {
  /** Latency of the calls that succeeded, by kind and by call name */
  byKind: Record<CallKind, number[]>
  byCall: Map<CallName, number[]>
  /** Writes answered 'busy' (another connection holds the write lock): the time each took to be refused */
  refused: number[]
  /** The first refusal's message, to show what the desk was told */
  refusedSaying?: string
  /** Anything else that did not succeed */
  failures: { name: CallName; status?: number; kind?: string; message?: string }[]
  calls: number
  ms: number
}

/**
 * Runs the desks side by side (Promise.all of one loop each), every desk one call at a time as a
 * person at a counter works, and times each call from the caller's side.
 */
export async function runDesks(desks: readonly LoadDesk[], o: LoadOptions): Promise<LoadResult> {
  const out: LoadResult = {
    byKind: { read: [], write: [] },
    byCall: new Map(),
    refused: [],
    failures: [],
    calls: 0,
    ms: 0,
  }
  const started = performance.now()
  const stop = () => (o.until?.() ?? false) || performance.now() - started > o.maxMs
  await Promise.all(
    desks.map(async (desk) => {
      for (let i = 0; o.cycle || i < desk.plan.length; i++) {
        if (stop()) break
        const c = desk.plan[i % desk.plan.length]!
        const t = performance.now()
        const r = await desk.call(c.name, c.input)
        const ms = performance.now() - t
        if (i < (o.skip ?? 0)) continue
        out.calls++
        if (r.ok) {
          out.byKind[c.kind].push(ms)
          const list = out.byCall.get(c.name) ?? []
          list.push(ms)
          out.byCall.set(c.name, list)
        } else if (r.kind === 'busy' && c.kind === 'write') {
          out.refused.push(ms)
          out.refusedSaying ??= r.message
        } else out.failures.push({ name: c.name, status: r.status, kind: r.kind, message: r.message })
      }
    }),
  )
  out.ms = performance.now() - started
  return out
}

/** Percentiles of a list, or undefined for an empty one (the table leaves the cells blank). */
export const statOrNone = (times: number[] | undefined): Stat | undefined => (times?.length ? statOf(times) : undefined)

export const maxOf = (times: number[]) => times.reduce((m, t) => Math.max(m, t), 0)

/** "3 failed (database ×2: 系统出错…)": what went wrong, in brief, for a note. */
export function failureNote(r: LoadResult): string {
  if (!r.failures.length) return 'no failures'
  const kinds = new Map<string, number>()
  for (const f of r.failures) {
    const k = `${f.name} ${f.status ?? ''} ${f.kind ?? '?'}`
    kinds.set(k, (kinds.get(k) ?? 0) + 1)
  }
  const first = r.failures[0]!
  return `${r.failures.length} FAILED (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}; first: ${first.message ?? ''})`
}
