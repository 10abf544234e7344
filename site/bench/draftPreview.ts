/**
 * A draft preview, timed from outside as an editor sees it: a published notice gets a draft with a
 * new title (a REST PATCH with ?draft=true: the published version stays live), and the preview
 * address the admin's 预览 button opens is fetched with the editor's token until the draft's page
 * comes back. Twice: the first preview after the stack started (the previews' own content store is
 * then read from nothing) and the next, a preview in steady state. A draft must never reach the
 * public site, so the public page is checked to show the published title still.
 */
import { escapeHtml } from '../search/text.ts'
import { restClient } from '../../tests/helpers/rest.ts'
import { benchAdmin, served, type Stack } from './publishToLive.ts'

export type PreviewResult = {
  /** Seconds from the request to the preview page with the draft's title, each preview in turn. */
  seconds: number[]
}

export async function draftPreview(
  stack: Stack,
  notice: { id: string | number; url: string; publishedTitle: string },
  times = 2,
): Promise<PreviewResult> {
  const api = restClient(stack.adminUrl)
  const admin = await benchAdmin(api)
  const seconds: number[] = []
  for (let i = 1; i <= times; i++) {
    const title = `${notice.publishedTitle}（草稿${i}）`
    const saved = await api.patch(admin, `/api/notices/${notice.id}?draft=true`, {
      title,
      _status: 'draft',
    })
    if (saved.status !== 200)
      throw new Error(`draft save refused: ${saved.status} ${JSON.stringify(saved.json)}`)
    const t0 = performance.now()
    const response = await fetch(
      `${stack.siteUrl}/_preview/notices/${notice.id}?token=${admin.token}`,
    ).catch((error: unknown) => {
      throw new Error(`the preview request (${i}) got no answer`, { cause: error })
    })
    const html = await response.text()
    if (response.status !== 200 || !html.includes(escapeHtml(title)))
      throw new Error(
        `the preview did not show the draft: ${response.status} ${html.slice(0, 300)}`,
      )
    seconds.push((performance.now() - t0) / 1000)
  }
  if (!(await served(`${stack.siteUrl}${notice.url}`, notice.publishedTitle)))
    throw new Error(
      `after the previews the public page ${notice.url} no longer shows the published title`,
    )
  return { seconds }
}
