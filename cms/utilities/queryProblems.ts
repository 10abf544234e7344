import type { CollectionSlug, FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

/**
 * What is wrong with a query before it reaches the database, in words for the person who sent it.
 * Payload checks that a `where` names fields that exist; it does not check the values, and the
 * database adapters fail with a 500 on a value of the wrong kind (`NaN` for an ID, an invalid date,
 * `near` on a text field). Every path (REST, GraphQL, the Local API) goes through here.
 */

type Kind = 'id' | 'number' | 'date' | 'boolean' | 'text' | 'untyped' | 'inside'
type Resolved = { kind: Kind; hasMany: boolean; relation?: string; join?: boolean } | null

/** A path into rich text or JSON (`body.root`): the adapters cannot query there. */
const INSIDE: Resolved = { kind: 'inside', hasMany: false }

const KIND_NAME: Record<Kind, string> = {
  id: 'ID',
  number: '数字',
  date: '日期时间',
  boolean: 'true 或 false',
  text: '文字',
  untyped: '值',
  inside: '值',
}

const COMPARE = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const TEXT_MATCH = ['like', 'not_like', 'contains']
const LISTS = ['in', 'not_in', 'all']
const GEO = ['near', 'within', 'intersects']
const BASIC = ['equals', 'not_equals', 'in', 'not_in', 'exists']

const OPERATORS: Record<Kind, string[]> = {
  id: [...BASIC, ...COMPARE],
  number: [...BASIC, ...COMPARE],
  date: [...BASIC, ...COMPARE],
  boolean: BASIC,
  text: [...BASIC, ...COMPARE, ...TEXT_MATCH],
  untyped: [...BASIC, ...TEXT_MATCH],
  inside: [],
}

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** `1`, `"17"`: what the IDs of this database look like. */
export function idProblem(payload: Payload, collection: string, id: unknown): string | null {
  const custom = payload.collections[collection as CollectionSlug]?.customIDType
  const type = custom ?? payload.db.defaultIDType
  const text = typeof id === 'number' ? String(id) : id
  if (type === 'number') {
    if (typeof text === 'string' && /^[1-9]\d{0,15}$/.test(text) && Number.isSafeInteger(+text))
      return null
    return `ID ${show(id)} 格式不正确：应为正整数。`
  }
  if (payload.db.name === 'mongoose' && !custom) {
    if (typeof text === 'string' && /^[0-9a-f]{24}$/i.test(text)) return null
    return `ID ${show(id)} 格式不正确：应为 24 位十六进制字符。`
  }
  return typeof text === 'string' && text.length > 0 && text.length <= 200
    ? null
    : `ID ${show(id)} 格式不正确。`
}

function kindOf(field: FlattenedField): Kind {
  switch (field.type) {
    case 'number':
      return 'number'
    case 'date':
      return 'date'
    case 'checkbox':
      return 'boolean'
    case 'relationship':
    case 'upload':
    case 'join':
      return 'id'
    case 'richText':
    case 'json':
    case 'point':
    case 'group':
    case 'tab':
    case 'array':
    case 'blocks':
      return 'untyped'
    default:
      return 'text'
  }
}

/** The field a dotted path names, across groups, arrays, tabs and (forward) relationships. */
function resolve(payload: Payload, config: SanitizedCollectionConfig, path: string): Resolved {
  let segments = path.split('.')
  let fields = config.flattenedFields
  let relation = config.slug
  if (segments[0] === 'version' && config.versions) segments = segments.slice(1)
  else if (segments.length === 1 && segments[0] === 'parent' && config.versions)
    return { kind: 'id', hasMany: false, relation }
  else if (['latest', 'autosave', 'snapshot'].includes(segments[0]!) && config.versions)
    return { kind: 'boolean', hasMany: false }
  for (let i = 0; i < segments.length; i += 1) {
    const name = segments[i]!
    if (name === 'id' || name === '_id') return { kind: 'id', hasMany: false, relation }
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === name)
    if (!field) return null
    const last = i === segments.length - 1
    const hasMany = 'hasMany' in field && Boolean(field.hasMany)
    if ('flattenedFields' in field && !last) {
      fields = field.flattenedFields
      continue
    }
    const target =
      field.type === 'join'
        ? field.collection
        : field.type === 'relationship' || field.type === 'upload'
          ? field.relationTo
          : undefined
    if (last || typeof target !== 'string') {
      if (!last) return field.type === 'richText' || field.type === 'json' ? INSIDE : null
      return {
        kind: kindOf(field),
        hasMany: hasMany || field.type === 'join',
        relation: typeof target === 'string' ? target : undefined,
        join: field.type === 'join',
      }
    }
    const related = payload.collections[target as CollectionSlug]?.config
    if (!related) return null
    fields = related.flattenedFields
    relation = target
  }
  return null
}

