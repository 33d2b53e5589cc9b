import { test } from '@playwright/test'

/**
 * How long a step may wait for real work to finish, in one place. The 10 s default of
 * playwright.config.ts is for the screen answering a click; the work below runs in main or in a
 * Chromium page and, on a loaded two-core machine, takes many times what it takes on an idle one:
 * at load 20–26 (several test runs and type checks at once) the app took 45–50 s to start and one
 * three-page catalogue over 80 s to render as PDF. The figures leave room above that, so a wait
 * that runs out means the work did not finish, not that the machine was busy; they cost nothing
 * when the work is quick. A wait is always on the work's own completion signal (a result element
 * or attribute set when the call returns, the double's record of a print, a returned envelope),
 * never a sleep.
 */

/**
 * A whole test's own steps (screens, clicks, typing), before the waits on work add to it. A flow
 * of fifty steps ran past 60 s at load 30, each click and check taking one to three seconds.
 */
export const TEST_STEPS = 180_000

/**
 * The app starts: main's bundle loads, opens (and on a new store migrates) the database, takes the
 * day's backup and runs the start-up jobs, then the window's page loads.
 */
export const APP_START = 180_000

/** Chromium renders a document to PDF (a report, a catalogue, a batch of birthday cards). */
export const PDF_RENDER = 180_000

/** A document is laid out and handed to the (double's) printer. */
export const PRINT_RUN = 120_000

/** A spreadsheet or CSV is read, checked and previewed, or committed to the database. */
export const IMPORT = 120_000

/** A workbook or CSV is built and written to disk. */
export const EXPORT = 90_000

/**
 * A login: the password hash (scrypt, made slow on purpose), the lockout's checks, then the
 * operator's first screen with its data (an administrator's dashboard is worked out cold).
 */
export const LOGIN = 60_000

/** A report or its preview is computed (dashboard monthly report, gift report, league). */
export const REPORT = 60_000

/** The first-run sample data: hundreds of members with two years of purchases and points. */
export const SEED_SAMPLE = 240_000

/**
 * The options for a wait on work that may take up to `ms`: the wait gets `ms`, and the test's own
 * budget grows by as much, so Playwright's per-test timeout never ends a test whose job is still
 * within its wait. Only for use inside a running test (page objects are).
 */
export function forWork(ms: number): { timeout: number } {
  allowTestFor(ms)
  return { timeout: ms }
}

/** Grows the running test's budget by `ms`: for work awaited without a Playwright wait (a bridge call). */
export function allowTestFor(ms: number): void {
  const info = test.info()
  info.setTimeout(info.timeout + ms)
}
