/**
 * QR codes for the printed notice board (一告一码): made at build time by `qrcode` as inline SVG, so
 * the printed page needs no image file and no script, and prints sharp at any size. Medium error
 * correction survives a crease or a pin through the paper; the four-module quiet zone is the
 * standard's, so phone cameras find the code on a busy board.
 */
import QRCode from 'qrcode'

import { escapeHtml } from '../search/text.ts'

export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" `)
}
