/**
 * The moment the site is built: "now" for what counts as upcoming or expired. BUILD_TIME (ISO)
 * overrides it, so tests and previews can build the site as of a given day.
 */
export const buildTime = (): number =>
  process.env.BUILD_TIME ? Date.parse(process.env.BUILD_TIME) : Date.now()
