import type { IpcMain } from 'electron'
import { StoreClient } from '../../server/client/storeClient'
import { ConnectionError, probeServer } from '../../server/client/tlsPin'
import { CONNECTION_CHANNELS, type ConnectionBridge, type ConnectionView } from '../preload/connectionApi'
import type { Backend } from './backends'
import { writeConnection, type ConnectionSetting } from './connection'
import { trustedFrame } from './ipc'

export interface ConnectionHost {
  /** connection.json in the user-data folder. */
  file: string
  current(): ConnectionSetting
  /** Puts `next` in place of the running backend (the old one is closed). */
  switchTo(setting: ConnectionSetting, next: Backend): void
  open(setting: ConnectionSetting): Backend
}

const messageOf = (e: unknown) =>
  e instanceof ConnectionError ? e.message : `连接失败：${e instanceof Error ? e.message : String(e)}`

const viewOf = (s: ConnectionSetting): ConnectionView =>
  s.mode === 'server' ? { mode: 'server', url: s.url, caFingerprint: s.caFingerprint } : { mode: 'local' }

/** 设置 → 连接 over its own channel: only the app's page may use it, logged in or not. */
export function registerConnectionIpc(ipcMain: IpcMain, allowedPrefix: string, host: ConnectionHost): void {
  const api: ConnectionBridge = {
    get: async () => viewOf(host.current()),
    async probe(url) {
      try {
        const id = await probeServer(url)
        return { ok: true, url: id.url, caFingerprint: id.caFingerprint }
      } catch (e) {
        return { ok: false, message: messageOf(e) }
      }
    },
    async useServer(url, caFingerprint) {
      let setting: ConnectionSetting
      try {
        const id = await probeServer(url)
        if (id.caFingerprint !== caFingerprint) {
          return {
            ok: false,
            message: '服务器出示的证书与刚才显示的指纹不一致，已拒绝连接。请重新测试连接并核对指纹。',
          }
        }
        setting = { mode: 'server', ...id }
      } catch (e) {
        return { ok: false, message: messageOf(e) }
      }
      // A first call over the pinned CA: the server must answer as a store server does.
      const check = new StoreClient(setting)
      const state = await check.call('session:state', undefined)
      check.close()
      if (!state.ok) return { ok: false, message: state.error.message }
      writeConnection(host.file, setting)
      host.switchTo(setting, host.open(setting))
      return { ok: true }
    },
    async useLocal() {
      const setting: ConnectionSetting = { mode: 'local' }
      if (host.current().mode === 'local') return { ok: true }
      let next: Backend
      try {
        next = host.open(setting)
      } catch (e) {
        return { ok: false, message: `无法打开本机数据库：${(e as Error).message}` }
      }
      writeConnection(host.file, setting)
      host.switchTo(setting, next)
      return { ok: true }
    },
  }
  const refused = { ok: false, message: '拒绝来自未知页面的调用' }
  const handle = (channel: string, fn: (...args: string[]) => Promise<unknown>) =>
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      trustedFrame(event, allowedPrefix) ? fn(...args.map((a) => String(a))) : refused,
    )
  handle(CONNECTION_CHANNELS.get, () => api.get())
  handle(CONNECTION_CHANNELS.probe, (url) => api.probe(url ?? ''))
  handle(CONNECTION_CHANNELS.useServer, (url, fp) => api.useServer(url ?? '', fp ?? ''))
  handle(CONNECTION_CHANNELS.useLocal, () => api.useLocal())
}
