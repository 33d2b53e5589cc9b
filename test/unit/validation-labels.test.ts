import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { parseInput, z } from '../../db/validate'
import { CALL_NAMES } from '../../server/contract/contract'
import { makeTestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'

/**
 * Every input schema the services export, each given a value of the wrong type in every field
 * (nested objects and list rows included): the message the user reads must name each field in
 * Chinese. A Latin identifier before the colon means an English key reached the screen.
 */
const SERVICES = join(__dirname, '../../db/services')
const files = (readdirSync(SERVICES, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  in?: z.ZodType
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def

/** A value of the wrong type wherever the schema wants a value, keeping objects and lists open. */
function wrongly(s: z.ZodType): unknown {
  const d = defOf(s)
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return wrongly(d.innerType!)
    case 'pipe':
      return wrongly(d.in!)
    case 'object':
      return Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, wrongly(v)]))
    case 'array':
      return [wrongly(d.element!)]
    case 'string':
      return 12345
    default:
      return Symbol('wrong')
  }
}

async function schemas(): Promise<[string, z.ZodType][]> {
  const found: [string, z.ZodType][] = []
  for (const f of files) {
    const mod = (await import(join(SERVICES, f))) as Record<string, unknown>
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) found.push([`${f}:${name}`, value])
    }
  }
  return found
}

function messageOf(schema: z.ZodType, input: unknown): string | null {
  try {
    parseInput(schema, input)
    return null
  } catch (e) {
    if (!isAppError(e)) throw e
    return [e.message, ...e.issues.map((i) => i.message)].join(' | ')
  }
}

/** Every key a service schema declares, read from the source: the calls' inputs are made of them. */
function schemaKeys(): string[] {
  const keys = new Set<string>()
  for (const f of files) {
    const text = readFileSync(join(SERVICES, f), 'utf8')
    for (const m of text.matchAll(/^\s+([a-zA-Z]+)\??: (?:z\.|[a-zA-Z]+Schema)/gm)) keys.add(m[1]!)
  }
  return [...keys]
}

const LEAK = /[A-Za-z][A-Za-z0-9_]*\s*[：:]|"[A-Za-z]+"|\b(string|number|boolean|undefined|object)\b/

describe('validation messages name fields in Chinese', () => {
  it('for every call of the contract, given wrong types, nothing or nonsense', async () => {
    const t = makeTestDb()
    try {
      const d = await dispatcherFor(t, testShell(), { 1: 'admin' })
      const keys = schemaKeys()
      expect(keys.length).toBeGreaterThan(100)
      const wrongObject = Object.fromEntries(keys.map((k) => [k, { nested: [1] }]))
      const wrongText = Object.fromEntries(keys.map((k) => [k, 'x'.repeat(2)]))
      const wrongNumber = Object.fromEntries(keys.map((k) => [k, -1.5]))
      const leaks: string[] = []
      let refused = 0
      for (const name of CALL_NAMES.filter((n) => !n.startsWith('session:'))) {
        for (const input of [wrongObject, wrongText, wrongNumber, {}, 'x', 42]) {
          const r = await d.dispatch(name, input as never, 1)
          if (!r.ok && r.error.kind === 'validation') {
            refused++
            if (process.env.SHOW_UNKNOWN && r.error.message.includes('输入：')) console.log(name, r.error.issues)
            const all = [r.error.message, ...(r.error.issues ?? []).map((i) => i.message)].join(' | ')
            if (LEAK.test(all)) leaks.push(`${name}: ${all}`)
          }
        }
      }
      expect(leaks).toEqual([])
      expect(refused).toBeGreaterThan(200)
    } finally {
      t.close()
    }
  }, 120_000)

  it('for every service schema, whatever is wrong', async () => {
    const all = await schemas()
    expect(all.length).toBeGreaterThan(5)
    const leaks: string[] = []
    for (const [name, schema] of all) {
      for (const input of [wrongly(schema), {}, 'x', null]) {
        const message = messageOf(schema, input)
        if (message && LEAK.test(message)) leaks.push(`${name}: ${message}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('falls back to 输入 for a field it does not know, and never shows the key', () => {
    const message = messageOf(z.object({ someNewKey: z.string() }), { someNewKey: 1 })
    expect(message).toMatch(/^输入：/)
    expect(message).not.toContain('someNewKey')
  })

  it('does not list English option values or unknown keys', () => {
    expect(messageOf(z.object({ role: z.enum(['admin', 'clerk']) }), { role: 'boss' })).not.toMatch(/admin|clerk/)
    expect(messageOf(z.strictObject({ name: z.string() }), { name: 'a', hackKey: 1 })).not.toContain('hackKey')
  })
})
