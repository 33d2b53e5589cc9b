// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata'
import { createHash, webcrypto, X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as x509 from '@peculiar/x509'

/**
 * The store's own certificate authority and the server's certificate (certs/ beside the
 * database). Passwords and personal data cross the LAN, so the server speaks HTTPS only; a desk
 * trusts the store CA once and every later server certificate (new IP address, renewal) is
 * trusted with it. The CA is made once and never replaced: replacing it would make every desk
 * distrust the server.
 */
export interface StoreCertificates {
  /** PEM of the CA certificate (certs/ca.crt): what desks install as a trusted root. */
  caCert: string
  /** SHA-256 fingerprint of the CA certificate, as AB:CD:…, shown on first connection and pinned. */
  caFingerprint: string
  /** PEM of the server's certificate and its private key. */
  cert: string
  key: string
  /** The names and addresses the server certificate covers. */
  names: string[]
}

const CA_CERT = 'ca.crt'
const CA_KEY = 'ca.key'
const SERVER_CERT = 'server.crt'
const SERVER_KEY = 'server.key'
const DAY = 86_400_000
/** A server certificate is renewed once it has less than this left (at start-up). */
const RENEW_BEFORE = 30 * DAY
/** Browsers refuse server certificates valid for longer than 398 days. */
const SERVER_VALID = 397 * DAY
const CA_VALID = 20 * 365 * DAY

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const

type Key = webcrypto.CryptoKey
type KeyPair = webcrypto.CryptoKeyPair

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256
}

/** Makes what is missing (the CA once; the server certificate when absent, expiring or not covering `names`) and returns it all. */
export async function ensureStoreCertificates(
  dir: string,
  names: string[],
  now = new Date(),
  storeName = 'VIP 会员管家',
): Promise<StoreCertificates> {
  mkdirSync(dir, { recursive: true })
  const ca = existsSync(join(dir, CA_CERT)) ? readCa(dir) : await makeCa(dir, now, storeName)
  let cert = existsSync(join(dir, SERVER_CERT)) ? readFileSync(join(dir, SERVER_CERT), 'utf8') : ''
  let key = existsSync(join(dir, SERVER_KEY)) ? readFileSync(join(dir, SERVER_KEY), 'utf8') : ''
  if (!cert || !key || !stillGood(cert, ca.cert, names, now)) {
    ;({ cert, key } = await makeServerCert(dir, ca, names, now))
  }
  return { caCert: ca.cert, caFingerprint: fingerprintOf(ca.cert), cert, key, names }
}

interface Ca {
  cert: string
  key: string
}

function readCa(dir: string): Ca {
  const cert = readFileSync(join(dir, CA_CERT), 'utf8')
  if (!existsSync(join(dir, CA_KEY))) {
    throw new Error(
      `证书文件夹 ${dir} 中有 ca.crt 但缺少 ca.key：请找回原来的 ca.key，不要删除 ca.crt（删除会使所有柜台不再信任服务器）`,
    )
  }
  return { cert, key: readFileSync(join(dir, CA_KEY), 'utf8') }
}

function stillGood(certPem: string, caPem: string, names: string[], now: Date): boolean {
  try {
    const cert = new X509Certificate(certPem)
    if (!cert.verify(new X509Certificate(caPem).publicKey)) return false
    if (Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE) return false
    const covered = new Set((cert.subjectAltName ?? '').split(', ').map((s) => s.replace(/^(DNS|IP Address):/, '')))
    return names.every((n) => covered.has(n))
  } catch {
    return false
  }
}

async function makeCa(dir: string, now: Date, storeName: string): Promise<Ca> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as KeyPair
  const subject = `CN=${escapeDn(`${storeName} 门店证书颁发机构`)}, O=vipdesk`
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_VALID),
    keys: keys as never,
    signingAlgorithm: SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  })
  const ca = { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) }
  // The key first: a ca.crt without its key would stop the next start (see readCa).
  writeSecret(join(dir, CA_KEY), ca.key)
  writePublic(join(dir, CA_CERT), ca.cert)
  return ca
}

async function makeServerCert(dir: string, ca: Ca, names: string[], now: Date): Promise<{ cert: string; key: string }> {
  const caCert = new x509.X509Certificate(ca.cert)
  const caKey = await webcrypto.subtle.importKey('pkcs8', pemBody(ca.key), EC, false, ['sign'])
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as KeyPair
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${escapeDn(names[0] ?? 'localhost')}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + SERVER_VALID),
    publicKey: keys.publicKey as never,
    signingKey: caKey as never,
    signingAlgorithm: SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => ({ type: isIp(n) ? ('ip' as const) : ('dns' as const), value: n })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
    ],
  })
  const out = { cert: `${cert.toString('pem')}\n${ca.cert}`, key: await keyPem(keys.privateKey) }
  writeSecret(join(dir, SERVER_KEY), out.key)
  writePublic(join(dir, SERVER_CERT), out.cert)
  return out
}

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':')
const escapeDn = (s: string) => s.replace(/([,+"\\<>;=])/g, '\\$1')
const serial = () =>
  `01${createHash('sha256')
    .update(webcrypto.getRandomValues(new Uint8Array(16)))
    .digest('hex')
    .slice(0, 30)}`

async function keyPem(key: Key): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key))
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END PRIVATE KEY-----\n`
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
}

/** Written whole or not at all: a half-written key would lock every desk out. */
function writeAtomically(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text, { mode })
  chmodSync(tmp, mode)
  renameSync(tmp, file)
}

const writeSecret = (file: string, text: string) => writeAtomically(file, text, 0o600)
const writePublic = (file: string, text: string) => writeAtomically(file, text, 0o644)
