import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Actor } from '../../actor'
import { SYSTEM_ACTOR } from '../../actor'
import { backupDatabase } from '../../backup'
import { validationError } from '../../errors'
import type { Db } from '../../handle'
import { closeDatabase, openDatabase } from '../../open'
import { restoreDatabase } from '../../restore'
import { recordAudit } from '../../services/audit'
import { ADMIN, actorFor, type CliContext } from '../context'

const megabytes = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1)

export async function backupCommand(ctx: CliContext): Promise<void> {
  if (ctx.file === ctx.dbFile) throw validationError('备份文件不能是当前数据库文件本身')
  // VACUUM INTO reads one consistent snapshot, so the app may keep running meanwhile.
  const { file } = backupDatabase(ctx.db, ctx.file)
  recordAudit(ctx.db, ctx.actor, 'backup', 'database', null, `命令行备份数据库到 ${basename(file)}`)
  await ctx.say(`已备份数据库到 ${file}（${megabytes(file)} MB）`)
  await ctx.result({ file })
}

/**
 * The operator is checked against the current database when it still opens (it may be the
 * damaged file the backup is meant to replace); after the restore the same name is looked up
 * again, because the audit entry goes into the restored file.
 */
function checkOperatorBefore(ctx: CliContext): void {
  if (!ctx.args.operator || !existsSync(ctx.dbFile)) return
  let db: Db | undefined
  try {
    db = openDatabase(ctx.dbFile)
  } catch {
    return
  }
  try {
    actorFor(db, ctx.args.operator, ADMIN)
  } finally {
    closeDatabase(db)
  }
}

function actorAfter(db: Db, name: string | undefined): Actor {
  if (!name) return SYSTEM_ACTOR
  const row = db.sqlite.prepare('SELECT id, role FROM operators WHERE name = ?').get(name) as
    { id: number; role: Actor['role'] } | undefined
  // The restored file may predate this operator: the name still goes into the audit entry.
  return row ? { id: row.id, name, role: row.role } : { id: null, name, role: 'admin' }
}

/**
 * Backup checked → database locked against every other connection → file swapped (the old one
 * kept as the safety copy) → reopened to migrate and verify, or the original put back.
 */
export async function restoreCommand(ctx: CliContext): Promise<void> {
  if (ctx.file === ctx.dbFile) throw validationError('备份文件与当前数据库是同一个文件')
  checkOperatorBefore(ctx)
  const { safetyCopy, opened: db } = restoreDatabase(ctx.dbFile, ctx.file, { open: (file) => openDatabase(file) })
  try {
    const members = db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
    recordAudit(
      db,
      actorAfter(db, ctx.args.operator),
      'restore',
      'database',
      null,
      `命令行从备份恢复数据库：${basename(ctx.file)}`,
    )
    await ctx.say(
      `已从 ${ctx.file} 恢复数据库（会员 ${members} 名）。` +
        (safetyCopy ? `\n恢复前的数据库已另存为 ${safetyCopy}` : ''),
    )
    await ctx.result({ restored: true, file: ctx.dbFile, members, safetyCopy: safetyCopy ?? null })
  } finally {
    closeDatabase(db)
  }
}
