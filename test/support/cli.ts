import type { CliStream } from '../../db/cli/io'
import { runCli } from '../../db/cli/run'

/** Collects what the CLI writes to one stream. */
class Collector implements CliStream {
  text = ''
  readonly isTTY = false
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process as a script would, capturing its exit code, stdout and stderr. */
export async function runCliCaptured(
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  const stdout = new Collector()
  const stderr = new Collector()
  const code = await runCli(args, { stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd })
  return { code, stdout: stdout.text, stderr: stderr.text }
}
