/** A notice's share image (og:image), from the cache when its card has not changed. */
import type { APIRoute, GetStaticPaths } from 'astro'

import type { Community, Notice } from '../../../../../lib/content.ts'
import { noticeCard, shareCacheDir, shareImagesAvailable } from '../../../../../share/cards.ts'
import { prepareShareImages, shareImage } from '../../../../../share/shareImage.ts'
import { keyed } from '../../../../../lib/cacheKey.ts'
import { communityContexts } from '../../../_community.ts'

export const getStaticPaths = (async () => {
  if (!shareImagesAvailable()) return []
  const paths = (await communityContexts()).flatMap((ctx) =>
    ctx.notices.map((notice) => ({
      params: { community: ctx.community.id, slug: notice.id },
      props: { notice, community: ctx.community },
    })),
  )
  // Drawn ahead, several at a time, while the images are written one by one below.
  prepareShareImages(
    paths.map(({ props }) => noticeCard(props.notice, props.community)),
    shareCacheDir,
  ).catch((error) => console.error(error))
  // The card is everything the image shows.
  return keyed(paths, ({ props }) => noticeCard(props.notice, props.community))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { notice, community } = props as { notice: Notice; community: Community }
  const png = await shareImage(noticeCard(notice, community), shareCacheDir)
  return new Response(png && new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } })
}
