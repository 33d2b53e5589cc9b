import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { backupDatabase, backupFileName, zoneOf } from '../../../db/backup'
import { AppError, conflict, databaseError, forbidden } from '../../../db/errors'
import { closeDatabase } from '../../../db/open'
import { restoreDatabase } from '../../../db/restore'
import { recordAudit } from '../../../db/services/audit'
import { demoSteps, FIRST_RUN_MEMBERS } from '../../../db/seed/demo'
import { photosDirOf } from '../../../db/services/gifts/photos'
import { actorOf } from '../context'
import type { Handlers } from '../dispatch'

const DB_FILES = [{ name: 'vipdesk 数据库', extensions: ['sqlite', 'db'] }]

export const dataHandlers = {
  'data:info': (_i, ctx) => {
    const dir = ctx.state.backupDir
    let backups: { name: string; size: number; at: number }[] = []
    try {
      backups = readdirSync(dir)
        .filter((f) => f.endsWith('.sqlite'))
        .map((name) => {
          const s = statSync(join(dir, name))
          return { name, size: s.size, at: s.mtimeMs }
        })
        .sort((a, b) => b.at - a.at)
    } catch {
      backups = []
    }
    return { file: ctx.state.dbFile, backupDir: dir, backups }
  },
  'data:backup': async (_i, ctx) => {
    const file = await ctx.shell.pickSaveFile({
      title: '备份数据库',
      defaultName: backupFileName('manual', ctx.state.db.now().getTime(), zoneOf(ctx.state.db)),
      filters: DB_FILES,
    })
    if (!file) return null
    const result = backupDatabase(ctx.state.db, file)
    recordAudit(ctx.state.db, actorOf(ctx), 'backup', 'database', null, '手动备份数据库')
    return result
  },
  'data:restore': async (_i, ctx) => {
    // Replacing the data under every desk's feet is done where someone can see the whole store:
    // at the server PC (the desktop app, or a browser on loopback), never from a desk on the LAN.
    if (!ctx.caller.local)
      throw forbidden('恢复备份只能在服务器电脑上进行（在服务器电脑上打开 https://localhost:8443/）')
    const file = await ctx.shell.pickOpenFile({ title: '选择要恢复的备份', filters: DB_FILES })
    if (!file) return { restored: false }
    const actor = actorOf(ctx)
    const { state } = ctx
    const importing = state.sheets.running()
    if (importing) throw new AppError('busy', `${importing}，请等它完成后再恢复备份`)
    // The other desks hear it before their sessions end: their next call goes back to login.
    ctx.shell.broadcast?.(
      'notice',
      {
        message: `管理员 ${actor.name} 正在从备份恢复数据库：所有柜台将退出登录，未保存的内容请稍后重新填写。恢复完成后请重新登录。`,
      },
      ctx.senderId,
    )
    // The import worker's connection goes too, and with it any file waiting to be imported.
    await state.sheets.close()
    state.imports.clear()
    // Our own connection would count as "another program" to the restore's exclusive lock.
    closeDatabase(state.db)
    try {
      restoreDatabase(state.dbFile, file, {
        ...state.openOptions,
        now: () => state.db.now(),
        open: () => state.reopen(),
      })
    } catch (e) {
      // Whatever went wrong, the original file is in place: work goes on with it.
      try {
        state.reopen()
      } catch (again) {
        throw databaseError(`${(e as Error).message}；重新打开数据库时出错：${(again as Error).message}`)
      }
      throw e instanceof AppError ? e : databaseError(`恢复失败（${(e as Error).message}），未做任何修改。`)
    }
    // Everyone logs in again: the operators table itself may have changed, and the operator
    // who restored may not exist in the restored file (the entry then keeps only the name).
    ctx.state.sessions.endAll()
    const known = ctx.state.db.sqlite.prepare('SELECT 1 FROM operators WHERE id = ?').get(actor.id)
    recordAudit(ctx.state.db, known ? actor : { ...actor, id: null }, 'restore', 'database', null, '从备份恢复数据库')
    return { restored: true }
  },
  'data:seedSample': async (input, ctx) => {
    const count = ctx.state.db.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number
    if (count > 0) throw conflict('已有会员数据，不能再生成示例数据')
    const members = input?.members ?? FIRST_RUN_MEMBERS
    // The demo store of `seed --demo`, smaller (or its members and purchases alone): each step is
    // announced, then the event loop gets a turn so the announcement reaches the window before
    // the step's synchronous work holds the thread for a second or two.
    const { steps, result } = demoSteps(
      ctx.state.db,
      { members, purchases: input?.purchases, photosDir: photosDirOf(ctx.state.dbFile) },
      actorOf(ctx),
      input?.membersOnly,
    )
    for (const [i, step] of steps.entries()) {
      ctx.shell.emit(ctx.senderId, 'progress', { task: 'seed', phase: step.phase, done: i, total: steps.length })
      await new Promise((resolve) => setImmediate(resolve))
      step.run()
    }
    ctx.shell.emit(ctx.senderId, 'progress', { task: 'seed', phase: '完成', done: steps.length, total: steps.length })
    return result()
  },
} satisfies Partial<Handlers>
