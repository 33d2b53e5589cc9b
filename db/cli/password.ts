import { validationError } from '../errors'
import type { CliArgs } from './args'
import { UsageError, type CliInput, type CliIo } from './io'

/**
 * Passwords on the command line: never as an argument (shell history, `ps`), but typed twice at a
 * terminal without echo, or one line on stdin with --password-stdin for scripts. Nothing here
 * writes the password anywhere.
 */

/** Checked before the database is opened: a script without --password-stdin must not hang on a prompt. */
export function checkPasswordSource(name: string, args: CliArgs, io: CliIo): void {
  if (args.passwordStdin || io.stdin?.isTTY) return
  throw new UsageError(
    `命令 ${name} 需要输入密码，但标准输入不是终端，无法提示输入：请加 --password-stdin，并从标准输入提供一行密码（例如由脚本通过管道传入）`,
  )
}

/** Longer input than this is not a password line (a file piped by mistake). */
const MAX_INPUT = 4096

async function readLine(input: CliInput | undefined): Promise<string> {
  let text = ''
  if (input) {
    input.setEncoding('utf8')
    for await (const chunk of input) {
      text += String(chunk)
      if (text.length > MAX_INPUT) throw validationError('标准输入中的内容不是一行密码，未做任何修改')
    }
  }
  const line = text.replace(/\r?\n$/, '')
  if (!line) throw validationError('标准输入中没有读到密码（--password-stdin 从标准输入读取一行密码），未做任何修改')
  if (/[\r\n]/.test(line)) throw validationError('标准输入中只能有一行密码，未做任何修改')
  return line
}

const CANCELLED = '已取消，未做任何修改'

/** Two hidden answers from a terminal in raw mode: keystrokes are read, never echoed. */
function promptTwice(io: CliIo, prompts: [string, string]): Promise<[string, string]> {
  const input = io.stdin!
  return new Promise((resolve, reject) => {
    const answers: string[] = []
    let current = ''
    const finish = (error?: Error) => {
      input.removeListener('data', onData)
      input.removeListener('end', onEnd)
      input.setRawMode?.(false)
      input.pause()
      if (error) reject(error)
      else resolve([answers[0]!, answers[1]!])
    }
    const onEnd = () => {
      io.stderr.write('\n')
      finish(validationError(CANCELLED))
    }
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\u0003' || (ch === '\u0004' && !current)) return onEnd() // Ctrl-C, Ctrl-D on an empty line
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          io.stderr.write('\n')
          answers.push(current)
          current = ''
          if (answers.length === 2) return finish()
          io.stderr.write(prompts[1])
        } else if (ch === '\u007f' || ch === '\b') {
          current = Array.from(current).slice(0, -1).join('')
        } else if (ch >= ' ') {
          current += ch
        }
      }
    }
    io.stderr.write(prompts[0])
    input.setEncoding('utf8')
    input.setRawMode?.(true)
    input.on('data', onData)
    input.once('end', onEnd)
    input.resume()
  })
}

/** The new password, from stdin (--password-stdin) or typed twice at the terminal. */
export async function readNewPassword(args: CliArgs, io: CliIo): Promise<string> {
  if (args.passwordStdin) return readLine(io.stdin)
  const [first, second] = await promptTwice(io, ['新密码（输入时不显示）：', '再输入一次：'])
  if (!first) throw validationError('没有输入密码，未做任何修改')
  if (first !== second) throw validationError('两次输入的密码不一致，未做任何修改')
  return first
}
