/** Largest amount one line may carry (¥10 billion): anything above is a typing error. */
const MAX_AMOUNT = 10_000_000_000

/** A finance amount: a finite, non-negative number of yuan with at most two decimals (fen). */
export function validateAmount(value: unknown): true | string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '金额必须是数字。'
  if (value < 0) return '金额不能为负数；支出请选择“支出”方向。'
  if (value > MAX_AMOUNT) return '金额过大，请核对。'
  // Compare as printed to two decimals: exact for any magnitude, unlike a tolerance on value * 100.
  if (Number(value.toFixed(2)) !== value) return '金额最多保留两位小数（分）。'
  return true
}
