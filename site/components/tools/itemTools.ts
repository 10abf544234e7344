/**
 * The item tools' script (ItemTools.astro). Each tool shows only when the browser can do it:
 * read aloud needs the Web Speech API and a Chinese voice; copy needs the Clipboard API (else the
 * chat text is opened and selected, to copy by hand).
 *
 * Reading aloud speaks the elements marked data-read (the title, the meeting's time and place, the
 * text) in page order, never the navigation, cut into sentences: some browsers stop a long single
 * utterance after about fifteen seconds.
 */
import { tools as t } from '../../i18n/zh.ts'

const MAX_CHUNK = 120

function sentences(text: string): string[] {
  const parts = text.replace(/\s+/g, ' ').match(/[^。！？!?；;\n]+[。！？!?；;]?/g) ?? []
  const chunks: string[] = []
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    for (let i = 0; i < part.length; i += MAX_CHUNK) chunks.push(part.slice(i, i + MAX_CHUNK))
  }
  return chunks
}

const chineseVoice = (voices: SpeechSynthesisVoice[]) =>
  voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ??
  voices.find((v) => /^zh[-_](Hans|SG)/i.test(v.lang)) ??
  voices.find((v) => /^(zh|cmn)/i.test(v.lang))

function readAloud(root: HTMLElement, say: (message: string) => void) {
  const box = root.querySelector<HTMLElement>('[data-read-aloud]')
  if (!box || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined')
    return
  const synth = window.speechSynthesis
  const button = (name: string) => box.querySelector<HTMLButtonElement>(`[data-${name}]`)!
  const [speak, pause, resume, stop] = ['speak', 'pause', 'resume', 'stop'].map(button)
  let voice: SpeechSynthesisVoice | undefined
  let queue: string[] = []

  const show = (state: 'idle' | 'speaking' | 'paused') => {
    speak.hidden = state !== 'idle'
    pause.hidden = state !== 'speaking'
    resume.hidden = state !== 'paused'
    stop.hidden = state === 'idle'
  }
  const next = () => {
    const text = queue.shift()
    if (text === undefined) return show('idle')
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = voice?.lang ?? 'zh-CN'
    if (voice) utterance.voice = voice
    utterance.onend = () => {
      if (queue.length) next()
      else show('idle')
    }
    synth.speak(utterance)
  }

  speak.addEventListener('click', () => {
    const text = [...document.querySelectorAll<HTMLElement>('[data-read]')]
      .map((el) => el.innerText)
      .join('。\n')
    queue = sentences(text)
    synth.cancel()
    show('speaking')
    say(t.reading)
    next()
  })
  pause.addEventListener('click', () => {
    synth.pause()
    show('paused')
    say(t.paused)
  })
  resume.addEventListener('click', () => {
    synth.resume()
    show('speaking')
    say(t.reading)
  })
  stop.addEventListener('click', () => {
    queue = []
    synth.cancel()
    show('idle')
    say(t.stopped)
  })

  // Voices often arrive after the page loads; the tool appears once a Chinese one is there.
  const offer = () => {
    voice = chineseVoice(synth.getVoices())
    box.hidden = !voice
  }
  offer()
  synth.addEventListener?.('voiceschanged', offer)
  window.addEventListener('pagehide', () => synth.cancel())
}

function copyToChat(root: HTMLElement, say: (message: string) => void) {
  const button = root.querySelector<HTMLButtonElement>('[data-chat-copy]')
  const details = root.querySelector<HTMLDetailsElement>('[data-chat-details]')
  const text = root.querySelector<HTMLTextAreaElement>('[data-chat-text]')
  if (!button || !details || !text) return
  button.hidden = false
  details.hidden = true
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text.value)
      say(t.copied)
    } catch {
      details.hidden = false
      details.open = true
      text.focus()
      text.select()
      say(t.copyFailed)
    }
  })
}

for (const root of document.querySelectorAll<HTMLElement>('[data-item-tools]')) {
  const status = root.querySelector<HTMLElement>('[data-tools-status]')
  const say = (message: string) => {
    if (status) status.textContent = message
  }
  readAloud(root, say)
  copyToChat(root, say)
}
