/**
 * Staff accounts travel in a backup with their password hashes (Payload's salted PBKDF2), so after
 * a restore everyone logs in as before and nobody has to be re-invited by e-mail. That makes an
 * archive as secret as the database itself (README "Backup and restore"). Scopes are written as
 * community and street slugs, like every other reference in the content/ format. Lockout counters
 * are not carried.
 */
import type { Payload, PayloadRequest } from 'payload'

export const STAFF_FILE = 'staff.json'

export type StaffAccount = {
  email: string
  name: string
  role: string
  communities: string[]
  streets: string[]
  hash: string
  salt: string
}

type Row = Record<string, unknown> & { id: string | number }

async function slugsById(payload: Payload, collection: 'communities' | 'streets') {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { slug: true },
  })
  return new Map(docs.map((doc) => [String(doc.id), String(doc.slug)]))
}

const idOf = (value: unknown) =>
  String(value && typeof value === 'object' && 'id' in value ? value.id : value)

export async function readStaff(payload: Payload): Promise<StaffAccount[]> {
  const slugs = {
    communities: await slugsById(payload, 'communities'),
    streets: await slugsById(payload, 'streets'),
  }
  const { docs } = await payload.find({
    collection: 'users',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
    sort: 'email',
  })
  return (docs as unknown as Row[]).map((user) => {
    const scope = (field: 'communities' | 'streets') =>
      ((user[field] as unknown[] | null) ?? []).map((ref) => {
        const slug = slugs[field].get(idOf(ref))
        if (!slug)
          throw new Error(`user ${String(user.email)}: ${field} #${idOf(ref)} does not exist`)
        return slug
      })
    return {
      email: String(user.email),
      name: String(user.name),
      role: String(user.role),
      communities: scope('communities'),
      streets: scope('streets'),
      hash: String(user.hash ?? ''),
      salt: String(user.salt ?? ''),
    }
  })
}

/** Writes the accounts as they were, hashes included (the database adapter, past the auth hooks). */
export async function writeStaff(
  payload: Payload,
  staff: StaffAccount[],
  req?: Partial<PayloadRequest>,
) {
  const ids = async (collection: 'communities' | 'streets') =>
    new Map([...(await slugsById(payload, collection))].map(([id, slug]) => [slug, id]))
  const communities = await ids('communities')
  const streets = await ids('streets')
  const resolve = (map: Map<string, string>, slug: string, email: string) => {
    const id = map.get(slug)
    if (id === undefined) throw new Error(`staff ${email}: "${slug}" is not in the archive`)
    return payload.db.defaultIDType === 'number' ? Number(id) : id
  }
  for (const account of staff) {
    await payload.db.create({
      collection: 'users',
      data: {
        ...account,
        communities: account.communities.map((slug) => resolve(communities, slug, account.email)),
        streets: account.streets.map((slug) => resolve(streets, slug, account.email)),
        loginAttempts: 0,
      },
      req,
    })
  }
}
