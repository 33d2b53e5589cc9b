/**
 * Custom schemes for the electron double. Chromium under Playwright will not navigate to app://,
 * so a page asks for an https stand-in (app://vipdesk/x → https://vipdesk.app.scheme.invalid/x),
 * Playwright intercepts it before any network and answers with the handler the main process gave
 * protocol.handle. URLs the main process sees are mapped back, so it only ever meets app://.
 */
import type { Page } from '@playwright/test'

export type ProtocolHandler = (request: Request) => Response | Promise<Response>

export interface PrivilegedScheme {
  scheme: string
  privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; [k: string]: boolean | undefined }
}

const SUFFIX = '.scheme.invalid'
const STAND_IN = /^https:\/\/([^/]+)\.([a-z][a-z0-9+.-]*)\.scheme\.invalid(\/.*)?$/

export function createProtocolDouble(isReady: () => boolean) {
  const handlers = new Map<string, ProtocolHandler>()
  /** Each registration, and whether it came (as it must) before the app was ready. */
  const privileged: (PrivilegedScheme & { beforeReady: boolean })[] = []

  const standInOf = (url: string): string => {
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(url)
    if (!m || !handlers.has(m[1]!.toLowerCase())) return url
    return `https://${m[2]}.${m[1]!.toLowerCase()}${SUFFIX}${m[3] ?? '/'}`
  }
  const realOf = (url: string): string => {
    const m = STAND_IN.exec(url)
    return m ? `${m[2]}://${m[1]}${m[3] ?? '/'}` : url
  }

  async function answer(page: Page): Promise<void> {
    await page.route(STAND_IN, async (route) => {
      const request = route.request()
      const url = realOf(request.url())
      const handler = handlers.get(new URL(url).protocol.slice(0, -1))
      if (!handler) return route.abort('failed')
      const response = await handler(new Request(url, { method: request.method(), headers: request.headers() }))
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      })
    })
  }

  return {
    handlers,
    privileged,
    standInOf,
    realOf,
    answer,
    module: {
      registerSchemesAsPrivileged(schemes: PrivilegedScheme[]) {
        for (const s of schemes) privileged.push({ ...s, beforeReady: !isReady() })
      },
      handle(scheme: string, handler: ProtocolHandler) {
        if (handlers.has(scheme)) throw new Error(`The scheme has been handled: ${scheme}`)
        handlers.set(scheme, handler)
      },
    },
  }
}
