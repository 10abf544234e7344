/** A relationship value as Payload hands it over: an ID (number or string) or a populated document. */
export type Ref = string | number | { id: string | number } | null | undefined

/** The opaque string ID behind a relationship value, whatever the adapter and depth. */
export const idOf = (ref: Ref): string | null =>
  ref == null ? null : String(typeof ref === 'object' ? ref.id : ref)
