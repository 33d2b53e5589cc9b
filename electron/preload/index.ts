import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES, EVENT_CHANNEL, type Bridge, type CallName } from '../../server/contract/contract'
import { CONNECTION_CHANNELS, type ConnectionBridge } from './connectionApi'

/**
 * Exposes exactly the contract's calls and nothing else of ipcRenderer. Sandboxed preloads may
 * only require 'electron', so the contract's names are bundled in.
 */
const allowed = new Set<string>(CALL_NAMES)

const bridge: Bridge = {
  invoke(name, input) {
    if (!allowed.has(name)) return Promise.reject(new Error(`未知的操作：${String(name)}`))
    return ipcRenderer.invoke(name as CallName, input)
  },
  on(event, listener) {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  },
}

/** 设置 → 连接: this PC's choice of database or store server, outside the store contract. */
const connection: ConnectionBridge = {
  get: () => ipcRenderer.invoke(CONNECTION_CHANNELS.get),
  probe: (url) => ipcRenderer.invoke(CONNECTION_CHANNELS.probe, String(url)),
  useServer: (url, caFingerprint) =>
    ipcRenderer.invoke(CONNECTION_CHANNELS.useServer, String(url), String(caFingerprint)),
  useLocal: () => ipcRenderer.invoke(CONNECTION_CHANNELS.useLocal),
}

contextBridge.exposeInMainWorld('vipdesk', bridge)
contextBridge.exposeInMainWorld('vipdeskConnection', connection)
