/**
 * The peer the build is compared with: the same notice pages (same notices, one page each with title,
 * community, dates, body HTML and meeting box, in a page frame like the site's) built by Eleventy 3, a
 * plain static-site generator, on the same machine in the same run. Eleventy is installed into the
 * benchmark's own cache folder on first use, never as a dependency of the site, and runs on the
 * project's Node 24. 3.1.7 is pinned: 3.1.8 does not install here.
 *
 * Its data is exported once from the database (exportNotices.ts), rich text already in HTML, so its
 * build time is templating and writing only; dates are formatted by its own filters, as the site's
 * templates format them.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { measureCommand, type Measured } from './processTree.ts'
import { progress } from './progress.ts'

export const ELEVENTY_VERSION = '3.1.7'

/** Installs Eleventy into `cacheDir` unless that exact version is there; returns its command file. */
export function ensureEleventy(cacheDir: string): string {
  const dir = path.join(cacheDir, `eleventy-${ELEVENTY_VERSION}`)
  const manifest = path.join(dir, 'node_modules/@11ty/eleventy/package.json')
  const installed = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version
  if (installed !== ELEVENTY_VERSION) {
    mkdirSync(dir, { recursive: true })
    console.log(`Installing Eleventy ${ELEVENTY_VERSION} into ${dir} (first run only) …`)
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-audit',
        '--no-fund',
        '--save-exact',
        `@11ty/eleventy@${ELEVENTY_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
  }
  return path.join(dir, 'node_modules/@11ty/eleventy/cmd.cjs')
}

// Beijing-time formatting like cms/beijingTime.ts, written out here because Eleventy loads this
// file itself (plain JavaScript, outside the project's TypeScript).
const CONFIG = `const OFFSET = 8 * 3600 * 1000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n) => String(n).padStart(2, '0')
const parts = (iso) => new Date(Date.parse(iso) + OFFSET)
const date = (iso) => { const d = parts(iso); return \`\${d.getUTCFullYear()}年\${d.getUTCMonth() + 1}月\${d.getUTCDate()}日\` }
const time = (iso) => { const d = parts(iso); return \`\${pad(d.getUTCHours())}:\${pad(d.getUTCMinutes())}\` }
const isoDate = (iso) => { const d = parts(iso); return \`\${d.getUTCFullYear()}-\${pad(d.getUTCMonth() + 1)}-\${pad(d.getUTCDate())}\` }
const dateTime = (iso) => \`\${date(iso)}（星期\${WEEKDAYS[parts(iso).getUTCDay()]}）\${time(iso)}\`
const now = Date.now()
export default function (config) {
  config.addFilter('date', date)
  config.addFilter('dateTime', dateTime)
  config.addFilter('time', time)
  config.addFilter('isoDate', isoDate)
  config.addFilter('expired', (n) => Boolean(n.validUntil) && Date.parse(n.validUntil) + 86400000 <= now)
  config.addFilter('ended', (m) => Date.parse(m.endsAt || m.startsAt) <= now)
  return { dir: { input: 'src', output: '_site' } }
}
`

const LAYOUT = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{{ n.title }} - {{ export.strings.site.name }}</title>
    <meta name="description" content="{{ n.summary or n.title }}" />
    <link rel="canonical" href="https://example.org{{ page.url }}" />
    <meta property="og:site_name" content="{{ export.strings.site.name }}" />
    <meta property="og:title" content="{{ n.title }}" />
    <meta property="og:description" content="{{ n.summary or n.title }}" />
    <meta property="og:type" content="article" />
    <meta property="og:url" content="https://example.org{{ page.url }}" />
    <meta property="og:locale" content="zh_CN" />
    <link rel="alternate" type="application/rss+xml" title="{{ export.strings.site.name }}" href="{{ export.strings.rss }}" />
    <link rel="alternate" type="application/rss+xml" title="{{ n.community.feedTitle }}" href="{{ n.community.feed }}" />
    <link rel="sitemap" href="/sitemap-index.xml" />
    <script>
      try {
        if (localStorage.getItem('elder-mode') === '1') document.documentElement.classList.add('elder')
      } catch {}
    </script>
    <link rel="stylesheet" href="/styles.css" />
  </head>
  <body>
    <input type="checkbox" id="elder-mode" class="elder-switch" aria-label="{{ export.strings.site.elderMode }}" />
    <a class="skip-link" href="#main">{{ export.strings.site.skipToContent }}</a>
    <header class="site-header"><div class="wrap header-row">
      <a class="site-name" href="{{ export.strings.routes.home }}">{{ export.strings.site.name }}</a>
      <nav aria-label="主导航" class="site-nav">
        <a href="{{ export.strings.routes.cases }}">{{ export.strings.site.cases }}</a>
        <a href="{{ export.strings.routes.brands }}">{{ export.strings.site.brandProjects }}</a>
        <a href="{{ export.strings.search }}">{{ export.strings.site.search }}</a>
        <label for="elder-mode" class="elder-toggle">{{ export.strings.site.elderMode }}</label>
      </nav>
    </div></header>
    <main id="main" class="wrap">
      <nav aria-label="{{ export.strings.site.breadcrumb }}" class="breadcrumbs"><ol>
        <li><a href="{{ export.strings.routes.home }}">{{ export.strings.site.home }}</a></li>
        <li><a href="{{ n.community.url }}">{{ n.community.name }}</a></li>
        <li><a href="{{ n.community.notices }}">{{ export.strings.noticesCrumb }}</a></li>
        <li aria-current="page">{{ n.title }}</li>
      </ol></nav>
      {{ content | safe }}
    </main>
    <footer class="site-footer"><div class="wrap">
      <p>{{ export.strings.site.footer }}</p>
      <p><a href="{{ export.strings.rss }}">{{ export.strings.site.rss }}</a></p>
    </div></footer>
    <script>
      ;(() => {
        const box = document.getElementById('elder-mode')
        const root = document.documentElement
        box.checked = root.classList.contains('elder')
        box.addEventListener('change', () => {
          root.classList.toggle('elder', box.checked)
          try {
            localStorage.setItem('elder-mode', box.checked ? '1' : '0')
          } catch {}
        })
      })()
    </script>
  </body>
</html>
`

const NOTICE = `---
pagination:
  data: export.notices
  size: 1
  alias: n
layout: base.njk
permalink: "{{ n.url }}index.html"
---
{% set t = export.strings.notice %}{% set expired = n | expired %}
<article class="document">
  <header>
    <h1>{{ n.title }}</h1>
    <p class="meta">
      <span class="badge">{{ n.kind }}</span>
      {% if n.pinned and not expired %}<span class="badge badge-pin">{{ t.pinned }}</span>{% endif %}
      {% if expired %}<span class="badge badge-warn">{{ t.expired }}</span>{% endif %}
      <span>{{ n.community.name }}</span>
      <span>{{ t.publishedAt }} <time datetime="{{ n.publishedAt }}">{{ n.publishedAt | dateTime }}</time></span>
    </p>
    {% if n.validUntil %}<p class="meta"><span>{{ t.validUntil }} <time datetime="{{ n.validUntil | isoDate }}">{{ n.validUntil | date }}</time></span></p>{% endif %}
  </header>
  {% if expired %}<p class="callout" role="note"><strong>{{ t.expired }}：</strong>{{ t.expiredNote }}</p>{% endif %}
  {% if n.meeting %}
  <section class="meeting-box" aria-labelledby="meeting-heading">
    <h2 id="meeting-heading">{{ t.meeting }}</h2>
    <dl class="meeting-facts">
      <dt>{{ t.time }}</dt>
      <dd><time datetime="{{ n.meeting.startsAt }}">{{ n.meeting.startsAt | dateTime }}</time>{% if n.meeting.endsAt %}–<time datetime="{{ n.meeting.endsAt }}">{{ n.meeting.endsAt | time }}</time>{% endif %}</dd>
      {% if n.meeting.place %}<dt>{{ t.place }}</dt><dd>{{ n.meeting.place }}</dd>{% endif %}
    </dl>
    {% if n.meeting | ended %}<p class="meeting-past">{{ t.meetingPast }}</p>{% else %}<p class="actions"><a class="button" href="{{ n.icsUrl }}">{{ t.addToCalendar }}</a></p>{% endif %}
  </section>
  {% endif %}
  <div class="prose">{{ n.bodyHtml | safe }}</div>
  <p class="print-only">{{ t.permalink }} https://example.org{{ n.url }}</p>
</article>
<p class="actions">
  <a href="{{ n.community.url }}">{{ n.community.backTo }}</a>
  <a href="{{ n.community.notices }}">{{ export.strings.allNotices }}</a>
</p>
`

export type EleventyRun = Measured & { pages: number | null; notices: number }

/** Eleventy's own summary line: "[11ty] Wrote 10527 files in 7.30 seconds …". */
export const eleventyPagesWritten = (output: string): number | null => {
  const match = /Wrote (\d+) files?/.exec(output)
  return match ? Number(match[1]) : null
}

/** Builds the exported notices with Eleventy in `workDir` (made afresh), measured like the site build. */
export async function runEleventyPeer({
  cacheDir,
  workDir,
  exportFile,
  node,
}: {
  cacheDir: string
  workDir: string
  exportFile: string
  node: string
}): Promise<EleventyRun> {
  const cmd = ensureEleventy(cacheDir)
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(path.join(workDir, 'src/_includes'), { recursive: true })
  mkdirSync(path.join(workDir, 'src/_data'), { recursive: true })
  writeFileSync(path.join(workDir, 'eleventy.config.mjs'), CONFIG)
  writeFileSync(path.join(workDir, 'src/_includes/base.njk'), LAYOUT)
  writeFileSync(path.join(workDir, 'src/notice.njk'), NOTICE)
  writeFileSync(path.join(workDir, 'src/_data/export.json'), readFileSync(exportFile))
  const notices = (JSON.parse(readFileSync(exportFile, 'utf8')) as { notices: unknown[] }).notices
    .length

  const bar = progress('Eleventy')
  let written = 0
  const run = await measureCommand(node, [cmd, '--config=eleventy.config.mjs'], {
    cwd: workDir,
    env: { ...process.env, NODE_ENV: 'production' },
    onLine: (line) => {
      if (line.includes('[11ty] Writing')) bar.update(++written, notices, 'pages')
    },
  })
  const pages = eleventyPagesWritten(run.output)
  bar.done(
    run.ok
      ? `${pages ?? '?'} pages in ${run.seconds.toFixed(1)}s`
      : `failed:\n${run.output.slice(-2000)}`,
  )
  return { ...run, pages, notices }
}
