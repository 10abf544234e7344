import type { AfterErrorHook } from 'payload'

/**
 * Payload words a REST error from its name, and the production build of the admin minifies
 * APIError's class name away, so every refusal our hooks throw (无权操作…, 文件过大…, a malformed
 * query) would reach the client as "An unknown error occurred." This puts the message back for
 * errors marked public; errors that are not public (500s) stay hidden as Payload intends.
 */
export const keepErrorMessages: AfterErrorHook = ({ error, result }) => {
  const { isPublic, status } = error as Error & { isPublic?: boolean; status?: number }
  const [first] = result?.errors ?? []
  if (!isPublic || !error.message || !first || first.message === error.message) return
  if (result!.errors.length !== 1 || 'data' in first) return
  return { response: { errors: [{ message: error.message }] }, status }
}
