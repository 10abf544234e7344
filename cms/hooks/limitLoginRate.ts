import {
  APIError,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type Plugin,
} from 'payload'

/**
 * Per-address limits on logging in and on asking for a password-reset e-mail, beside Payload's
 * per-account lockout: one address may fail to log in LOGIN_RATE_LIMIT times (default 20) and ask
 * for PASSWORD_RESET_RATE_LIMIT reset e-mails (default 5) per RATE_LIMIT_WINDOW_MINUTES (15),
 * whichever accounts it tries. Successful logins do not count. Covers every way in (REST, GraphQL,
 * the admin), since all of them run Payload's login and forgot-password operations.
 *
 * The address is read from X-Forwarded-For, which Next.js fills with the connection's address when
 * a request arrives without one. Behind reverse proxies, TRUSTED_PROXIES says how many of them
 * append to it (the address is taken that many entries from the right); exposed directly, a client
 * could claim any address, so production runs behind a proxy that sets the header (README).
 * Counts are kept in the memory of each CMS process.
 */

type Kind = 'login' | 'reset'
type Count = { count: number; resetAt: number }

const counts = new Map<string, Count>()
const minutes = () => Number(process.env.RATE_LIMIT_WINDOW_MINUTES || 15)
const LIMITS: Record<Kind, () => number> = {
  login: () => Number(process.env.LOGIN_RATE_LIMIT || 20),
  reset: () => Number(process.env.PASSWORD_RESET_RATE_LIMIT || 5),
}
const MESSAGES: Record<Kind, string> = {
  login: '这个网络地址登录失败的次数过多，请 {m} 分钟后再试。',
  reset: '这个网络地址申请重设密码的次数过多，请 {m} 分钟后再试。',
}

/** The client's address as the nearest trusted proxy (or Next.js itself) saw it; null off HTTP. */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (forwarded.length === 0) return null
  const hops = Math.max(1, Number(process.env.TRUSTED_PROXIES || 0))
  return forwarded[Math.max(0, forwarded.length - hops)]!
}

function take(kind: Kind, address: string) {
  const now = Date.now()
  if (counts.size > 10_000)
    for (const [key, entry] of counts) if (entry.resetAt <= now) counts.delete(key)
  const key = `${kind}:${address}`
  let entry = counts.get(key)
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + minutes() * 60_000 }
    counts.set(key, entry)
  }
  if (entry.count >= LIMITS[kind]()) {
    const left = Math.max(1, Math.ceil((entry.resetAt - now) / 60_000))
    throw new APIError(MESSAGES[kind].replace('{m}', String(left)), 429, undefined, true)
  }
  entry.count += 1
}

const before: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const address = clientAddress(req.headers)
  if (!address) return args // the Local API: no client to limit
  if (operation === 'login') take('login', address)
  if (operation === 'forgotPassword') take('reset', address)
  return args
}

/** A login that succeeded was not a failed attempt. */
const after: CollectionAfterOperationHook = ({ operation, req, result }) => {
  const address = clientAddress(req.headers)
  if (operation !== 'login' || !address) return result
  const entry = counts.get(`login:${address}`)
  if (entry && entry.count > 0) entry.count -= 1
  return result
}

/** Adds the limits to the collection staff log in with. */
export const limitLoginRate: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === config.admin?.user
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            beforeOperation: [before, ...(collection.hooks?.beforeOperation ?? [])],
            afterOperation: [...(collection.hooks?.afterOperation ?? []), after],
          },
        }
      : collection,
  ),
})
