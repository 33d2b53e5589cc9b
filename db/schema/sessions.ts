import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { operators } from './operators'

/**
 * Logged-in desks of the store server (db/services/sessions.ts). The key is the SHA-256 of the
 * session cookie's token: someone who reads the file (a backup, say) cannot log in with it.
 * Rows are disposable: ending a session deletes its row.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the opaque token, lowercase hex; the token itself is never stored */
    id: text('id').primaryKey(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    /** Sent back by the client in a header with every write; useless without the cookie's token */
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    /** ms; refreshed at most every 30 s, so idle expiry is accurate to that */
    lastSeenAt: integer('last_seen_at').notNull(),
    /** The client's IP address as the host saw it */
    address: text('address').notNull(),
    /** At most 200 characters */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_operator').on(t.operatorId)],
)

/**
 * Recent failed logins, counted per name and per address for the lockout (db/services/loginGuard.ts).
 * Not a ledger: a success clears its name's rows and rows older than the window are pruned. The
 * audit log keeps the lasting record of every attempt.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** The name as typed (trimmed): unknown names count too */
    operatorName: text('operator_name').notNull(),
    address: text('address').notNull(),
  },
  (t) => [
    index('login_failures_name_at').on(t.operatorName, t.at),
    index('login_failures_address_at').on(t.address, t.at),
    index('login_failures_at').on(t.at),
  ],
)
