import type { ServerResponse } from 'node:http'
import type { Events } from '../contract/contract'

/**
 * Server-sent events to the desks: each logged-in tab keeps one `GET /api/events` open and hears
 * its own progress and the others' changes. A comment line every 25 s keeps proxies and the
 * browser from closing an idle stream.
 */
export class EventHub {
  private readonly streams = new Map<ServerResponse, number>()
  private readonly timer = setInterval(() => this.write(null, ': keep-alive\n\n'), 25_000)

  constructor() {
    this.timer.unref()
  }

  open(res: ServerResponse, senderId: number): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    })
    res.write('retry: 3000\n\n')
    this.streams.set(res, senderId)
    res.on('close', () => this.streams.delete(res))
  }

  emit<E extends keyof Events>(senderId: number, event: E, payload: Events[E]): void {
    this.write((id) => id === senderId, frame(event, payload))
  }

  broadcast<E extends keyof Events>(event: E, payload: Events[E], exceptSenderId: number): void {
    this.write((id) => id !== exceptSenderId, frame(event, payload))
  }

  /** Streams open (for tests and the bench). */
  get size(): number {
    return this.streams.size
  }

  /** Ends every desk's stream (everybody was logged out); a tab that logs in again opens a new one. */
  disconnectAll(): void {
    for (const res of this.streams.keys()) res.end()
    this.streams.clear()
  }

  close(): void {
    clearInterval(this.timer)
    for (const res of this.streams.keys()) res.end()
    this.streams.clear()
  }

  private write(to: ((senderId: number) => boolean) | null, text: string): void {
    for (const [res, id] of this.streams) if (!to || to(id)) res.write(text)
  }
}

const frame = (event: string, payload: unknown) => `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
