import { AMOUNT, numberProblem } from '../../fields/number.ts'

const MESSAGES = {
  notANumber: '金额必须是数字。',
  notWhole: '金额必须是数字。',
  belowMin: '金额不能为负数；支出请选择“支出”方向。',
  aboveMax: '金额过大，请核对。',
  tooManyDecimals: '金额最多保留两位小数（分）。',
}

/** A finance amount keeps the AMOUNT rule; its messages speak of money. */
export function validateAmount(value: unknown): true | string {
  const problem = numberProblem(value, AMOUNT)
  return problem ? MESSAGES[problem.kind] : true
}
