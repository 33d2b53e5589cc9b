#!/usr/bin/env node
/**
 * better-sqlite3 is a native addon and Node and Electron need different builds of it. `npm
 * install` builds it for Node (tests, CLI); this script, run before `npm start`, makes a second
 * copy for Electron's ABI under .native/electron-<version>/, leaving the Node build untouched.
 * The main process loads that copy through better-sqlite3's `nativeBinding` option.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'))

function electronVersion() {
  const pkg = join(root, 'node_modules/electron/package.json')
  if (!existsSync(pkg)) throw new Error('找不到 electron，请先运行 npm install')
  return readJson(pkg).version
}

function nodeGyp() {
  const npmDir = dirname(process.env.npm_execpath ?? '')
  const candidates = [
    join(npmDir, '../node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
  ]
  return candidates.find((c) => existsSync(c))
}

function buildForElectron(version, target) {
  const work = mkdtempSync(join(tmpdir(), 'vipdesk-native-'))
  const src = join(root, 'node_modules/better-sqlite3')
  const copy = join(work, 'better-sqlite3')
  cpSync(src, copy, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) })
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version }
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: copy, env, stdio: 'inherit' })
  try {
    compile(run, version)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(join(copy, 'build/Release/better_sqlite3.node'), target)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function compile(run, version) {
  try {
    // A prebuilt binary when one can be downloaded; otherwise compile against Electron's headers.
    run(process.execPath, [
      join(root, 'node_modules/prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      version,
    ])
  } catch {
    const gyp = nodeGyp()
    if (!gyp) throw new Error('找不到 node-gyp，无法为 Electron 编译 better-sqlite3')
    run(process.execPath, [
      gyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ])
  }
}

const runtime = process.argv[2] ?? 'electron'
if (runtime !== 'electron') {
  console.error('用法: node electron/scripts/ensure-native.mjs electron')
  process.exit(2)
}
const version = electronVersion()
const target = join(root, '.native', `electron-${version}`, 'better_sqlite3.node')
if (existsSync(target)) process.exit(0)
console.log(`为 Electron ${version} 准备 better-sqlite3（仅首次需要）…`)
try {
  buildForElectron(version, target)
  console.log(`完成：${target}`)
} catch (e) {
  console.error(`为 Electron 准备 better-sqlite3 失败：${e.message}`)
  process.exit(1)
}
