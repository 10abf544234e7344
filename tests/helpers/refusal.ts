/** What Payload throws when it refuses a write. */
export type Refusal = {
  status?: number
  message: string
  data?: { errors?: Array<{ path: string; message: string }> }
}

/** Awaits a write that must be refused, and hands back the error to look at. */
export async function refusal(write: Promise<unknown>): Promise<Refusal> {
  try {
    await write
  } catch (error) {
    return error as Refusal
  }
  throw new Error('the write was expected to be refused, but it succeeded')
}

/** The field messages of a refused write (Payload's own message only names the fields). */
export async function refusalMessages(write: Promise<unknown>): Promise<string> {
  const error = await refusal(write)
  return (error.data?.errors ?? []).map((e) => e.message).join(' ') || error.message
}
