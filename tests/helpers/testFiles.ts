/**
 * A minimal but well-formed one-page PDF (header, objects, cross-reference table, trailer), with
 * an optional comment padding it to an exact size.
 */
export function pdf(text = '居民代表会议决议', padTo?: number): Buffer {
  const build = (padding: number) => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R >>',
    ]
    const stream = `BT /F1 12 Tf 20 100 Td (${Buffer.from(text).toString('hex')}) Tj ET`
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`)
    let body = '%PDF-1.4\n'
    if (padding > 0) body += `%${' '.repeat(padding)}\n`
    const offsets: number[] = []
    objects.forEach((object, i) => {
      offsets.push(Buffer.byteLength(body, 'latin1'))
      body += `${i + 1} 0 obj\n${object}\nendobj\n`
    })
    const xref = Buffer.byteLength(body, 'latin1')
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
    for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
    return Buffer.from(body, 'latin1')
  }
  if (padTo === undefined) return build(0)
  let padding = 0
  for (let i = 0; i < 5; i += 1) {
    const size = build(padding).length
    if (size === padTo) break
    padding += padTo - size
  }
  const result = build(padding)
  if (result.length !== padTo) throw new Error(`could not build a PDF of exactly ${padTo} bytes`)
  return result
}
