/**
 * `npm run audit`: `npm audit --omit=dev` against the allow-list in `audit-allowlist.json`. Every
 * advisory npm reports for a package the site or CMS runs with must be fixed (updated away) or
 * listed there with a reason and a date to look at it again; a listed advisory past its date, or
 * listed without a reason, fails too. Run by CI (.ci/run).
 *
 *   npm run audit [-- --input report.json] [-- --allowlist file.json]
 *
 * When npm cannot reach the advisory service (some registries and mirrors do not offer it) nothing
 * was checked: that is said plainly, and it fails only with AUDIT_STRICT=1.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

export type Allowed = { advisory: string; package: string; reason: string; until: string }
export type Advisory = { id: string; package: string; title: string; severity: string; url: string }
export type AuditOutcome =
  | { checked: false; reason: string }
  | { checked: true; problems: string[]; stale: Allowed[]; advisories: Advisory[] }

/** The GHSA id at the end of an advisory URL (what the allow-list names). */
const idOf = (url: string) => /GHSA-[\w-]+/i.exec(url)?.[0] ?? url

/** Advisories in `npm audit --json` (report format 2), one per package and advisory. */
export function advisoriesIn(report: unknown): Advisory[] | null {
  const vulnerabilities = (report as { vulnerabilities?: Record<string, { via?: unknown[] }> })
    ?.vulnerabilities
  if (!vulnerabilities || typeof vulnerabilities !== 'object') return null
  const found = new Map<string, Advisory>()
  for (const [name, entry] of Object.entries(vulnerabilities)) {
    for (const via of entry.via ?? []) {
      // A string names another vulnerable package this one depends on; that one is listed itself.
      if (!via || typeof via !== 'object') continue
      const {
        url = '',
        title = '',
        severity = '',
        name: pkg = name,
      } = via as Record<string, string>
      const advisory = { id: idOf(url), package: pkg, title, severity, url }
      found.set(`${advisory.package} ${advisory.id}`, advisory)
    }
  }
  return [...found.values()].sort((a, b) =>
    `${a.package}${a.id}`.localeCompare(`${b.package}${b.id}`),
  )
}

export function checkAudit(report: unknown, allowlist: Allowed[], today: string): AuditOutcome {
  const advisories = advisoriesIn(report)
  if (!advisories) {
    const { error, message } = (report ?? {}) as {
      error?: { summary?: string; code?: string }
      message?: string
    }
    return { checked: false, reason: error?.summary || message || error?.code || 'no audit report' }
  }
  const problems: string[] = []
  for (const entry of allowlist) {
    if (!entry.reason?.trim())
      problems.push(`audit-allowlist.json: ${entry.package} ${entry.advisory}: no reason given`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.until ?? ''))
      problems.push(
        `audit-allowlist.json: ${entry.package} ${entry.advisory}: no date to review it`,
      )
    else if (entry.until < today)
      problems.push(
        `audit-allowlist.json: ${entry.package} ${entry.advisory}: accepted until ${entry.until}; look at it again`,
      )
  }
  const listed = (a: Advisory) =>
    allowlist.some((entry) => entry.package === a.package && idOf(entry.advisory) === a.id)
  for (const advisory of advisories.filter((a) => !listed(a)))
    problems.push(
      `${advisory.package}: ${advisory.severity} ${advisory.id} ${advisory.title} (${advisory.url})`,
    )
  const stale = allowlist.filter(
    (entry) =>
      !advisories.some((a) => a.package === entry.package && a.id === idOf(entry.advisory)),
  )
  return { checked: true, problems, stale, advisories }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { input: { type: 'string' }, allowlist: { type: 'string' } },
  })
  const root = path.resolve(import.meta.dirname, '..')
  const allowlist = JSON.parse(
    readFileSync(values.allowlist ?? path.join(root, 'audit-allowlist.json'), 'utf8'),
  ) as { accepted: Allowed[] }
  let text: string
  if (values.input) text = readFileSync(values.input, 'utf8')
  else {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' })
    text = run.stdout
  }
  let report: unknown
  try {
    report = JSON.parse(text)
  } catch {
    report = { error: { summary: text.trim().slice(0, 200) || 'npm audit printed nothing' } }
  }
  const outcome = checkAudit(report, allowlist.accepted, new Date().toISOString().slice(0, 10))
  if (!outcome.checked) {
    console.log(
      `npm audit: NOT CHECKED — the advisory service could not be used (${outcome.reason}).`,
    )
    process.exit(process.env.AUDIT_STRICT === '1' ? 2 : 0)
  }
  for (const entry of outcome.stale)
    console.log(
      `npm audit: ${entry.package} ${entry.advisory} is no longer reported; remove it from audit-allowlist.json`,
    )
  if (outcome.problems.length > 0) {
    console.log(`npm audit: ${outcome.problems.length} problem(s):`)
    for (const problem of outcome.problems) console.log(`  ${problem}`)
    process.exit(1)
  }
  console.log(
    `npm audit: ${outcome.advisories.length} advisory(ies) in production dependencies, all accepted in audit-allowlist.json.`,
  )
}
