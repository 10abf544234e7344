/**
 * Finds personal data that must not be published: mainland ID-card numbers (with a valid check
 * digit), mobile numbers and bank-card numbers (passing the Luhn check). Check digits keep ordinary
 * long numbers (amounts, dates, document numbers) from being flagged.
 */
export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card'

export type PersonalDataHit = { kind: PersonalDataKind; value: string; field: string }

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  'id-card': '身份证号',
  mobile: '手机号',
  'bank-card': '银行卡号',
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  if (month < 1 || month > 12 || day < 1 || day > 31) return false
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0)
  return ID_CHECK[sum % 11] === value[17].toUpperCase()
}

function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Digit runs, allowing the spaces and hyphens people type inside card and phone numbers. */
const CANDIDATES = /(?<![\dA-Za-z])(?:\+?86[ -]?)?\d[\d -]{9,22}[\dXx](?![\dA-Za-z])/g

export function findPersonalData(text: string, field = ''): PersonalDataHit[] {
  const hits: PersonalDataHit[] = []
  for (const match of text.matchAll(CANDIDATES)) {
    const raw = match[0]
    const compact = raw.replace(/^\+?86[ -]?/, '').replace(/[ -]/g, '')
    if (compact.length === 18 && isIdCardNumber(compact))
      hits.push({ kind: 'id-card', value: raw, field })
    else if (/^1[3-9]\d{9}$/.test(compact)) hits.push({ kind: 'mobile', value: raw, field })
    else if (/^\d{16,19}$/.test(compact) && passesLuhn(compact))
      hits.push({ kind: 'bank-card', value: raw, field })
  }
  return hits
}

/** Every string inside a document (rich text included), with the path it was found at. */
function* textsOf(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* textsOf(item, `${path}.${i}`)
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id' || key === 'type' || key === 'format' || key === 'version') continue
      yield* textsOf(item, path ? `${path}.${key}` : key)
    }
  }
}

/** Personal data anywhere in the given fields of a document. */
export function scanDocument(doc: Record<string, unknown>, fields: string[]): PersonalDataHit[] {
  return fields.flatMap((field) =>
    [...textsOf(doc[field], field)].flatMap(([path, text]) => findPersonalData(text, path)),
  )
}
