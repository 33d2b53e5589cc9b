/** `npm run cli -- <command>`: everything lives in run.ts so that tests can call it in-process. */
import { runCli } from './run'

// A reader that stops early (`members list --json | head`) closes the pipe: stop quietly, as
// command-line tools do, instead of crashing with an unhandled EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    // exitCode rather than exit(): a large JSON listing must finish draining into a pipe first.
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`意外错误：${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
