import type { Plugin } from 'vite'

/**
 * The dev server's hot reload talks over ws://localhost; the production page has no business
 * opening sockets, so renderer/index.html's policy leaves it out and only `electron-vite dev`
 * (Vite's serve mode) widens connect-src.
 */
export function devCsp(): Plugin {
  return {
    name: 'vipdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => widenForDevServer(html),
  }
}

export function widenForDevServer(html: string): string {
  if (!html.includes("connect-src 'self'")) throw new Error('renderer/index.html: CSP without connect-src')
  return html.replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")
}
