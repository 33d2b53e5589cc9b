import { X509Certificate } from 'node:crypto'
import { checkServerIdentity, connect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls'

/**
 * The store CA as a desk pins it: fetched once without trusting it (the user compares its
 * fingerprint with the one the server printed), then every connection must chain to exactly
 * that CA. Plain Node: the desktop's main process and the tests use it alike.
 */
export interface ServerIdentity {
  /** The server's origin, https://host:port. */
  url: string
  /** PEM of the store CA (certs/ca.crt on the server). */
  caCert: string
  /** SHA-256 of the CA as AB:CD:…, the form the server prints. */
  caFingerprint: string
}

export const CERT_CHANGED =
  '服务器证书已变更，与首次连接时确认的指纹不一致，已拒绝连接。如服务器重新安装过证书，请在 设置 → 连接 中重新确认。'

/** Why the desk could not reach the server, in words for store staff. */
export class ConnectionError extends Error {
  constructor(
    readonly kind: 'url' | 'unreachable' | 'certificate' | 'protocol',
    message: string,
  ) {
    super(message)
    this.name = 'ConnectionError'
  }
}

/** The origin of what the user typed; only https:// is accepted (passwords cross the LAN). */
export function serverOrigin(text: string): string {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    throw new ConnectionError('url', '门店服务器地址不正确，例如：https://192.168.1.20:8443')
  }
  if (url.protocol !== 'https:') {
    throw new ConnectionError('url', '门店服务器地址须以 https:// 开头：只允许加密连接')
  }
  if (url.username || url.password) throw new ConnectionError('url', '门店服务器地址中不能包含用户名或密码')
  return url.origin
}

export const fingerprintOf = (pemOrDer: string | Buffer) => new X509Certificate(pemOrDer).fingerprint256

/** The top of the chain the server presented (its own CA: the server sends leaf and CA). */
export function rootOf(peer: PeerCertificate): DetailedPeerCertificate | null {
  let c = peer as DetailedPeerCertificate
  if (!c?.raw) return null
  for (let i = 0; i < 10; i++) {
    const up = c.issuerCertificate
    if (!up || up === c || up.fingerprint256 === c.fingerprint256) return c
    c = up
  }
  return c
}

const pemOf = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END CERTIFICATE-----\n`

/** Host and port to connect to, and the name TLS checks (URL keeps IPv6 in brackets). */
export function endpointOf(origin: string): { host: string; port: number; servername?: string } {
  const u = new URL(origin)
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const ip = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')
  return { host, port: Number(u.port || 443), servername: ip ? undefined : host }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
])
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
])

/** A socket or TLS failure as a ConnectionError with a message a clerk can act on. */
export function connectionErrorOf(e: unknown, origin: string): ConnectionError {
  if (e instanceof ConnectionError) return e
  const err = e as NodeJS.ErrnoException
  const code = err?.code ?? ''
  if (err?.message === CERT_CHANGED || UNTRUSTED.has(code)) return new ConnectionError('certificate', CERT_CHANGED)
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ConnectionError(
      'certificate',
      `服务器证书不包含地址 ${new URL(origin).host}，已拒绝连接。请使用门店服务器启动时显示的地址之一。`,
    )
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new ConnectionError(
      'certificate',
      '服务器证书已过期或尚未生效，已拒绝连接。请检查两台电脑的日期，或重启门店服务器。',
    )
  }
  if (UNREACHABLE.has(code) || code === 'ETIMEOUT') {
    return new ConnectionError(
      'unreachable',
      `无法连接门店服务器 ${origin}：请检查地址与网络，并确认服务器电脑已开机且门店服务器正在运行。`,
    )
  }
  if (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL') ||
    /wrong version number|packet length/i.test(err?.message ?? '')
  ) {
    return new ConnectionError('protocol', `${origin} 不是加密的门店服务器（HTTPS）：请核对地址和端口。`)
  }
  return new ConnectionError('unreachable', `无法连接门店服务器 ${origin}：${err?.message ?? String(e)}`)
}

/** Verifies a connection against the pinned CA: hostname as usual, and the chain's root by fingerprint. */
export function pinnedIdentityCheck(caFingerprint: string) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const wrongName = checkServerIdentity(host, cert)
    if (wrongName) return wrongName
    const root = rootOf(cert)
    if (!root || root.fingerprint256 !== caFingerprint) return new Error(CERT_CHANGED)
    return undefined
  }
}

/**
 * First contact: a TLS handshake only, trusting nothing, to read the CA the server presents.
 * No HTTP request is made, so nothing (no password, no cookie) is sent before the user confirms.
 */
export function probeServer(text: string, timeoutMs = 8000): Promise<ServerIdentity> {
  const url = serverOrigin(text)
  const { host, port, servername } = endpointOf(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername, rejectUnauthorized: false })
    socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
    socket.once('error', (e) => reject(connectionErrorOf(e, url)))
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true)
      socket.end()
      const root = rootOf(peer)
      const ca = root && root !== peer ? new X509Certificate(root.raw) : null
      if (!ca || !ca.ca || !new X509Certificate(peer.raw).checkIssued(ca)) {
        return reject(
          new ConnectionError('protocol', `${url} 没有出示门店证书颁发机构（ca.crt）：这不是 VIP 会员管家门店服务器。`),
        )
      }
      // The name is checked now too, so a wrong address is said at once rather than after pinning.
      const wrongName = checkServerIdentity(servername ?? host, peer)
      if (wrongName) return reject(connectionErrorOf(wrongName, url))
      resolve({ url, caCert: pemOf(ca.raw), caFingerprint: ca.fingerprint256 })
    })
  })
}
