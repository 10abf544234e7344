/** Values the site fixtures write (tests/helpers/siteFixtures.ts) and the site tests look for. */
export const DRAFT_MARK = '草稿泄漏检查'
export const CORRECTED_DISCLOSURE = '2026-q3-jingfei-shouzhi'
export const CORRECTION_NOTE = '更正：第三季度报刊订阅金额录入有误，已按发票更正。'
/** File names of uploads no published document uses (and a stale copy): none may reach dist/. */
export const PRIVATE_FILE_MARK = 'private-leak-'
