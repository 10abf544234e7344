import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { checkAudit, type Allowed } from '../../cli/audit.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * The audit check in CI: every advisory `npm audit --omit=dev --json` reports must be listed in the
 * allow-list with a reason and a review date. Reports here have npm's own format (report version 2,
 * as npm 11 prints it); the advisory is a real one (nanoid's, fixed in 3.3.8).
 */
const NANOID = 'https://github.com/advisories/GHSA-mwcw-c2x4-8c55'
const report = (withAdvisory: boolean) => ({
  auditReportVersion: 2,
  vulnerabilities: withAdvisory
    ? {
        nanoid: {
          name: 'nanoid',
          severity: 'moderate',
          isDirect: false,
          via: [
            {
              source: 1101163,
              name: 'nanoid',
              dependency: 'nanoid',
              title: 'Predictable results in nanoid generation when given non-integer values',
              url: NANOID,
              severity: 'moderate',
              range: '<3.3.8',
            },
          ],
          effects: ['postcss'],
          range: '<3.3.8',
          nodes: ['node_modules/nanoid'],
          fixAvailable: true,
        },
        postcss: {
          name: 'postcss',
          severity: 'moderate',
          isDirect: false,
          via: ['nanoid'],
          effects: [],
          range: '*',
          nodes: ['node_modules/postcss'],
          fixAvailable: true,
        },
      }
    : {},
  metadata: { vulnerabilities: { moderate: withAdvisory ? 2 : 0 } },
})
const accepted = (over: Partial<Allowed> = {}): Allowed => ({
  package: 'nanoid',
  advisory: 'GHSA-mwcw-c2x4-8c55',
  reason: 'Only the build uses it, with integer sizes.',
  until: '2027-06-30',
  ...over,
})
const TODAY = '2026-12-01'

describe('checking an audit report against the allow-list', () => {
  it('passes a report with no advisories', () => {
    expect(checkAudit(report(false), [], TODAY)).toMatchObject({ checked: true, problems: [] })
  })

  it('fails on an advisory that is not listed, naming the package and the advisory', () => {
    const outcome = checkAudit(report(true), [], TODAY)
    expect(outcome.checked && outcome.problems).toEqual([
      `nanoid: moderate GHSA-mwcw-c2x4-8c55 Predictable results in nanoid generation when given non-integer values (${NANOID})`,
    ])
  })

  it('passes an advisory listed with a reason and a date still ahead', () => {
    expect(checkAudit(report(true), [accepted()], TODAY)).toMatchObject({ problems: [], stale: [] })
    expect(checkAudit(report(true), [accepted({ advisory: NANOID })], TODAY)).toMatchObject({
      problems: [],
    })
  })

  it('fails a listing without a reason, without a date or past its date', () => {
    const problems = (entry: Allowed) => {
      const outcome = checkAudit(report(true), [entry], TODAY)
      return outcome.checked ? outcome.problems : []
    }
    expect(problems(accepted({ reason: ' ' }))).toEqual([
      'audit-allowlist.json: nanoid GHSA-mwcw-c2x4-8c55: no reason given',
    ])
    expect(problems(accepted({ until: '' }))).toEqual([
      'audit-allowlist.json: nanoid GHSA-mwcw-c2x4-8c55: no date to review it',
    ])
    expect(problems(accepted({ until: '2026-11-30' }))).toEqual([
      'audit-allowlist.json: nanoid GHSA-mwcw-c2x4-8c55: accepted until 2026-11-30; look at it again',
    ])
  })

  it('a listing for another package does not cover it, and a listing nobody needs is stale', () => {
    const outcome = checkAudit(report(true), [accepted({ package: 'postcss' })], TODAY)
    expect(outcome.checked && outcome.problems.length).toBe(1)
    expect(outcome.checked && outcome.stale.map((s) => s.package)).toEqual(['postcss'])
  })

  it('says so when npm could not reach the advisory service', () => {
    // What npm 11 prints when the registry does not offer the advisory service.
    const message =
      '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk'
    const outcome = checkAudit(
      { message, statusCode: 405, body: '', error: { summary: '', detail: '' } },
      [],
      TODAY,
    )
    expect(outcome).toEqual({ checked: false, reason: message })
  })
})

describe('npm run audit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const run = (input: unknown, list: Allowed[], env: Record<string, string> = {}) => {
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(input))
    writeFileSync(path.join(dir, 'allow.json'), JSON.stringify({ accepted: list }))
    try {
      const out = execFileSync(
        nodeBin,
        [
          path.join(repoRoot, 'cli/audit.ts'),
          '--input',
          path.join(dir, 'report.json'),
          '--allowlist',
          path.join(dir, 'allow.json'),
        ],
        { encoding: 'utf8', env: { ...process.env, ...env } },
      )
      return { code: 0, out }
    } catch (error) {
      const e = error as { status: number; stdout: string }
      return { code: e.status, out: e.stdout }
    }
  }

  it('exits 1 listing what is not accepted, 0 when all is', () => {
    const failing = run(report(true), [])
    expect(failing.code).toBe(1)
    expect(failing.out).toContain('nanoid: moderate GHSA-mwcw-c2x4-8c55')
    expect(run(report(true), [accepted()]).code).toBe(0)
  })

  it('exits 0 saying NOT CHECKED when the service is unreachable, 2 with AUDIT_STRICT=1', () => {
    const unreachable = { error: { code: 'E405', summary: 'audit endpoint returned an error' } }
    const lenient = run(unreachable, [])
    expect(lenient.code).toBe(0)
    expect(lenient.out).toMatch(/NOT CHECKED/)
    expect(run(unreachable, [], { AUDIT_STRICT: '1' }).code).toBe(2)
  })

  it('the repository’s own allow-list is well formed: every entry has a reason and a date ahead', () => {
    const outcome = checkAudit(
      report(false),
      allowlistOfRepo(),
      new Date().toISOString().slice(0, 10),
    )
    expect(outcome.checked && outcome.problems).toEqual([])
  })
})

function allowlistOfRepo(): Allowed[] {
  return (
    JSON.parse(readFileSync(path.join(repoRoot, 'audit-allowlist.json'), 'utf8')) as {
      accepted: Allowed[]
    }
  ).accepted
}
