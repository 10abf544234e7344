/**
 * The moment the site is built: "now" for what counts as upcoming or expired. BUILD_TIME (ISO)
 * overrides it, so tests and previews can build the site as of a given day.
 */
import { isoDate } from '../../cms/beijingTime.ts'

export const buildTime = (): number =>
  process.env.BUILD_TIME ? Date.parse(process.env.BUILD_TIME) : Date.now()

/** The build's day in Beijing (YYYY-MM-DD): the access date a page's citation shows without JavaScript. */
export const buildDay = (): string => isoDate(new Date(buildTime()).toISOString())
