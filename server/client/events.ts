import type { IncomingMessage } from 'node:http'
import type { Events } from '../contract/contract'
import type { StoreClient } from './storeClient'

export interface SseFrame {
  event: string
  data: string
}

/** Server-sent events, fed in chunks as they arrive: complete frames out, the rest kept. */
export class SseParser {
  private buffer = ''

  push(chunk: string): SseFrame[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n')
    const frames: SseFrame[] = []
    let end: number
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end)
      this.buffer = this.buffer.slice(end + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') event = value
        else if (field === 'data') data.push(value)
      }
      if (data.length) frames.push({ event, data: data.join('\n') })
    }
    return frames
  }
}

const KNOWN: ReadonlySet<string> = new Set<keyof Events>(['progress', 'changed'])

type Deliver = <E extends keyof Events>(event: E, payload: Events[E]) => void

/**
 * This desk's event stream from the store server while logged in: progress of its own calls and
 * the other desks' changes, handed to `deliver`. A dropped stream is opened again after a pause
 * while the session lasts; a refusal (401: logged out, expired) ends it until the next login.
 */
export class EventRelay {
  private running = false
  private current: IncomingMessage | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly client: StoreClient,
    private readonly deliver: Deliver,
    private readonly retryMs = 3000,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    void this.open()
  }

  stop(): void {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.current?.destroy()
    this.current = null
  }

  get isOpen(): boolean {
    return this.current !== null
  }

  private async open(): Promise<void> {
    let res: IncomingMessage
    try {
      res = await this.client.openEvents()
    } catch (e) {
      this.log(`[events] ${(e as Error).message}`)
      return this.again()
    }
    if (!this.running) return void res.destroy()
    if (res.statusCode !== 200) {
      res.resume()
      // Not logged in (any more): the next login starts the stream again.
      if (res.statusCode === 401) this.running = false
      else this.again()
      return
    }
    this.current = res
    const parser = new SseParser()
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      for (const frame of parser.push(chunk)) {
        if (!KNOWN.has(frame.event)) continue
        try {
          this.deliver(frame.event as keyof Events, JSON.parse(frame.data) as never)
        } catch (e) {
          this.log(`[events] ${(e as Error).message}`)
        }
      }
    })
    const ended = () => {
      if (this.current !== res) return
      this.current = null
      this.again()
    }
    res.on('end', ended)
    res.on('error', ended)
    res.on('close', ended)
  }

  private again(): void {
    if (!this.running || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.running) void this.open()
    }, this.retryMs)
    this.timer.unref?.()
  }
}
