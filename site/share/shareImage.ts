/**
 * Share images (og:image, 1200×630) for notices, meetings and disclosures, so a link pasted into a
 * residents' WeChat group shows what it is: the kind, the title in large type, the committee and the
 * date. Rendered at build time with sharp: the text by Pango (which wraps Chinese properly and finds
 * the font through fontconfig), the frame as SVG.
 *
 * Rendering costs tens of milliseconds an image, so each is cached under the digest of exactly what it
 * shows (and of this renderer and its font): a rebuild renders only the images whose text changed.
 *
 * The font: a Noto Sans CJK / Source Han Sans file (Debian: fonts-noto-cjk), or SHARE_FONT_FILE. Without
 * one, Chinese would come out as empty boxes, so no image is made and pages carry none (the build says
 * so once).
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { escapeHtml } from '../search/text.ts'

export type ShareCard = {
  /** 会议通知, 居务公开 · 财务 … */
  kind: string
  title: string
  community: string
  /** As printed: 2026年11月28日（星期六）14:00 */
  date: string
  /** 示例 on the demo committee's cards: its content is fictional. */
  badge?: string | null
  site: string
}

export const SHARE_WIDTH = 1200
export const SHARE_HEIGHT = 630
export const SHARE_SIZE = { width: SHARE_WIDTH, height: SHARE_HEIGHT }
// Bumped whenever the layout changes, so cached images are made again.
const RENDERER = 'share-card-1'
const FONT_FAMILY = 'Noto Sans CJK SC'
const FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', // Debian, Ubuntu
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', // Fedora
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', // Arch
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
]

const MARGIN = 60
const TEXT_WIDTH = SHARE_WIDTH - 2 * MARGIN
const TITLE_TOP = 150
const TITLE_HEIGHT = 330
const TITLE_SIZES = [76, 66, 58, 50]
const ACCENT = '#0b5394'

const fontFiles = new Map<string, string | null>()
/**
 * The font file share images are drawn with, or null when the machine has none. Looked for once
 * per setting: every page with a share image asks, and a build has tens of thousands.
 */
export function shareFontFile(): string | null {
  const given = process.env.SHARE_FONT_FILE ?? ''
  if (!fontFiles.has(given))
    fontFiles.set(given, (given ? [given] : FONT_FILES).find((file) => existsSync(file)) ?? null)
  return fontFiles.get(given)!
}

/** The digest of everything an image shows: its cache key, and the ?v= of its URL. */
export function shareDigest(card: ShareCard, fontFile = shareFontFile()): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER, fontFile, card]))
    .digest('hex')
    .slice(0, 16)
}

// fontconfig loads a font file once per process; passing it again on every call costs more than
// drawing the text.
let loadedFont: string | null = null

async function text(markup: string, size: number, fontfile: string, width = TEXT_WIDTH) {
  const image = sharp({
    text: {
      text: markup,
      font: `${FONT_FAMILY} Bold ${size}`,
      fontfile: loadedFont === fontfile ? undefined : fontfile,
      width,
      wrap: 'word-char',
      spacing: Math.round(size * 0.15),
      rgba: true,
      dpi: 72,
    },
  })
  loadedFont = fontfile
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
  return { input: data, raw: { width: info.width, height: info.height, channels: 4 as const } }
}

const span = (color: string, value: string) =>
  `<span foreground="${color}">${escapeHtml(value)}</span>`

/** The title at the largest size that fits three lines; cut with … only if even the smallest does not. */
async function titleImage(title: string, fontfile: string) {
  for (const size of TITLE_SIZES) {
    const image = await text(span('#1a1a1a', title), size, fontfile)
    if (image.raw.height <= TITLE_HEIGHT) return image
  }
  let chars = [...title]
  for (;;) {
    chars = chars.slice(0, -2)
    const image = await text(span('#1a1a1a', `${chars.join('')}…`), TITLE_SIZES.at(-1)!, fontfile)
    if (image.raw.height <= TITLE_HEIGHT || chars.length < 4) return image
  }
}

export async function renderShareImage(card: ShareCard, fontfile: string): Promise<Buffer> {
  const frame = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}">
      <rect width="100%" height="100%" fill="#ffffff"/>
      <rect width="100%" height="96" fill="${ACCENT}"/>
      <rect y="${SHARE_HEIGHT - 130}" width="100%" height="130" fill="#f3f5f7"/>
      <rect y="${SHARE_HEIGHT - 132}" width="100%" height="2" fill="#c9ced4"/>
    </svg>`,
  )
  const [site, kind, title, community, date] = await Promise.all([
    text(span('#ffffff', card.site), 36, fontfile),
    text(span(ACCENT, card.badge ? `${card.kind}\u3000${card.badge}` : card.kind), 34, fontfile),
    titleImage(card.title, fontfile),
    text(span('#1a1a1a', card.community), 40, fontfile),
    text(span('#4a4a4a', card.date), 34, fontfile),
  ])
  return sharp(frame)
    .composite([
      { ...site, left: MARGIN, top: Math.round((96 - site.raw.height) / 2) },
      { ...kind, left: MARGIN, top: 118 },
      { ...title, left: MARGIN, top: TITLE_TOP + 24 },
      { ...community, left: MARGIN, top: SHARE_HEIGHT - 116 },
      { ...date, left: MARGIN, top: SHARE_HEIGHT - 62 },
    ])
    .png({ compressionLevel: 3 })
    .toBuffer()
}

const inFlight = new Map<string, Promise<Buffer>>()

/**
 * The image for a card, from the cache when it was made before: `<cacheDir>/<digest>.png`. Written
 * through a temporary file, so a build stopped half-way never leaves half an image to be reused.
 */
export async function shareImage(card: ShareCard, cacheDir: string): Promise<Buffer | null> {
  const fontfile = shareFontFile()
  if (!fontfile) return null
  const digest = shareDigest(card, fontfile)
  const file = path.join(cacheDir, `${digest}.png`)
  if (existsSync(file)) return readFileSync(file)
  if (!inFlight.has(digest))
    inFlight.set(
      digest,
      renderShareImage(card, fontfile)
        .then((png) => {
          mkdirSync(cacheDir, { recursive: true })
          const temporary = `${file}.${process.pid}.tmp`
          writeFileSync(temporary, png)
          renameSync(temporary, file)
          return png
        })
        .finally(() => inFlight.delete(digest)),
    )
  return inFlight.get(digest)!
}

/**
 * Starts drawing the cards not in the cache yet, a few at a time, while the build goes on rendering
 * pages: sharp draws on its own threads, so on a first build the images cost little extra time.
 * Resolves when all are drawn; `shareImage` for one of them waits for its drawing.
 */
export async function prepareShareImages(
  cards: ShareCard[],
  cacheDir: string,
  concurrency = availableParallelism(),
): Promise<void> {
  const fontfile = shareFontFile()
  if (!fontfile) return
  // One listing of the cache, not a look for each of the site's ten thousand images every build.
  const cached = new Set(existsSync(cacheDir) ? readdirSync(cacheDir) : [])
  const missing = cards.filter((card) => !cached.has(`${shareDigest(card, fontfile)}.png`))
  let next = 0
  const worker = async () => {
    while (next < missing.length) await shareImage(missing[next++], cacheDir)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker))
}
