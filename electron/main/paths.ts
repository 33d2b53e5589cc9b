import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** `--db FILE` beats VIPDESK_DB beats the per-user data folder. */
export function resolveDbFile(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const i = argv.indexOf('--db')
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!)
  const eq = argv.find((a) => a.startsWith('--db='))
  if (eq) return resolve(eq.slice('--db='.length))
  if (env.VIPDESK_DB) return resolve(env.VIPDESK_DB)
  return join(userData, 'vipdesk.sqlite')
}

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build that tests and the
 * CLI use (see electron/scripts/ensure-native.mjs). Packaged apps are rebuilt by electron-builder
 * and need no override.
 */
export function electronNativeBinding(appRoot: string, versions: NodeJS.ProcessVersions): string | undefined {
  const electron = (versions as NodeJS.ProcessVersions & { electron?: string }).electron
  if (!electron) return undefined
  const file = join(appRoot, '.native', `electron-${electron}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

export function migrationsFolder(appRoot: string, resourcesPath: string | undefined, packaged: boolean): string {
  return packaged && resourcesPath ? join(resourcesPath, 'migrations') : join(appRoot, 'db', 'migrations')
}

export function appVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
