import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { qrSvg } from '../../site/print/qrCode.ts'
import { decodeQr } from '../helpers/qr.ts'

describe('QR codes for the notice board', () => {
  it('an inline SVG that decodes back to the URL, labelled for screen readers', async () => {
    const url = 'https://example.org/shequ/shili/tongzhi/2026-q4-juminhuiyi/'
    const svg = await qrSvg(url, '本页网址的二维码 <示例>')
    expect(svg).toMatch(/^<svg class="qr" role="img" aria-label="本页网址的二维码 &lt;示例&gt;" /)
    expect(await decodeQr(await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer())).toBe(
      url,
    )
  })
})
