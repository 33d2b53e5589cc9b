import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { notFound } from '../errors'

/**
 * Printed documents where Electron is not available (the CLI, tests, the bench): the same HTML
 * through headless Chromium, with the options the app's hidden window uses, so a PDF looks the
 * same whichever path made it.
 */

type Env = Record<string, string | undefined>

/** VIPDESK_CHROMIUM, else the distribution's Chromium. */
export function chromiumExecutable(env: Env = process.env): string {
  const candidates = [env.VIPDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((p): p is string => !!p && existsSync(p))
  if (!found)
    throw notFound('找不到 Chromium 浏览器，无法生成 PDF：请安装 Chromium，或用环境变量 VIPDESK_CHROMIUM 指定其路径')
  return found
}

export interface PdfRenderer {
  pdf(html: string): Promise<Buffer>
  close(): Promise<void>
}

/** One browser for many documents (a catalogue and its proofs, a batch of cards). */
export async function openPdfRenderer(env: Env = process.env): Promise<PdfRenderer> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumExecutable(env),
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  })
  return {
    async pdf(html) {
      // Through a file as in the app: tens of MB of photos load twice as fast as via setContent.
      const dir = await mkdtemp(join(tmpdir(), 'vipdesk-print-'))
      // No scripts in printed documents; offline: the page has nothing to fetch.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
      try {
        const file = join(dir, 'document.html')
        await writeFile(file, html, 'utf8')
        const page = await context.newPage()
        // 'load' waits for the data: pictures; fonts are local and settle with layout.
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        return await page.pdf({ preferCSSPageSize: true, printBackground: true })
      } finally {
        await context.close()
        await rm(dir, { recursive: true, force: true })
      }
    },
    close: () => browser.close(),
  }
}

/** One document to PDF bytes, launching and closing a browser around it. */
export async function htmlToPdf(html: string, env: Env = process.env): Promise<Buffer> {
  const renderer = await openPdfRenderer(env)
  try {
    return await renderer.pdf(html)
  } finally {
    await renderer.close()
  }
}
