/**
 * Imported first by build.ts, before the CMS: Astro renders the search island with React's production
 * server build, and React itself must then be its production build too. Node keeps whichever build is
 * loaded first, and the CMS config (which imports React) would otherwise load the development one.
 * Production mode refuses to invent a secret, so the local one is handed over before switching.
 */
import { payloadSecret } from '../../cms/secret.ts'

process.env.PAYLOAD_SECRET ||= payloadSecret()
Object.assign(process.env, { NODE_ENV: 'production' })
