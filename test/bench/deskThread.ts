import { parentPort, workerData } from 'node:worker_threads'
import { runDesks, type LoadOptions, type PlannedCall } from './deskLoad'
import { HttpsDesk } from './httpsDesk'

/**
 * The bench's desks in a thread of their own: real desks are other PCs, so their TLS and JSON
 * work must not share the server's event loop. Asked to log in and to run plans; answers with
 * the load result.
 */
export interface DeskThreadSetup {
  port: number
  ca: string
  logins: { name: string; password: string }[]
}
export type DeskThreadAsk =
  { run: { plans: PlannedCall[][]; options: Omit<LoadOptions, 'until'> } } | { stop: true } | { close: true }

const setup = workerData as DeskThreadSetup
const port = parentPort!
const desks = setup.logins.map(() => new HttpsDesk(setup.port, setup.ca))
let stopped = false

async function login(): Promise<void> {
  for (const [i, l] of setup.logins.entries()) await desks[i]!.login(l.name, l.password)
  port.postMessage({ ready: true })
}

port.on('message', (ask: DeskThreadAsk) => {
  if ('close' in ask) {
    for (const d of desks) d.close()
    port.close()
    return
  }
  if ('stop' in ask) {
    stopped = true
    return
  }
  stopped = false
  const { plans, options } = ask.run
  const loadDesks = desks.map((desk, i) => ({ plan: plans[i]!, call: desk.call.bind(desk) }))
  runDesks(loadDesks, { ...options, until: () => stopped }).then(
    (result) => port.postMessage({ result }),
    (e: unknown) => port.postMessage({ error: String((e as Error)?.stack ?? e) }),
  )
})

login().catch((e: unknown) => port.postMessage({ error: String((e as Error)?.stack ?? e) }))
