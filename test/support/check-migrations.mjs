#!/usr/bin/env node
/**
 * Fails when db/schema and db/migrations disagree (someone changed the schema without running
 * `npm run db:generate`) or when the migration journal is out of order. Migrations are
 * append-only: once shipped, a file is never edited.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = 'db/migrations'
const list = () => new Set(readdirSync(dir, { recursive: true }).map(String))
const before = list()
const snapshot = new Map(
  [...before]
    .filter((f) => f.endsWith('.json') || f.endsWith('.sql'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
)

execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'schema_check'], { stdio: 'pipe' })

const added = [...list()].filter((f) => !before.has(f))
const changed = [...snapshot].filter(([f, text]) => readFileSync(join(dir, f), 'utf8') !== text).map(([f]) => f)
let failed = false
if (added.length || changed.length) {
  for (const f of added) rmSync(join(dir, f), { force: true })
  for (const f of changed) writeFileSync(join(dir, f), snapshot.get(f))
  console.error(`db/schema 与迁移文件不一致：请运行 npm run db:generate 并提交生成的迁移。(${added.join(', ')})`)
  failed = true
}

const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'))
journal.entries.forEach((e, i) => {
  if (e.idx !== i) {
    console.error(`迁移日志顺序错误：第 ${i} 项的 idx 为 ${e.idx}`)
    failed = true
  }
  if (i > 0 && e.when <= journal.entries[i - 1].when) {
    console.error(`迁移 ${e.tag} 的时间早于前一个迁移：迁移只能追加`)
    failed = true
  }
})
if (failed) process.exit(1)
console.log(`migrations: ${journal.entries.length} in order, schema matches`)
