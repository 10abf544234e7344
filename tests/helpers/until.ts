/**
 * Polls `check` until it returns something truthy, and returns that; after `ms` it fails with what
 * did not happen and `detail()` (a server's log, say).
 */
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  {
    ms = 300_000,
    every = 250,
    detail = () => '',
  }: { ms?: number; every?: number; detail?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen in ${ms / 1000} s\n${detail()}`)
    await new Promise((resolve) => setTimeout(resolve, every))
  }
}
