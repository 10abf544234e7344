import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'

import {
  SHARE_HEIGHT,
  SHARE_WIDTH,
  prepareShareImages,
  shareDigest,
  shareFontFile,
  shareImage,
  type ShareCard,
} from '../../site/share/shareImage.ts'

/** Share images: drawn with a Chinese font, cached under the digest of what they show. */
const card: ShareCard = {
  kind: '会议通知',
  title: '关于召开2026年第四季度居民代表会议的通知',
  community: '示例居委会',
  date: '2026年11月28日（星期六）14:00',
  badge: '示例',
  site: '居民自治信息网',
}
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'share-images-'))
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

/** How much of a band of the image is ink (dark pixels), 0–1. */
async function ink(png: Buffer, top: number, height: number): Promise<number> {
  const { data } = await sharp(png)
    .extract({ left: 0, top, width: SHARE_WIDTH, height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return data.filter((v) => v < 100).length / data.length
}

describe('share images', () => {
  it('the machine has a Chinese font for them (Debian: fonts-noto-cjk)', () => {
    expect(shareFontFile(), 'install fonts-noto-cjk or set SHARE_FONT_FILE').not.toBeNull()
  })

  it('are 1200×630 PNGs with the title drawn large across the middle', async () => {
    const png = (await shareImage(card, cacheDir))!
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', SHARE_WIDTH, SHARE_HEIGHT])
    expect(await ink(png, 170, 300)).toBeGreaterThan(0.05)
    const other = (await shareImage({ ...card, title: '社区居民议事会' }, cacheDir))!
    expect(Buffer.compare(png, other)).not.toBe(0)
  })

  it('are made once: the same card again is read from the cache, a changed one is made anew', async () => {
    const first = readdirSync(cacheDir).sort()
    const file = path.join(cacheDir, `${shareDigest(card)}.png`)
    expect(first).toContain(path.basename(file))
    const made = statSync(file).mtimeMs
    await shareImage(card, cacheDir)
    expect(statSync(file).mtimeMs).toBe(made)
    expect(readdirSync(cacheDir).sort()).toEqual(first)
    await shareImage({ ...card, date: '2026年11月29日（星期日）14:00' }, cacheDir)
    expect(readdirSync(cacheDir)).toHaveLength(first.length + 1)
  })

  it('drawn ahead a few at a time: each card once, and none again on the next build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'share-images-'))
    const cards = ['一', '二', '三', '四', '五'].map((n) => ({
      ...card,
      title: `第${n}次居民会议`,
    }))
    await prepareShareImages([...cards, cards[0]], dir, 2)
    const files = readdirSync(dir).sort()
    expect(files).toEqual(cards.map((c) => `${shareDigest(c)}.png`).sort())
    const times = files.map((f) => statSync(path.join(dir, f)).mtimeMs)
    await prepareShareImages(cards, dir, 2)
    expect(
      readdirSync(dir)
        .sort()
        .map((f) => statSync(path.join(dir, f)).mtimeMs),
    ).toEqual(times)
    rmSync(dir, { recursive: true, force: true })
  })

  it('the digest follows every field the image shows', () => {
    const digest = shareDigest(card)
    for (const change of [
      { kind: '通知' },
      { title: '另一个标题' },
      { community: '宝通家园居委会' },
      { date: '2026年12月1日' },
      { badge: null },
      { site: '另一个网站' },
    ])
      expect(shareDigest({ ...card, ...change }), JSON.stringify(change)).not.toBe(digest)
    expect(shareDigest({ ...card })).toBe(digest)
  })
})
