import type { GeneratePreviewURL } from 'payload'

/**
 * The admin's 预览 button: opens the draft rendered by the public site's own page templates, through
 * the preview endpoint `npm start` serves (site/cli/preview.ts). The staff member's login token
 * travels with the link, so the preview shows only what that person may read.
 */
export const previewUrl =
  (collection: string): GeneratePreviewURL =>
  (doc, { token }) => {
    const site = process.env.SITE_URL
    if (!site || !token || !doc?.id) return null
    return `${site.replace(/\/$/, '')}/_preview/${collection}/${encodeURIComponent(String(doc.id))}?token=${encodeURIComponent(token)}`
  }
