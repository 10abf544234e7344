import { withPayload } from '@payloadcms/next/withPayload'

/** The Payload admin and its REST/GraphQL API, served by Next.js from this folder. */
const nextConfig = {
  // The CMS code lives beside this app (../), written with explicit .ts import extensions.
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks the whole repository instead.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
