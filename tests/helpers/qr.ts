import jsQR from 'jsqr'
import sharp from 'sharp'

/** Reads the QR code in an image back, as a phone camera would; null when there is none. */
export async function decodeQr(image: Buffer | string): Promise<string | null> {
  const { data, info } = await sharp(image)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}
