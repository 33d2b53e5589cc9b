import { existsSync } from 'node:fs'
import Module from 'node:module'
import { resolve } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { createElectronDouble, type ElectronDouble } from './electron-double'

export const repoRoot = resolve(__dirname, '../../..')
const mainEntry = resolve(repoRoot, 'out/main/index.js')

/** Debian's Chromium where there is one, otherwise Playwright's own browser. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((p): p is string => !!p && existsSync(p))
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

type Resolver = (request: string, ...rest: unknown[]) => string
const mod = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, unknown> }
const ELECTRON_ID = '\0electron-double'
let installed = false

/** Makes `require('electron')` in the main bundle return the current double. */
function installResolver(): void {
  if (installed) return
  const original = mod._resolveFilename
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? ELECTRON_ID : original.call(this, request, ...rest)
  } as Resolver
  installed = true
}

/** Evaluates the real main bundle afresh (new module instance, new state) against `double`. */
function runMain(double: ElectronDouble, argv: string[]): void {
  installResolver()
  mod._cache[ELECTRON_ID] = { id: ELECTRON_ID, filename: ELECTRON_ID, loaded: true, exports: double.module }
  delete mod._cache[mainEntry]
  const saved = process.argv
  process.argv = [saved[0]!, mainEntry, ...argv]
  try {
    // The main bundle is CommonJS and must be evaluated afresh for every app start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(mainEntry)
  } finally {
    process.argv = saved
  }
}

/**
 * Starts the real main-process bundle with the double in place of Electron. Each call gets a
 * fresh module instance (and so fresh state), its own data folder and its own browser pages.
 */
export async function startApp(browser: Browser, options: { userData: string; argv?: string[] }) {
  const double: ElectronDouble = createElectronDouble({ browser, userData: options.userData, appPath: repoRoot })
  runMain(double, options.argv ?? [])
  const page = await double.firstWindow()
  return { double, page }
}

/** A start while another copy holds the single-instance lock: it should quit without a window. */
export async function startSecondCopy(browser: Browser, options: { userData: string }) {
  const double = createElectronDouble({ ...options, browser, appPath: repoRoot, lockHeldElsewhere: true })
  runMain(double, [])
  // Whatever main would do after the lock check has had its turns by then.
  await new Promise((resolve) => setTimeout(resolve, 200))
  return double
}

/**
 * `vipdesk --serve …`: the real main bundle with these arguments, no window expected. The double
 * tells what main asked of the app (exit code) and stands for quitting it.
 */
export function startServeMode(browser: Browser, options: { userData: string; argv: string[] }) {
  const double = createElectronDouble({ browser, userData: options.userData, appPath: repoRoot })
  runMain(double, options.argv)
  return double
}
