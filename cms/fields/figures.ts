import type { ArrayField } from 'payload'

/** Key figures quoted by a case or project: label, number, unit and the period they refer to. */
export const figuresField: ArrayField = {
  name: 'figures',
  label: '关键数据',
  labels: { singular: '数据', plural: '数据' },
  type: 'array',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'label', label: '指标', type: 'text', required: true },
        { name: 'value', label: '数值', type: 'number', required: true },
        { name: 'unit', label: '单位', type: 'text' },
        { name: 'period', label: '时间', type: 'text' },
      ],
    },
  ],
}
