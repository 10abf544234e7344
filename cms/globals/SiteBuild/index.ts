import type { GlobalConfig } from 'payload'

import { isAdmin, isLoggedIn } from '../../access/roles.ts'

export const SITE_BUILD_STATES = {
  idle: '已是最新',
  queued: '等待更新',
  building: '正在更新',
  failed: '更新失败',
}

/**
 * What a failed build says to staff, as the first paragraph of the status's error (the build's last
 * output follows it, for the administrator): why, that residents still see the last published site,
 * and what happens next.
 */
export const SITE_BUILD_FAILURES = {
  diskFull:
    '服务器磁盘空间不足，网站这次没有更新，居民看到的仍是上一次发布的内容。请系统管理员清理或扩充磁盘；系统会自动重试。',
  other:
    '网站生成出错，这次没有更新，居民看到的仍是上一次发布的内容。系统会自动重试；如持续失败请联系系统管理员。',
}

/**
 * The public site's publishing state, shared between the CMS (which asks for rebuilds when published
 * content changes) and the site builder run by `npm start` (which builds and reports back). The
 * database is the queue, so it works across processes and on either adapter.
 */
export const SiteBuild: GlobalConfig = {
  slug: 'site-build',
  label: '网站发布状态',
  admin: {
    group: '系统',
    description: '公开网站由系统在内容发布后自动更新，这里显示最近一次更新的情况。',
  },
  access: { read: isLoggedIn, update: isAdmin },
  fields: [
    {
      name: 'state',
      label: '状态',
      type: 'select',
      defaultValue: 'idle',
      options: Object.entries(SITE_BUILD_STATES).map(([value, label]) => ({ value, label })),
      admin: { readOnly: true },
    },
    {
      name: 'requestedAt',
      label: '最近一次更新请求',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'reason', label: '请求原因', type: 'text', admin: { readOnly: true } },
    {
      name: 'startedAt',
      label: '最近一次开始更新',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'finishedAt',
      label: '最近一次完成',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'succeededAt',
      label: '最近一次成功更新',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'durationMs', label: '用时（毫秒）', type: 'number', admin: { readOnly: true } },
    {
      name: 'failures',
      label: '连续失败次数',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true },
    },
    { name: 'error', label: '错误信息', type: 'textarea', admin: { readOnly: true } },
    // The build lock: one worker builds at a time, and renews its lease while it does; a lease
    // left to run out is a worker that died (cms/jobs/siteBuildLock.ts).
    { name: 'lockedBy', label: '正在更新的工作进程', type: 'text', admin: { readOnly: true } },
    {
      name: 'leaseUntil',
      label: '更新锁有效至',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'lockedJob', label: '正在执行的任务', type: 'text', admin: { readOnly: true } },
  ],
}
