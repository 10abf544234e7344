/**
 * Short links for chat messages (/t/k3x9m2qa/ instead of /shequ/…/tongzhi/…/): a resident pasting a
 * notice into a WeChat group gets a link that fits on one line. The code is the start of the page
 * path's SHA-256 in Crockford's base 32 (no i, l, o, u), so it never changes while the page's address
 * stays the same, and needs no table kept anywhere. Eight characters (40 bits) make a clash unlikely
 * even at a million pages; should two paths still clash, the one that sorts later takes one more
 * character, so every code stays unique.
 */
import { createHash } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const LENGTH = 8

function base32(bytes: Buffer): string {
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  let out = ''
  for (let i = 0; i + 5 <= bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)]
  return out
}

const digest = (path: string) => base32(createHash('sha256').update(path).digest())

/** Every path's code: path → code, unique across the paths given. */
export function shortCodes(paths: string[]): Map<string, string> {
  const codes = new Map<string, string>()
  const taken = new Set<string>()
  for (const path of [...new Set(paths)].sort()) {
    const full = digest(path)
    let length = LENGTH
    while (taken.has(full.slice(0, length))) length += 1
    codes.set(path, full.slice(0, length))
    taken.add(full.slice(0, length))
  }
  return codes
}
