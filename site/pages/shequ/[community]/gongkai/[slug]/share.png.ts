/** A disclosure's share image (og:image), from the cache when its card has not changed. */
import type { APIRoute, GetStaticPaths } from 'astro'

import type { Community, Disclosure } from '../../../../../lib/content.ts'
import { disclosureCard, shareCacheDir, shareImagesAvailable } from '../../../../../share/cards.ts'
import { prepareShareImages, shareImage } from '../../../../../share/shareImage.ts'
import { keyed } from '../../../../../lib/cacheKey.ts'
import { communityContexts } from '../../../_community.ts'

export const getStaticPaths = (async () => {
  if (!shareImagesAvailable()) return []
  const paths = (await communityContexts()).flatMap((ctx) =>
    ctx.disclosures.map((disclosure) => ({
      params: { community: ctx.community.id, slug: disclosure.id },
      props: { disclosure, community: ctx.community },
    })),
  )
  // Drawn ahead, several at a time, while the images are written one by one below.
  prepareShareImages(
    paths.map(({ props }) => disclosureCard(props.disclosure, props.community)),
    shareCacheDir,
  ).catch((error) => console.error(error))
  // The card is everything the image shows.
  return keyed(paths, ({ props }) => disclosureCard(props.disclosure, props.community))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { disclosure, community } = props as { disclosure: Disclosure; community: Community }
  const png = await shareImage(disclosureCard(disclosure, community), shareCacheDir)
  return new Response(png && new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } })
}
