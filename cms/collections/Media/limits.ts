/** What may be uploaded: photos and scanned documents, nothing executable or scriptable (no SVG). */
export const ALLOWED_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']

/** Upload size cap: a phone photo or a scanned multi-page PDF fits; a video does not. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
