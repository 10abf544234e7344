import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { adminOrSelf } from '../../access/adminOrSelf.ts'
import { isAdmin, isLoggedIn } from '../../access/roles.ts'
import { assertAdminOnlyFields } from '../../hooks/assertAdminOnlyFields.ts'
import { roleOptions } from '../../labels.ts'

const minutes = (n: number) => n * 60 * 1000

/** The first account created on an empty database (the admin's "create first user") is an admin. */
const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}

const adminOnlyField = { update: isAdmin, create: isAdmin }

/**
 * Staff accounts. Editors edit their communities; street supervisors all communities of their
 * streets; admins everything. Role and scope are set by an admin only.
 */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'communities'],
    group: '系统',
  },
  auth: {
    // Stateless login tokens. Payload's server-side sessions are kept in the user document, and a
    // login or token refresh made at the same moment as another (the same editor on a phone and a
    // computer) could overwrite the other's session, after which that device's valid saves were
    // refused with 403. Without them, any CMS instance behind a load balancer can check a token
    // on its own. The price: logging out clears the login cookie, but a token copied elsewhere
    // keeps working until it expires, so tokens are short-lived (the admin renews them while
    // staff are active); README "Logins" says what to do about a lost device.
    useSessions: false,
    tokenExpiration: Number(process.env.AUTH_TOKEN_EXPIRATION_SECONDS ?? 60 * 60),
    maxLoginAttempts: Number(process.env.AUTH_MAX_LOGIN_ATTEMPTS ?? 5),
    lockTime: minutes(Number(process.env.AUTH_LOCK_MINUTES ?? 15)),
    cookies: {
      secure: process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false',
      sameSite: 'Lax',
    },
  },
  access: {
    admin: isLoggedIn,
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [assertAdminOnlyFields(['role', 'communities', 'streets'])],
    beforeChange: [makeFirstUserAdmin],
  },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true },
    {
      name: 'role',
      label: '角色',
      type: 'select',
      options: roleOptions,
      required: true,
      defaultValue: 'editor',
      access: adminOnlyField,
      saveToJWT: true,
      // Hidden on the "create first user" screen (nobody is logged in yet): that account is the admin.
      admin: { condition: (_data, _sibling, { user }) => Boolean(user) },
    },
    {
      name: 'communities',
      label: '负责的居委会',
      type: 'relationship',
      relationTo: 'communities',
      hasMany: true,
      access: adminOnlyField,
      saveToJWT: true,
      admin: {
        condition: (data, _sibling, { user }) => Boolean(user) && data?.role === 'editor',
        description: '居委会编辑只能编辑这些居委会的内容。',
      },
    },
    {
      name: 'streets',
      label: '督导的街道/镇',
      type: 'relationship',
      relationTo: 'streets',
      hasMany: true,
      access: adminOnlyField,
      saveToJWT: true,
      admin: {
        condition: (data, _sibling, { user }) => Boolean(user) && data?.role === 'supervisor',
        description: '街道督导员可编辑并审核这些街道/镇下所有居委会的内容。',
      },
    },
  ],
}
