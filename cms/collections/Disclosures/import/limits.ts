/**
 * Bounds on a finance-table import. A quarter's table is tens of lines and a few kilobytes; these
 * leave room for a year's worth with notes while keeping a hostile file from costing memory or time.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
/** What the parts of an .xlsx may add up to once inflated (checked before and while inflating). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
export const MAX_ZIP_ENTRIES = 500
export const MAX_ROWS = 2000
