import jsqr from 'jsqr'
import sharp from 'sharp'

/** Reads the QR code in an image back, as a phone camera would; null when there is none. */
export async function decodeQr(image: Buffer | string): Promise<string | null> {
  const { data, info } = await sharp(image)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  // jsqr is CommonJS whose types declare a default export: under NodeNext that is `.default`.
  return jsqr.default(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}
