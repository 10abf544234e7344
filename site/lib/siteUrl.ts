/** The public site's address: canonical URLs, feeds and the sitemap are made from it. */
export const siteUrl = process.env.SITE_URL || 'http://localhost:4321'
