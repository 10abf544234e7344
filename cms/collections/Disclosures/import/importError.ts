/** A file the import refuses as a whole; the message is shown to staff as it is. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}
