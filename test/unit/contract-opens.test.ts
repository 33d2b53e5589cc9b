import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PHOTO_EXTENSIONS } from '../../db/services/gifts/photos'
import { CALL_NAMES, contract, UPLOAD_TYPES, type CallName } from '../../server/contract/contract'
import { PICTURE_FILES } from '../../server/contract/call'
import type { FileFilter } from '../../server/core/context'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'

/**
 * A browser desk on the store server cannot be shown the server's file dialog: it learns from the
 * contract's `opens` which calls need a file chosen and uploaded first. Every call whose handler
 * opens a file must say so, with exactly the types its dialog offers.
 */
const HANDLERS = join(__dirname, '../../server/core/handlers')
const opensOf = (name: CallName) => (contract[name] as { opens?: readonly string[] }).opens

/** The calls whose handler, in the source, asks for a file to open (directly or through pickSheet). */
function callsThatOpenFiles(): string[] {
  const found: string[] = []
  for (const file of readdirSync(HANDLERS)) {
    const parts = readFileSync(join(HANDLERS, file), 'utf8').split(/^ {2}'([a-z]+:[A-Za-z]+)':/m)
    for (let i = 1; i < parts.length; i += 2) {
      if (/pickOpenFile|pickSheet[<(]/.test(parts[i + 1]!)) found.push(parts[i]!)
    }
  }
  return found.sort()
}

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

describe('the calls that open a file', () => {
  it('are exactly those the contract marks with `opens`', () => {
    const marked = CALL_NAMES.filter((n) => opensOf(n)).sort()
    expect(callsThatOpenFiles()).toEqual(marked)
    expect(marked).toEqual(
      expect.arrayContaining([
        'members:importPick',
        'purchases:importPick',
        'data:restore',
        'reports:storeSalesImport',
      ]),
    )
  })

  it('open the types their contract entry names, and the server accepts just those', async () => {
    const asked: FileFilter[][] = []
    const shell = testShell({ pickOpenFile: async (o) => (asked.push(o.filters), null) })
    const d = await dispatcherFor(t, shell, { 1: 'admin' })
    for (const name of CALL_NAMES.filter((n) => opensOf(n))) {
      asked.length = 0
      const r = await d.dispatch(name, undefined as never, 1)
      expect(r, name).toMatchObject({ ok: true })
      expect(asked.length, `${name} asked for a file`).toBe(1)
      expect(asked[0]!.flatMap((f) => f.extensions).sort(), name).toEqual([...opensOf(name)!].sort())
    }
    expect([...PICTURE_FILES].sort()).toEqual([...PHOTO_EXTENSIONS].sort())
    expect([...UPLOAD_TYPES].sort()).toEqual(['csv', 'db', 'gif', 'jpeg', 'jpg', 'png', 'sqlite', 'webp', 'xlsx'])
  })
})
