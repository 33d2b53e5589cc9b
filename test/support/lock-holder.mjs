// Another program on the same database file (say a command-line import): takes the write lock,
// says "held", keeps it until a line "commit" or "rollback" arrives on stdin, then says "released".
import Database from 'better-sqlite3'
import { createInterface } from 'node:readline'

const db = new Database(process.argv[2])
db.pragma('busy_timeout = 0')
db.exec('BEGIN IMMEDIATE')
db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('lockHolderWasHere', '1', 0)").run()
process.stdout.write('held\n')
createInterface({ input: process.stdin }).on('line', (line) => {
  db.exec(line.trim() === 'commit' ? 'COMMIT' : 'ROLLBACK')
  db.close()
  process.stdout.write('released\n')
  process.exit(0)
})
