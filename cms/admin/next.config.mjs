import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Sent with every admin page and API answer. The admin is a Next.js app whose pages carry inline
 * scripts Next writes itself, so its policy restricts what can be restricted without breaking it
 * (framing, plugins, base URL, form targets); the public site's policy is the strict one
 * (site/cli/securityHeaders.ts). HSTS belongs to the proxy that terminates HTTPS (README).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
  },
]

/** The Payload admin and its REST/GraphQL API, served by Next.js from this folder. */
const nextConfig = {
  // The CMS code lives beside this app (../), written with explicit .ts import extensions.
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks the whole repository instead.
  poweredByHeader: false,
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
