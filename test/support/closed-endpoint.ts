import { AddressInfo, createServer } from 'net';

/**
 * `http://127.0.0.1:{port}` where nothing listens (a port just opened and closed): a service that is
 * down, refusing connections for real, for the tests of what a handler does then.
 */
export async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
