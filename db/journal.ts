import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { databaseError } from './errors'

interface Journal {
  entries: { idx: number; tag: string; when: number }[]
}

export function readJournal(folder: string): Journal {
  const path = join(folder, 'meta', '_journal.json')
  if (!existsSync(path)) throw databaseError(`找不到数据库迁移文件：${path}`)
  return JSON.parse(readFileSync(path, 'utf8')) as Journal
}

/** The schema version this program writes: one per migration (PRAGMA user_version). */
export const knownVersion = (folder: string): number => readJournal(folder).entries.length

/**
 * The tables a database at schema version `version` must hold: those its first `version`
 * migrations create, less what they drop, following renames (drizzle-kit rebuilds a table as
 * `__new_x`, drops `x`, renames back).
 */
export function tablesAtVersion(folder: string, version: number): Set<string> {
  const tables = new Set<string>()
  for (const { tag } of readJournal(folder).entries.slice(0, version)) {
    const sql = readFileSync(join(folder, `${tag}.sql`), 'utf8')
    for (const m of sql.matchAll(
      /(CREATE TABLE|DROP TABLE|ALTER TABLE)\s+(?:IF (?:NOT )?EXISTS\s+)?[`"]?(\w+)[`"]?(?:\s+RENAME TO\s+[`"]?(\w+)[`"]?)?/gi,
    )) {
      const [, verb, name, renamed] = m
      const v = verb!.toUpperCase()
      if (v === 'CREATE TABLE') tables.add(name!)
      else if (v === 'DROP TABLE') tables.delete(name!)
      else if (renamed) {
        tables.delete(name!)
        tables.add(renamed)
      }
    }
  }
  return tables
}
