/**
 * Calls take turns here, one at a time. A call that waits for something other than the
 * database (the PDF renderer) can step out and queue again, so the desks behind it go on.
 */
export class Lane {
  private tail: Promise<void> = Promise.resolve()

  /** Waits for the calls that came before; resolves with the function that lets the next one in. */
  enter(): Promise<() => void> {
    let leave!: () => void
    const left = new Promise<void>((resolve) => (leave = resolve))
    const before = this.tail
    this.tail = before.then(() => left)
    return before.then(() => leave)
  }
}

/** A call's turn: `leave` is replaced each time the call steps out and comes back. */
export interface Turn {
  leave: () => void
}

/** Runs `work` out of the lane and waits for a new turn after it. */
export async function stepAside<T>(lane: Lane, turn: Turn, work: () => Promise<T>): Promise<T> {
  turn.leave()
  try {
    return await work()
  } finally {
    turn.leave = await lane.enter()
  }
}
