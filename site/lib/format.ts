/** Money as committee finance tables print it: ¥1,234.50 */
export const formatYuan = (amount: number) =>
  `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** Plain amount for CSV (no currency sign, no thousands separator). */
export const plainYuan = (amount: number) => amount.toFixed(2)

export const formatNumber = (n: number) => n.toLocaleString('zh-CN')

export const formatFileSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`
