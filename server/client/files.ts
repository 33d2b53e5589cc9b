import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { CallName } from '../contract/contract'
import { StoreClient, transport, type DownloadRef, type ServerEnvelope } from './storeClient'

/**
 * Calls that open or save files, seen from a desk: the server cannot show a dialog on this screen,
 * so the desk picks the file and uploads it before the call, and fetches the files a reply lists
 * after it. The dialogs and the system viewer are the host's (Electron's) and come in as `ui`.
 */
export interface FileUi {
  /** The open dialog; `extensions` without dots. Null: cancelled. */
  pickOpen(extensions: readonly string[]): Promise<string | null>
  /** The save dialog with `name` proposed. Null: cancelled. */
  pickSave(name: string): Promise<string | null>
  /** Shows a file with the system's viewer (a PDF). */
  openFile(file: string): Promise<void>
  /** Where inline files are put to be shown. */
  tempDir: string
}

/** The contract may mark calls that open a file (`opens: ['xlsx', 'csv']`); older contracts do not. */
export function opensOf(spec: unknown): readonly string[] | undefined {
  const opens = (spec as { opens?: unknown } | null)?.opens
  return Array.isArray(opens) && opens.every((x) => typeof x === 'string') ? (opens as string[]) : undefined
}

/**
 * One call with its files: the chosen file uploaded first (a cancelled dialog makes the call
 * without one, and the server answers as for a cancelled dialog), the reply's downloads after.
 */
export async function callWithFiles(
  client: StoreClient,
  name: CallName,
  input: unknown,
  opens: readonly string[] | undefined,
  ui: FileUi,
): Promise<ServerEnvelope> {
  let upload: string | undefined
  if (opens) {
    const file = await ui.pickOpen(opens)
    if (file) {
      try {
        upload = await client.upload(file, basename(file))
      } catch (e) {
        return transport(`文件上传失败：${(e as Error).message}`)
      }
    }
  }
  const envelope = await client.call(name, input, { upload })
  if (!envelope.ok || !envelope.downloads?.length) return envelope
  try {
    await receiveDownloads(client, envelope.downloads, ui)
  } catch (e) {
    return transport(`文件下载失败：${(e as Error).message}`)
  }
  return envelope
}

/** Inline files (PDFs) open in the system viewer; the others are saved where the user says. */
export async function receiveDownloads(
  client: StoreClient,
  downloads: readonly DownloadRef[],
  ui: FileUi,
): Promise<void> {
  for (const d of downloads) {
    const name = safeName(d.name)
    if (d.inline) {
      const dir = join(ui.tempDir, `vipdesk-${randomBytes(6).toString('hex')}`)
      mkdirSync(dir, { recursive: true })
      const file = join(dir, name)
      await client.download(d.id, file)
      await ui.openFile(file)
    } else {
      const target = await ui.pickSave(name)
      if (target) await client.download(d.id, target)
    }
  }
}

/** A name from the server used as a file name here: no folders, no characters Windows refuses. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '')
  return clean || 'download'
}
