import type { Field } from 'payload'

import { notInFiles } from './notInFiles.ts'

/** Shows what `checkPersonalData` found; `withConfirmation` adds the box that allows publishing anyway. */
export const personalDataFields = ({
  withConfirmation,
}: {
  withConfirmation: boolean
}): Field[] => [
  notInFiles({
    name: 'personalDataWarning',
    label: '个人信息提示',
    type: 'textarea',
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.personalDataWarning),
      description: '保存时自动检查身份证号、手机号和银行卡号。',
    },
  }),
  ...(withConfirmation
    ? [
        notInFiles({
          name: 'personalDataConfirmed',
          label: '确认可以公开上述个人信息',
          type: 'checkbox' as const,
          defaultValue: false,
          admin: {
            position: 'sidebar' as const,
            condition: (data: Record<string, unknown>) =>
              Boolean(data?.personalDataWarning || data?.personalDataConfirmed),
          },
        }),
      ]
    : []),
]
