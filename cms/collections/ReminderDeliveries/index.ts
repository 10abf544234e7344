import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/roles.ts'

const nobody = () => false

/**
 * What the daily reminder job sent: one digest per editor per Beijing day, so a second run the same
 * day sends nothing again. Written only by the job (bypassing access); admins may read it to see
 * who was reminded of what.
 */
export const ReminderDeliveries: CollectionConfig = {
  slug: 'reminder-deliveries',
  labels: { singular: '提醒邮件记录', plural: '提醒邮件记录' },
  admin: {
    useAsTitle: 'day',
    defaultColumns: ['day', 'user', 'sentAt'],
    group: '系统',
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // Two job runners racing for the same editor and day: only one record, so only one e-mail.
  indexes: [{ fields: ['user', 'day'], unique: true }],
  fields: [
    { name: 'user', label: '收件人', type: 'relationship', relationTo: 'users', required: true },
    { name: 'day', label: '日期（北京时间）', type: 'text', required: true, index: true },
    { name: 'items', label: '提醒的事项', type: 'textarea' },
    { name: 'sentAt', label: '发送时间', type: 'date' },
  ],
}
