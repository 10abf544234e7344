import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { formatProblem, seedContent } from '../../cms/seed/seedContent.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { contentRoot, nodeBin, repoRoot } from '../helpers/paths.ts'
import { databaseSnapshot } from '../helpers/snapshot.ts'

/**
 * A content tree with one defect never reaches the database: seeding reports every problem as
 * `file: field: reason` and the corpus already loaded stays exactly as it was.
 */
let cms: TestCms
let tree: string
let before: Awaited<ReturnType<typeof databaseSnapshot>>

const NOTICE = 'notices/2026-11-jumin-daibiao-huiyi.md'
const FINANCE = 'disclosures/2025-q1-jingfei-shouzhi.md'
const HONOURED = 'brand-projects/sanzhi-xinlianxin.md'

const read = (file: string) => readFileSync(path.join(tree, file), 'utf8')
const write = (file: string, text: string) => writeFileSync(path.join(tree, file), text)
const edit = (file: string, from: RegExp | string, to: string) => {
  const text = read(file)
  const changed = text.replace(from, to)
  if (changed === text) throw new Error(`fixture edit did not apply to ${file}`)
  write(file, changed)
}

async function seedProblems() {
  const result = await seedContent(cms.payload, tree)
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.problems.map(formatProblem)
}

beforeAll(async () => {
  cms = await startCms({ seeded: true })
  before = await databaseSnapshot(cms.payload)
})
afterAll(async () => cms?.close())

beforeEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true })
  tree = mkdtempSync(path.join(tmpdir(), 'content-'))
  cpSync(contentRoot, tree, { recursive: true })
})

describe('a defect in one file', () => {
  it('the unmodified corpus seeds cleanly (the fixture is sound)', async () => {
    const result = await seedContent(cms.payload, tree)
    expect(result.ok).toBe(true)
  })

  it('bad YAML', async () => {
    edit(NOTICE, /^title: .*$/m, 'title: [关于召开会议的通知')
    expect(await seedProblems()).toEqual([
      expect.stringMatching(new RegExp(`^${NOTICE}: \\(yaml\\): not valid YAML: `)),
    ])
  })

  it('a missing required field', async () => {
    edit(NOTICE, /^title: .*\n/m, '')
    expect(await seedProblems()).toEqual([`${NOTICE}: title: is required`])
  })

  it('an unknown community', async () => {
    edit(NOTICE, /^community: .*$/m, 'community: no-such-place')
    expect(await seedProblems()).toEqual([
      `${NOTICE}: community: unknown communities "no-such-place"`,
    ])
  })

  it('a duplicate slug', async () => {
    const [district] = (
      await cms.payload.find({ collection: 'districts', limit: 1, overrideAccess: true })
    ).docs
    const file = `districts/${district.slug}.yaml`
    write(`districts/${district.slug}.yml`, read(file))
    expect(await seedProblems()).toEqual([
      `districts/${district.slug}.yml: (file name): duplicate slug "${district.slug}" (also ${file})`,
    ])
  })

  it('a date that does not exist', async () => {
    edit(NOTICE, /^publishedAt: .*$/m, 'publishedAt: 2026-02-30 09:00')
    expect(await seedProblems()).toEqual([
      `${NOTICE}: publishedAt: expected a date-time "YYYY-MM-DD HH:mm" (Beijing time), got "2026-02-30 09:00"`,
    ])
  })

  it('an amount that is not a number', async () => {
    edit(FINANCE, /amount: [\d.]+/, 'amount: 十二元')
    expect(await seedProblems()).toEqual([
      `${FINANCE}: lineItems[0].amount: expected a number, got "十二元"`,
    ])
  })

  it('an unknown field (a typo)', async () => {
    edit(NOTICE, /^kind: /m, 'kinds: meeting\nkind: ')
    expect(await seedProblems()).toEqual([`${NOTICE}: kinds: unknown field`])
  })

  it("a rule of the collection's own fields (a meeting needs a place) is reported in its words, with the rest", async () => {
    edit(NOTICE, /place: [^,}\n]+/, 'place: ""')
    edit('communities/shili.md', /^name: .*$/m, 'name: 示例居委会（改）')
    // Reported together with a malformed file: both were found before anything was written.
    edit(FINANCE, /amount: [\d.]+/, 'amount: 1.234')
    expect(await seedProblems()).toEqual([
      `${NOTICE}: meeting.place: 会议通知必须填写地点。`,
      `${FINANCE}: lineItems[0].amount: at most 2 decimal places, got 1.234`,
    ])
  })

  it('the ranges the collection sets hold in files too (an honour of 1900, an amount over the cap)', async () => {
    edit(HONOURED, /year: 2016/, 'year: 1900')
    edit(FINANCE, /amount: [\d.]+/, 'amount: 20000000000')
    expect(await seedProblems()).toEqual([
      `${HONOURED}: honours[0].year: must be at least 1949, got 1900`,
      `${FINANCE}: lineItems[0].amount: must be at most 10000000000, got 20000000000`,
    ])
  })

  it('a rule only a CMS hook knows (a street of another district) rolls back everything written before it', async () => {
    edit('communities/shili.md', /^district: .*$/m, 'district: xuhui')
    // Another file changed earlier in the load order must not survive the rollback.
    edit('districts/baoshan.yaml', /^name: .*$/m, 'name: 宝山区（改）')
    const problems = await seedProblems()
    expect(problems).toEqual([
      'communities/shili.md: district: 所选区与街道“示例街道”所属的区不一致。',
    ])
  })

  it('several problems in several files are all reported at once', async () => {
    edit(NOTICE, /^title: .*\n/m, '')
    edit(FINANCE, /amount: [\d.]+/, 'amount: 1.234')
    expect(await seedProblems()).toEqual([
      `${NOTICE}: title: is required`,
      `${FINANCE}: lineItems[0].amount: at most 2 decimal places, got 1.234`,
    ])
  })

  afterAll(async () => {
    expect(await databaseSnapshot(cms.payload)).toEqual(before)
  })
})

describe('npm run seed on a broken tree', () => {
  it('exits non-zero, prints each problem and writes nothing', () => {
    edit(NOTICE, /^community: .*$/m, 'community: no-such-place')
    const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-cli-'))
    let output = ''
    let status = 0
    try {
      execFileSync(nodeBin, [path.join(repoRoot, 'cms/cli/seed.ts'), tree], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URI: '', MEDIA_DIR: '' },
        encoding: 'utf8',
        stdio: 'pipe',
      })
    } catch (error) {
      const failed = error as { status: number; stderr: string; stdout: string }
      status = failed.status
      output = failed.stderr
    }
    rmSync(dataDir, { recursive: true, force: true })
    expect(status).toBe(1)
    expect(output).toContain('Nothing was written: 1 problem(s)')
    expect(output).toContain(`  ${NOTICE}: community: unknown communities "no-such-place"`)
  })
})
