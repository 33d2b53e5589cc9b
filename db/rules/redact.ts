import { maskIdNumber } from './idNumber'
import { maskPhone } from './phone'

/**
 * Masks anything that looks like a mobile or resident ID number. Error text can quote a value
 * (a driver error, a file name), and error output ends up in scheduled jobs' logs.
 */
export function redact(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (id) => maskIdNumber(id) ?? '')
    .replace(/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, (id) => maskIdNumber(id) ?? '')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (p) => maskPhone(p) ?? '')
}