function valueProblem(
  payload: Payload,
  field: NonNullable<Resolved>,
  value: unknown,
): string | null {
  if (value === null) return null
  if (typeof value === 'object') return `需要${KIND_NAME[field.kind]}`
  const text = String(value)
  switch (field.kind) {
    case 'id':
      return field.relation && idProblem(payload, field.relation, text)
        ? `需要${KIND_NAME.id}`
        : null
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? null : '需要数字'
    case 'date':
      return Number.isFinite(Date.parse(text))
        ? null
        : '需要日期时间（如 2026-11-20T09:00:00+08:00）'
    case 'boolean':
      return ['true', 'false'].includes(text) ? null : '需要 true 或 false'
    default:
      return null
  }
}

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

/** The first problem of a `where`, or null when it can be run as given. */
export function whereProblem(
  payload: Payload,
  config: SanitizedCollectionConfig,
  where: unknown,
  { at = 'where', draft = false }: { at?: string; draft?: boolean } = {},
): string | null {
  if (where === undefined || where === null) return null
  if (!isPlainObject(where)) return `查询条件 ${at} 必须是对象，收到 ${show(where)}。`
  for (const [key, constraint] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const branches = Array.isArray(constraint)
        ? constraint
        : isPlainObject(constraint)
          ? Object.values(constraint)
          : null
      if (!branches) return `查询条件 ${at}[${key}] 必须是条件的列表。`
      for (const [i, branch] of branches.entries()) {
        const problem = whereProblem(payload, config, branch, { at: `${at}[${key}][${i}]`, draft })
        if (problem) return problem
      }
      continue
    }
    const path = `${at}[${key}]`
    if (!isPlainObject(constraint)) return `查询条件 ${path} 必须写成 ${path}[运算符]=值。`
    const field = resolve(payload, config, key)
    for (const [operator, value] of Object.entries(constraint)) {
      const where = `${path}[${operator}]`
      if (!OPERATORS.text.concat(LISTS, GEO).includes(operator))
        return `查询条件 ${where}：没有 ${operator} 这个运算符。`
      // Unknown fields are left to Payload, which refuses them with its own message.
      if (!field) continue
      if (field.kind === 'inside') return `查询条件 ${where}：不能按富文本或 JSON 的内部查询。`
      // Drafts are read from the versions table, which has no join fields (Payload fails there).
      if (field.join && (draft || key.startsWith('version.')))
        return `查询条件 ${where}：查询草稿时不能按 ${key} 筛选（可按 ${key}.字段 筛选）。`
      // SQLite's adapter has no `all` (it fails with a 500); MongoDB's has.
      const allowed =
        OPERATORS[field.kind].includes(operator) ||
        (operator === 'all' && field.hasMany && payload.db.name === 'mongoose') ||
        (operator === 'contains' && field.hasMany)
      if (!allowed) return `查询条件 ${where}：字段 ${key} 不能用 ${operator} 查询。`
      if (operator === 'exists') {
        if (!['true', 'false'].includes(String(value)))
          return `查询条件 ${where} 需要 true 或 false，收到 ${show(value)}。`
        continue
      }
      if (operator === 'contains' && field.kind === 'id' && isPlainObject(value)) continue
      const values = LISTS.includes(operator) ? listOf(value) : [value]
      if (values.length > 1000) return `查询条件 ${where} 最多列出 1000 个值。`
      for (const item of values) {
        const problem = valueProblem(payload, field, item)
        if (problem) return `查询条件 ${where} ${problem}，收到 ${show(item)}。`
      }
    }
  }
  return null
}

/** The first problem of a `joins` argument (the paging and filter of join fields' lists). */
export function joinsProblem(
  payload: Payload,
  config: SanitizedCollectionConfig,
  joins: unknown,
): string | null {
  if (joins === undefined || joins === null || joins === false) return null
  if (!isPlainObject(joins)) return `参数 joins 必须是对象，收到 ${show(joins)}。`
  for (const [name, join] of Object.entries(joins)) {
    if (join === false) continue
    const field = config.flattenedFields.find((f) => f.type === 'join' && f.name === name)
    if (!field || field.type !== 'join' || typeof field.collection !== 'string')
      return `参数 joins[${name}]：没有这个关联列表。`
    if (!isPlainObject(join)) return `参数 joins[${name}] 必须是对象。`
    for (const key of ['limit', 'page'] as const) {
      const value = join[key]
      if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0))
        return `参数 joins[${name}][${key}] 应为非负整数，收到 ${show(value)}。`
    }
    const related = payload.collections[field.collection as CollectionSlug].config
    const problem = whereProblem(payload, related, join.where, { at: `joins[${name}][where]` })
    if (problem) return problem
  }
  return null
}
