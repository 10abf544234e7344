/**
 * 引用本页's script: today's date (Beijing) as the web reference's access date, and the copy buttons
 * (Clipboard API; where it is refused, the reference is selected for copying by hand).
 */
import { tools as t } from '../../i18n/zh.ts'
import { gbWebCitation, type CitedPage } from '../../lib/citation.ts'

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

for (const root of document.querySelectorAll<HTMLElement>('[data-cite]')) {
  const status = root.querySelector<HTMLElement>('[data-cite-status]')
  const web = root.querySelector<HTMLElement>('[data-web-citation]')
  if (web) {
    const page = JSON.parse(web.dataset.webCitation!) as Omit<CitedPage, 'accessed'>
    web.textContent = gbWebCitation({ ...page, accessed: today() })
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-citation]')) {
    const text = button.parentElement!.querySelector<HTMLElement>('[data-citation]')!
    button.hidden = false
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text.textContent!.trim())
        if (status) status.textContent = t.copiedCitation
      } catch {
        getSelection()?.selectAllChildren(text)
        if (status) status.textContent = t.copyCitationFailed
      }
    })
  }
}
