/**
 * What the site fetches of related documents: enough to link to them (and, for media, to show
 * them). Shared by the content loader and the preview endpoint, so a preview sees the same shape.
 */
const linkFields = { slug: true, name: true, title: true } as const

export const populate = {
  communities: linkFields,
  streets: linkFields,
  districts: linkFields,
  sources: linkFields,
  'problem-categories': linkFields,
  mechanisms: linkFields,
  notices: linkFields,
  'brand-projects': linkFields,
  media: {
    filename: true,
    mimeType: true,
    filesize: true,
    width: true,
    height: true,
    alt: true,
    url: true,
  },
} as const
