import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { requestProblem } from './requestProblems.ts'

/**
 * Wraps one of Payload's REST route handlers: a request that is malformed as sent is answered 4xx
 * with the reason (utilities/requestProblems.ts) and never reaches Payload.
 */
export function guardRest<Context>(
  config: Promise<SanitizedConfig>,
  handler: (request: Request, context: Context) => Promise<Response>,
) {
  return async (request: Request, context: Context): Promise<Response> => {
    // The same instance (and options) Payload's own handlers ask for.
    const payload = await getPayload({ config, cron: true })
    const problem = requestProblem(payload, request)
    if (!problem) return handler(request, context)
    const req = { payload, headers: request.headers } as unknown as PayloadRequest
    return Response.json(
      { errors: [{ message: problem.message }] },
      { status: problem.status, headers: headersWithCors({ headers: new Headers(), req }) },
    )
  }
}
