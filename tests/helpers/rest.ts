/** A small client for the CMS's REST and GraphQL APIs, as a browser or script would call them. */
export type Session = { token?: string; label: string }

export const anonymous: Session = { label: 'anonymous' }

export function restClient(baseUrl: string) {
  const call = async (
    session: Session,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const form = body instanceof FormData
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...(session.token ? { authorization: `JWT ${session.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
    const text = await response.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer it expects
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      // Not JSON (an HTML error page): json stays null and the test reads the status.
    }
    return { status: response.status, json, headers: response.headers }
  }
  return {
    call,
    get: (s: Session, path: string) => call(s, 'GET', path),
    post: (s: Session, path: string, body: unknown) => call(s, 'POST', path, body),
    patch: (s: Session, path: string, body: unknown) => call(s, 'PATCH', path, body),
    del: (s: Session, path: string) => call(s, 'DELETE', path),
    /** A file upload as the admin's form sends it: the file plus the other fields as `_payload`. */
    upload: (
      s: Session,
      path: string,
      file: { name: string; type: string; data: Uint8Array },
      fields: Record<string, unknown> = {},
      method = 'POST',
    ) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
      form.append('_payload', JSON.stringify(fields))
      return call(s, method, path, form)
    },
    graphql: (s: Session, query: string, variables: Record<string, unknown> = {}) =>
      call(s, 'POST', '/api/graphql', { query, variables }),
    async login(email: string, password: string, label = email): Promise<Session> {
      const { status, json } = await call(anonymous, 'POST', '/api/users/login', {
        email,
        password,
      })
      if (status !== 200 || !json?.token)
        throw new Error(`login as ${email} failed: ${status} ${JSON.stringify(json)}`)
      return { token: json.token, label }
    },
    /** Creates the first account on a new database (it becomes the admin) and logs it in. */
    async firstAdmin(password: string, email = 'admin@example.test'): Promise<Session> {
      const { status, json } = await call(anonymous, 'POST', '/api/users/first-register', {
        email,
        password,
        name: '管理员',
      })
      if (status !== 200 && status !== 201)
        throw new Error(`first-register failed: ${status} ${JSON.stringify(json)}`)
      return this.login(email, password, 'admin')
    },
  }
}
