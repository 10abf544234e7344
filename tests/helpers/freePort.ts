import { createServer } from 'node:net'

/** A TCP port on loopback that nothing is listening on, for a server a test starts. */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
