/**
 * Code 128 barcodes for printed vouchers, drawn as inline SVG so Chromium's PDF keeps them as
 * vector bars (crisp on any printer) and the number under them stays selectable text. A voucher
 * number is 12 digits, which Code set C packs two to a symbol: short enough for an 80 mm slip.
 */

/**
 * Bar/space widths (in modules) of symbols 0–105 and the stop symbol (106), from the Code 128
 * symbology (ISO/IEC 15417, table 1). Each symbol is 11 modules (the stop 13) with bars first.
 */
export const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
] // prettier-ignore

export const START_B = 104
export const START_C = 105
export const STOP = 106

/**
 * The symbol values for `text`: Start, data, check symbol, Stop. Digits of even length use set C
 * (two digits a symbol); anything else printable ASCII uses set B.
 */
export function code128Symbols(text: string): number[] {
  let values: number[]
  if (text.length > 0 && text.length % 2 === 0 && /^\d+$/.test(text)) {
    values = [START_C]
    for (let i = 0; i < text.length; i += 2) values.push(Number(text.slice(i, i + 2)))
  } else {
    if (!/^[\x20-\x7e]+$/.test(text)) throw new Error('Code 128 条码只能是英文字母、数字和常用符号')
    values = [START_B, ...[...text].map((c) => c.charCodeAt(0) - 32)]
  }
  // The check symbol: the start's value plus each data symbol times its position, modulo 103.
  const sum = values.reduce((s, v, i) => s + v * Math.max(i, 1), 0)
  return [...values, sum % 103, STOP]
}

/** The widths of bars and spaces, alternating and starting with a bar, in modules. */
export const code128Widths = (text: string): number[] =>
  code128Symbols(text).flatMap((v) => [...PATTERNS[v]!].map(Number))

export interface BarcodeSize {
  /** One module's width in mm (0.33 mm reads well on receipt printers) */
  moduleMm?: number
  heightMm?: number
}

/** The barcode as an SVG element sized in mm, with the 10-module quiet zone on each side. */
export function code128Svg(text: string, size: BarcodeSize = {}): string {
  const moduleMm = size.moduleMm ?? 0.33
  const heightMm = size.heightMm ?? 12
  const quiet = 10
  let x = quiet
  const bars: string[] = []
  code128Widths(text).forEach((w, i) => {
    if (i % 2 === 0) bars.push(`M${x} 0h${w}v1h-${w}z`)
    x += w
  })
  const total = x + quiet
  // One path in module units stretched to the size: no rounding between bars, so none drifts.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" role="img" aria-label="条码 ${text}" ` +
    `width="${(total * moduleMm).toFixed(2)}mm" height="${heightMm}mm" viewBox="0 0 ${total} 1" ` +
    `preserveAspectRatio="none" shape-rendering="crispEdges"><path d="${bars.join('')}" fill="#000"/></svg>`
  )
}
