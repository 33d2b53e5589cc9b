import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * Another process with a connection to the database, as a CLI import or a second vipdesk window
 * would have: 'reader' has read once and sits idle; 'writer' is inside an uncommitted write
 * transaction. `commit()` finishes the writer's work and closes.
 */
export interface Holder {
  commit(): Promise<void>
  stop(): Promise<void>
}

const SCRIPT = `
const Sqlite = require('better-sqlite3')
const db = new Sqlite(process.argv[1], { timeout: 5000 })
db.pragma('journal_mode = WAL')
db.prepare('SELECT count(*) FROM members').get()
if (process.argv[2] === 'writer') {
  db.exec('BEGIN IMMEDIATE')
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('holderWork', '1', 0)").run()
}
process.stdout.write('ready\\n')
process.stdin.on('data', () => {
  if (db.inTransaction) db.exec('COMMIT')
  db.close()
  process.stdout.write('done\\n')
  process.exit(0)
})
`

const line = (p: ChildProcess) => new Promise<string>((r) => p.stdout!.once('data', (d) => r(String(d))))

export async function holdDatabase(file: string, mode: 'reader' | 'writer'): Promise<Holder> {
  const p = spawn(process.execPath, ['-e', SCRIPT, file, mode], {
    cwd: resolve(__dirname, '../..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const ready = await line(p)
  if (!ready.startsWith('ready')) throw new Error(`holder did not start: ${ready}`)
  const exited = new Promise<void>((r) => p.once('exit', () => r()))
  return {
    async commit() {
      const done = line(p)
      p.stdin!.write('commit\n')
      await done
      await exited
    },
    async stop() {
      if (p.exitCode === null) p.kill()
      await exited
    },
  }
}
