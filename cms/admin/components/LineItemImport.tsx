'use client'
/**
 * The import panel above a finance disclosure's line items: download a template, choose a filled
 * .xlsx or .csv, see every row with its problems, then apply. Applying is a server-side draft save
 * through the import endpoint (cms/collections/Disclosures/import/endpoints.ts), so the totals and
 * amount rules are exactly those of any save; the page then reloads to show the saved rows.
 */
import { useConfig, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

import type { ImportPreview } from '../../collections/Disclosures/import/lineItemRows.ts'
import { DIRECTION_LABELS, LINE_ITEM_IMPORT_TEXT as t } from '../../labels.ts'

type Result = { preview?: ImportPreview; errors?: Array<{ message: string }> }

const yuan = (n: number) => n.toFixed(2)
const error = { color: 'var(--theme-error-500)' }
const cell = { padding: '0.2em 0.5em', borderBottom: '1px solid var(--theme-elevation-150)' }

export function LineItemImport(): React.ReactElement {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const existing = useFormFields(([fields]) => Number(fields.lineItems?.rows?.length ?? 0))
  const {
    config: { routes, serverURL },
  } = useConfig()
  const base = `${serverURL ?? ''}${routes.api}/disclosures`
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [done, setDone] = useState<number | null>(null)

  async function send(chosen: File, apply: boolean): Promise<Result> {
    const body = new FormData()
    body.append('file', chosen)
    const response = await fetch(`${base}/${id}/line-items${apply ? '?apply=1' : ''}`, {
      method: 'POST',
      body,
      credentials: 'include',
    })
    return (await response.json()) as Result
  }

  async function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null
    setFile(chosen)
    setResult(null)
    if (!chosen) return
    setBusy('reading')
    try {
      setResult(await send(chosen, false))
    } finally {
      setBusy(null)
    }
  }

  async function apply() {
    if (!file) return
    setBusy('applying')
    const outcome = await send(file, true).finally(() => setBusy(null))
    if (outcome.errors) return setResult(outcome)
    setDone(outcome.preview?.lineItems?.length ?? 0)
    window.location.reload()
  }

  const preview = result?.preview
  return (
    <section
      aria-labelledby="line-item-import"
      data-line-item-import
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 'var(--style-radius-m)',
        padding: 'calc(var(--base) / 2) var(--base)',
        marginBottom: 'var(--base)',
      }}
    >
      <h3 id="line-item-import" style={{ margin: '0 0 0.3em' }}>
        {t.title}
      </h3>
      <p style={{ margin: '0 0 0.5em' }}>{t.intro}</p>
      <p style={{ margin: '0 0 0.5em' }}>
        <a href={`${base}/line-items-template?format=xlsx`}>{t.templateXlsx}</a>
        {' · '}
        <a href={`${base}/line-items-template?format=csv`}>{t.templateCsv}</a>
      </p>
      {!id ? (
        <p style={{ margin: 0 }}>{t.saveFirst}</p>
      ) : (
        <>
          <label style={{ display: 'block', marginBottom: '0.5em' }}>
            {t.choose}
            <br />
            <input
              type="file"
              name="line-items-file"
              accept=".xlsx,.csv"
              onChange={choose}
              disabled={busy !== null}
            />
          </label>
          {busy ? <p role="status">{busy === 'reading' ? t.reading : t.applying}</p> : null}
          {result?.errors ? (
            <p role="alert" style={error}>
              {t.failed}
              {result.errors.map((e) => e.message).join(' ')}
            </p>
          ) : null}
          {preview ? (
            <div data-preview>
              <p style={{ margin: '0 0 0.3em' }}>
                {t.read(preview.rows.length, preview.format, preview.encoding, preview.sheet)}
              </p>
              {preview.problems.length ? (
                <div role="alert" style={error}>
                  <p style={{ margin: 0 }}>{t.problems(preview.problems.length)}</p>
                  <ul data-problems style={{ margin: '0 0 0.5em', paddingLeft: '1.2em' }}>
                    {preview.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p style={{ margin: '0 0 0.3em' }}>{t.noProblems}</p>
              )}
              <div style={{ overflowX: 'auto', maxHeight: '24rem', overflowY: 'auto' }}>
                <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                  <thead>
                    <tr>
                      {[t.row, '项目', '收/支', '金额（元）', '备注', t.problem].map((h) => (
                        <th key={h} scope="col" style={{ ...cell, textAlign: 'left' }}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.row} style={r.problems.length ? error : undefined}>
                        <td style={cell}>{r.row}</td>
                        <td style={cell}>{r.item}</td>
                        <td style={cell}>{r.direction ? DIRECTION_LABELS[r.direction] : ''}</td>
                        <td style={{ ...cell, textAlign: 'right' }}>
                          {r.amount === null ? '' : yuan(r.amount)}
                        </td>
                        <td style={cell}>{r.note}</td>
                        <td style={cell}>{r.problems.join('；')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.totals ? (
                <p data-totals style={{ margin: '0.5em 0' }}>
                  {t.totals(
                    yuan(preview.totals.income),
                    yuan(preview.totals.expense),
                    yuan(preview.totals.balance),
                  )}
                </p>
              ) : null}
              {preview.lineItems ? (
                modified ? (
                  <p style={error}>{t.unsaved}</p>
                ) : (
                  <button
                    type="button"
                    className="btn btn--style-primary btn--size-medium"
                    onClick={apply}
                    disabled={busy !== null}
                  >
                    {t.apply(preview.lineItems.length, existing)}
                  </button>
                )
              ) : null}
              {done !== null ? <p role="status">{t.applied(done)}</p> : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
